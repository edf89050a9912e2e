//===- KnownTypeCalls.cpp - Virtual calls on objects of known type --------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "KnownTypeCalls.h"

#include "escape/AllocationSites.h"
#include "escape/EscapeAnalysis.h"
#include "escape/PointerUses.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/Analysis/ConstantFolding.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include <set>
#include <tuple>

#define DEBUG_TYPE "escape"

using namespace llvm;

STATISTIC(NumKnownTypeCalls, "Virtual calls on objects of known type made "
                             "direct");
STATISTIC(NumKnownTypeInlines, "Calls inlined to reach objects of known type");

namespace escape {

namespace {

/// A vtable pointer: a constant global with a definitive initializer, and
/// the byte offset into it (the address point).
struct VTableRef {
  const GlobalVariable *GV = nullptr;
  int64_t Offset = 0;
  bool operator==(const VTableRef &O) const {
    return GV == O.GV && Offset == O.Offset;
  }
};

std::optional<VTableRef> vtableOf(const Value *V, const DataLayout &DL) {
  if (!isa<Constant>(V) || !V->getType()->isPointerTy())
    return std::nullopt;
  APInt Off(DL.getIndexTypeSizeInBits(V->getType()), 0);
  const Value *B =
      V->stripAndAccumulateConstantOffsets(DL, Off, /*AllowNonInbounds=*/true);
  const auto *GV = dyn_cast<GlobalVariable>(B);
  if (!GV || !GV->isConstant() || !GV->hasDefinitiveInitializer() ||
      Off.getSignificantBits() > 32)
    return std::nullopt;
  return VTableRef{GV, Off.getSExtValue()};
}

/// `Base + Offset` when \p V is \p Base plus a constant.
std::optional<int64_t> offsetFrom(const Value *V, const Value *Base,
                                  const DataLayout &DL) {
  APInt Off(DL.getIndexTypeSizeInBits(V->getType()), 0);
  const Value *B =
      V->stripAndAccumulateConstantOffsets(DL, Off, /*AllowNonInbounds=*/true);
  if (B != Base || Off.getSignificantBits() > 32)
    return std::nullopt;
  return Off.getSExtValue();
}

bool overlaps(int64_t A, uint64_t ASize, int64_t B, uint64_t BSize) {
  return A < B + int64_t(BSize) && B < A + int64_t(ASize);
}

/// Scans every use of one object's address for the proof in the header:
/// each vtable slot [Slot, Slot + 8) of the object holds its vtable wherever
/// it is loaded (a std::make_shared control block has its own slot at 0 and
/// the object's at 16).
class ObjectScan {
public:
  using SlotList = SmallVector<std::pair<int64_t, VTableRef>, 2>;
  ObjectScan(const DataLayout &DL, const TargetLibraryInfo &TLI,
             const SlotList &Slots)
      : DL(DL), TLI(TLI), Slots(Slots) {}

  /// Scans the uses of \p Base (pointing \p BaseOffset bytes into the
  /// object) in its function. \p Root: the function that allocated it,
  /// whose virtual calls and inlining candidates are recorded.
  bool scan(const Value *Base, int64_t BaseOffset, unsigned Depth, bool Root);

  /// Root-level virtual calls on the object, with their targets.
  SmallVector<std::pair<CallBase *, Function *>, 4> Direct;
  /// Root-level calls whose callees make virtual calls on the object.
  SmallVector<CallBase *, 4> ToInline;

private:
  /// The function a virtual call through \p Callee goes to, when it loads
  /// the slot of the object \p Base points into (at \p BaseOffset).
  Function *target(const Value *Callee, const Value *Base, int64_t BaseOffset,
                   FunctionType *FTy) const;
  bool scanCall(const CallBase &CB, const Use &U, int64_t Offset,
                const Value *Base, int64_t BaseOffset, unsigned Depth,
                bool Root);
  bool fail(const Value *Why) {
    LLVM_DEBUG(dbgs() << "escape: known type not proven, because of: " << *Why
                      << "\n");
    return false;
  }

