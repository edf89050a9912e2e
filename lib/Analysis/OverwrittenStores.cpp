//===- OverwrittenStores.cpp - Stores undone before the function returns -===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "OverwrittenStores.h"
#include "escape/PointerUses.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

namespace escape {

static const Value *canonicalAddressAt(const Value *P, const DataLayout &DL,
                                       APInt &Off, unsigned Depth) {
  P = P->stripAndAccumulateConstantOffsets(DL, Off,
                                           /*AllowNonInbounds=*/true);
  if (Depth < 4)
    if (const auto *LI = dyn_cast<LoadInst>(P))
      if (const auto *Slot = dyn_cast<AllocaInst>(LI->getPointerOperand()))
        if (const Value *V = spilledValue(*Slot))
          if (V->getType() == LI->getType() && V != Slot)
            return canonicalAddressAt(V, DL, Off, Depth + 1);
  return P;
}

const Value *canonicalAddress(const Value *P, const DataLayout &DL,
                              APInt &Off) {
  return canonicalAddressAt(P, DL, Off, 0);
}

std::optional<WrittenPlace> placeOf(const StoreInst &S) {
  const DataLayout &DL = S.getModule()->getDataLayout();
  TypeSize Size = DL.getTypeStoreSize(S.getValueOperand()->getType());
  if (Size.isScalable())
    return std::nullopt;
  APInt Off(DL.getIndexTypeSizeInBits(S.getPointerOperandType()), 0);
  const Value *Base = canonicalAddress(S.getPointerOperand(), DL, Off);
  return WrittenPlace{Base, Off, Size.getFixedValue()};
}

bool isOverwrittenOnEveryPath(const Function &F, const Instruction *From,
                              const WrittenPlace &Place, CallOverwrites Calls) {
  auto Overwrites = [&](const Instruction &I) {
    if (const auto *CB = dyn_cast<CallBase>(&I))
      return Calls(*CB, Place);
    const auto *Other = dyn_cast<StoreInst>(&I);
    if (!Other)
      return false;
    std::optional<WrittenPlace> P = placeOf(*Other);
    return P && P->Base == Place.Base &&
           P->Offset.getBitWidth() == Place.Offset.getBitWidth() &&
           P->Offset == Place.Offset && P->Size >= Place.Size;
  };
  enum class Scan { Overwritten, Returns, FallsThrough };
  auto ScanFrom = [&](BasicBlock::const_iterator It, const BasicBlock &BB) {
    for (; It != BB.end(); ++It) {
      if (Overwrites(*It))
        return Scan::Overwritten;
      if (isa<ReturnInst>(*It))
        return Scan::Returns;
    }
    return Scan::FallsThrough;
  };

  SmallVector<const BasicBlock *, 8> Work;
  SmallPtrSet<const BasicBlock *, 16> Seen;
  const BasicBlock &First = From ? *From->getParent() : F.getEntryBlock();
  switch (
      ScanFrom(From ? std::next(From->getIterator()) : First.begin(), First)) {
  case Scan::Overwritten:
    return true;
  case Scan::Returns:
    return false;
  case Scan::FallsThrough:
    Work.append(succ_begin(&First), succ_end(&First));
  }
  while (!Work.empty()) {
    const BasicBlock *BB = Work.pop_back_val();
    if (!Seen.insert(BB).second)
      continue;
    switch (ScanFrom(BB->begin(), *BB)) {
    case Scan::Overwritten:
      break;
    case Scan::Returns:
      LLVM_DEBUG(dbgs() << "escape: a write of " << *Place.Base << " + "
                        << Place.Offset << " still holds at a return\n");
      return false;
    case Scan::FallsThrough:
      Work.append(succ_begin(BB), succ_end(BB));
    }
  }
  return true;
}

bool isOverwrittenBeforeReturn(const StoreInst &S, CallOverwrites Calls) {
  std::optional<WrittenPlace> P = placeOf(S);
  return P && isOverwrittenOnEveryPath(*S.getFunction(), &S, *P, Calls);
}

} // namespace escape