  const DataLayout &DL;
  const TargetLibraryInfo &TLI;
  /// The vtable slots (byte offsets) and the one vtable stored in each.
  const SlotList &Slots;
  /// The slot [Offset, Offset + Size) touches, if any: (slot, vtable).
  const std::pair<int64_t, VTableRef> *slotAt(int64_t Offset,
                                              uint64_t Size) const {
    for (const auto &S : Slots)
      if (overlaps(Offset, Size, S.first, 8))
        return &S;
    return nullptr;
  }
  unsigned Budget = 4000; ///< uses visited, over all functions
  /// Callee parameters being or already scanned at an offset.
  std::set<std::tuple<const Function *, unsigned, int64_t>> Scanned;
  /// Whether the last callee scanned made a virtual call on the object.
  bool SawVirtualCall = false;
};

Function *ObjectScan::target(const Value *Callee, const Value *Base,
                             int64_t BaseOffset, FunctionType *FTy) const {
  // callee = load (vptr + K), vptr = load (object + Slot)
  const auto *Entry = dyn_cast<LoadInst>(Callee);
  if (!Entry)
    return nullptr;
  APInt K(DL.getIndexTypeSizeInBits(Entry->getPointerOperandType()), 0);
  const auto *VPtr = dyn_cast<LoadInst>(
      Entry->getPointerOperand()->stripAndAccumulateConstantOffsets(
          DL, K, /*AllowNonInbounds=*/true));
  if (!VPtr || K.getSignificantBits() > 32 ||
      DL.getTypeStoreSize(VPtr->getType()) != 8)
    return nullptr;
  std::optional<int64_t> At = offsetFrom(VPtr->getPointerOperand(), Base, DL);
  const std::pair<int64_t, VTableRef> *S =
      At ? slotAt(BaseOffset + *At, 8) : nullptr;
  if (!S || S->first != BaseOffset + *At)
    return nullptr;
  const VTableRef &VT = S->second;
  Constant *C = ConstantFoldLoadFromConst(
      const_cast<Constant *>(VT.GV->getInitializer()), Entry->getType(),
      APInt(64, uint64_t(VT.Offset + K.getSExtValue())), DL);
  auto *Fn = dyn_cast_or_null<Function>(C ? C->stripPointerCasts() : nullptr);
  if (!Fn || Fn->getFunctionType() != FTy)
    return nullptr;
  return Fn;
}

bool ObjectScan::scanCall(const CallBase &CB, const Use &U, int64_t Offset,
                          const Value *Base, int64_t BaseOffset, unsigned Depth,
                          bool Root) {
  if (CB.isCallee(&U) || CB.isBundleOperand(&U))
    return fail(&CB);
  if (const auto *II = dyn_cast<IntrinsicInst>(&CB)) {
    switch (II->getIntrinsicID()) {
    case Intrinsic::lifetime_start:
    case Intrinsic::lifetime_end:
    case Intrinsic::dbg_declare:
    case Intrinsic::dbg_value:
    case Intrinsic::dbg_assign:
    case Intrinsic::objectsize:
    case Intrinsic::prefetch:
      return true;
    case Intrinsic::memset:
    case Intrinsic::memcpy:
    case Intrinsic::memmove: {
      if (CB.getArgOperandNo(&U) != 0)
        return II->getIntrinsicID() != Intrinsic::memset; // read from
      const auto *Len = dyn_cast<ConstantInt>(CB.getArgOperand(2));
      return (Len && !slotAt(Offset, Len->getZExtValue())) || fail(&CB);
    }
    default:
      return fail(&CB);
    }
  }
  if (freedOperand(CB, TLI) == U.get())
    return true; // the object's lifetime ends
  unsigned ArgNo = CB.getArgOperandNo(&U);
  Function *Callee = CB.getCalledFunction();
  if (!Callee && CB.isIndirectCall()) {
    Callee =
        target(CB.getCalledOperand(), Base, BaseOffset, CB.getFunctionType());
    if (!Callee)
      return fail(&CB);
    if (Root)
      Direct.push_back({const_cast<CallBase *>(&CB), Callee});
    else
      SawVirtualCall = true;
  }
  if (!Callee)
    return fail(&CB);
  if (Callee->isDeclaration())
    return (CB.doesNotCapture(ArgNo) && CB.onlyReadsMemory(ArgNo)) || fail(&CB);
  if (!hasReliableBody(*Callee) || ArgNo >= Callee->arg_size() ||
      CB.isMustTailCall() || Depth >= 4)
    return fail(&CB);
  auto Key = std::make_tuple(Callee, ArgNo, Offset);
  if (!Scanned.insert(Key).second)
    return true; // being scanned further up, or already proven
  bool Saw = SawVirtualCall;
  SawVirtualCall = false;
  bool OK = scan(Callee->getArg(ArgNo), Offset, Depth + 1, /*Root=*/false);
  // A `noinline` the user wrote on a function of their own is kept; the
  // one on an inline or template function from a header (libstdc++'s
  // `_M_release_last_use_cold`, to keep a cold path small) gives way.
  bool MayInline =
      !Callee->hasFnAttribute(Attribute::OptimizeNone) &&
      (!Callee->hasFnAttribute(Attribute::NoInline) ||
       Callee->hasLinkOnceODRLinkage() || Callee->hasWeakODRLinkage());
  if (OK && Root && SawVirtualCall && MayInline && Callee != CB.getFunction() &&
      Callee->getInstructionCount() <= MaxKnownTypeInlineInstructions)
    ToInline.push_back(const_cast<CallBase *>(&CB));
  SawVirtualCall |= Saw;
  return OK;
}

bool ObjectScan::scan(const Value *Base, int64_t BaseOffset, unsigned Depth,
                      bool Root) {
  auto Visit = [&](const Use &U, int64_t Offset) {
    const User *Us = U.getUser();
    if (Budget-- == 0)
      return fail(Us);
    if (isa<LoadInst>(Us) || isa<ICmpInst>(Us))
      return true;
    if (const auto *S = dyn_cast<StoreInst>(Us)) {
      if (U.getOperandNo() != StoreInst::getPointerOperandIndex())
        return fail(Us); // the address is stored: others may write
      uint64_t Size = DL.getTypeStoreSize(S->getValueOperand()->getType())
                          .getKnownMinValue();
      const std::pair<int64_t, VTableRef> *Slot = slotAt(Offset, Size);
      if (!Slot)
        return true;
      std::optional<VTableRef> Stored = vtableOf(S->getValueOperand(), DL);
      return (Offset == Slot->first && Size == 8 && Stored &&
              *Stored == Slot->second) ||
             fail(Us);
    }
    if (const auto *RMW = dyn_cast<AtomicRMWInst>(Us)) {
      uint64_t Size = DL.getTypeStoreSize(RMW->getType()).getKnownMinValue();
      return (U.getOperandNo() == AtomicRMWInst::getPointerOperandIndex() &&
              !slotAt(Offset, Size)) ||
             fail(Us);
    }
    if (const auto *CX = dyn_cast<AtomicCmpXchgInst>(Us)) {
      uint64_t Size = DL.getTypeStoreSize(CX->getCompareOperand()->getType())
                          .getKnownMinValue();
      return (U.getOperandNo() == AtomicCmpXchgInst::getPointerOperandIndex() &&
              !slotAt(Offset, Size)) ||
             fail(Us);
    }
    if (const auto *CB = dyn_cast<CallBase>(Us))
      return scanCall(*CB, U, Offset, Base, BaseOffset, Depth, Root);
    return fail(Us); // phi, select, return, ptrtoint, ...
  };
  return forEachUseAtOffset(Base, BaseOffset, DL, Visit) ||
         fail(Base); // a variable offset
}

/// The objects of \p F that get a vtable stored, each with its slots and
/// the vtable stored in each; an object with two vtables stored into one
/// slot is left out (placement new of another type, a base's destructor).
MapVector<Value *, ObjectScan::SlotList>
knownTypeObjects(Function &F, const TargetLibraryInfo &TLI) {
  const DataLayout &DL = F.getParent()->getDataLayout();
  MapVector<Value *, ObjectScan::SlotList> Out;
  SmallPtrSet<Value *, 4> Conflicting;
  for (Instruction &I : instructions(F)) {
    auto *S = dyn_cast<StoreInst>(&I);
    if (!S)
      continue;
    std::optional<VTableRef> VT = vtableOf(S->getValueOperand(), DL);
    if (!VT || DL.getTypeStoreSize(S->getValueOperand()->getType()) != 8)
      continue;
    APInt Off(DL.getIndexTypeSizeInBits(S->getPointerOperandType()), 0);
    Value *Base = S->getPointerOperand()->stripAndAccumulateConstantOffsets(
        DL, Off, /*AllowNonInbounds=*/true);
    if (Off.getSignificantBits() > 32 ||
        !(isa<AllocaInst>(Base) || classifyAllocation(Base, TLI, DL)))
      continue;
    ObjectScan::SlotList &Slots = Out[Base];
    int64_t Slot = Off.getSExtValue();
    auto It =
        llvm::find_if(Slots, [&](const auto &E) { return E.first == Slot; });
    if (It == Slots.end())
      Slots.push_back({Slot, *VT});
    else if (!(It->second == *VT))
      Conflicting.insert(Base);
  }
  for (Value *Base : Conflicting)
    Out.erase(Base);
  return Out;
}

} // namespace

KnownTypeCallStats resolveKnownTypeCalls(
    Module &M, function_ref<const TargetLibraryInfo &(Function &)> GetTLI) {
  KnownTypeCallStats Stats;
  const DataLayout &DL = M.getDataLayout();
  for (Function &F : M) {
    if (F.isDeclaration() || F.isPresplitCoroutine() || F.hasOptNone())
      continue;
    const TargetLibraryInfo &TLI = GetTLI(F);
    unsigned Inlines = 0;
    for (bool Again = true; Again;) {
      Again = false;
      for (auto &[Base, Slots] : knownTypeObjects(F, TLI)) {
        ObjectScan Scan(DL, TLI, Slots);
        if (!Scan.scan(Base, 0, 0, /*Root=*/true))
          continue;
        for (auto [CB, Fn] : Scan.Direct) {
          LLVM_DEBUG(dbgs() << "escape: known type: " << *CB << " calls "
                            << Fn->getName() << "\n");
          CB->setCalledOperand(Fn);
          ++Stats.CallsMadeDirect;
          ++NumKnownTypeCalls;
        }
        for (CallBase *CB : Scan.ToInline) {
          if (Inlines == MaxInlinesPerFunction)
            break;
          unsigned Size = CB->getCalledFunction()->getInstructionCount();
          InlineFunctionInfo IFI;
          if (!InlineFunction(*CB, IFI).isSuccess())
            continue;
          ++Inlines;
          ++Stats.CallsInlined;
          ++NumKnownTypeInlines;
          Stats.InstructionsInlined += Size;
          Again = true; // the inlined virtual calls, on the next round
        }
        if (Again)
          break; // the objects' uses changed
      }
    }
  }
  return Stats;
}

} // namespace escape
