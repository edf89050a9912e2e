//===- AllocationSites.cpp - Heap allocation and deallocation calls -------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Glue between the escape graph and LLVM's MemoryBuiltins: which calls
// allocate, of what family, size and alignment, and which calls free.
//
//===----------------------------------------------------------------------===//

#include "escape/AllocationSites.h"
#include "escape/EscapeAnalysis.h"

#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace escape {

/// The default alignment of `operator new` and `malloc`:
/// __STDCPP_DEFAULT_NEW_ALIGNMENT__, which is twice the pointer size on the
/// targets clang supports with glibc (16 bytes on x86-64).
static Align defaultHeapAlignment(const DataLayout &DL) {
  return Align(2 * DL.getPointerSize());
}

static AllocKind kindOfFamily(StringRef Family, LibFunc Fn, bool Known) {
  if (Family.starts_with("_Znw") || Family.starts_with("??2"))
    return AllocKind::New;
  if (Family.starts_with("_Zna") || Family.starts_with("??_U"))
    return AllocKind::NewArray;
  if (Known && Fn == LibFunc_calloc)
    return AllocKind::Calloc;
  if (Known && Fn == LibFunc_aligned_alloc)
    return AllocKind::AlignedAlloc;
  if (Known && Fn == LibFunc_malloc)
    return AllocKind::Malloc;
  return AllocKind::Other;
}

std::optional<AllocationSite> classifyAllocation(const Value *V,
                                                 const TargetLibraryInfo &TLI,
                                                 const DataLayout &DL) {
  const auto *CB = dyn_cast<CallBase>(V);
  if (!CB)
    return std::nullopt;
  const Function *Callee = CB->getCalledFunction();
  if (!Callee || CB->isNoBuiltin())
    return std::nullopt;
  LibFunc Fn;
  bool Known = TLI.getLibFunc(*Callee, Fn) && TLI.has(Fn);
  // MemoryBuiltins knows malloc and friends only by their allockind
  // attributes, which inferattrs adds after PipelineStart (not at -O0).
  bool CAlloc = Known && (Fn == LibFunc_malloc || Fn == LibFunc_calloc ||
                          Fn == LibFunc_aligned_alloc);
  if ((!isAllocationFn(CB, &TLI) && !CAlloc) || isReallocLikeFn(Callee))
    return std::nullopt;
  std::optional<StringRef> Family = getAllocationFamily(CB, &TLI);
  // Before inferattrs (at -O0, or at PipelineStart) C allocators carry no
  // "alloc-family" attribute; TargetLibraryInfo still knows them.
  if (!Family && Known &&
      (Fn == LibFunc_malloc || Fn == LibFunc_calloc ||
       Fn == LibFunc_aligned_alloc))
    Family = StringRef("malloc");
  if (!Family)
    return std::nullopt;

  AllocationSite S;
  S.Call = const_cast<CallBase *>(CB);
  S.Family = Family->str();
  S.Kind = kindOfFamily(*Family, Fn, Known);

  if (std::optional<APInt> Size = getAllocSize(CB, &TLI))
    if (Size->getActiveBits() <= 64)
      S.Size = Size->getZExtValue();
  auto ConstArg = [&](unsigned I) -> std::optional<uint64_t> {
    if (I < CB->arg_size())
      if (const auto *C = dyn_cast<ConstantInt>(CB->getArgOperand(I)))
        if (C->getValue().getActiveBits() <= 32)
          return C->getZExtValue();
    return std::nullopt;
  };
  if (!S.Size && CAlloc) {
    if (Fn == LibFunc_malloc)
      S.Size = ConstArg(0);
    else if (Fn == LibFunc_aligned_alloc)
      S.Size = ConstArg(1);
    else if (auto N = ConstArg(0))
      if (auto M = ConstArg(1))
        S.Size = *N * *M;
  }

  S.Alignment = defaultHeapAlignment(DL);
  const Value *AlignArg = getAllocAlignment(CB, &TLI);
  if (!AlignArg && CAlloc && Fn == LibFunc_aligned_alloc)
    AlignArg = CB->getArgOperand(0);
  if (const Value *A = AlignArg) {
    if (const auto *C = dyn_cast<ConstantInt>(A)) {
      uint64_t Bytes = C->getZExtValue();
      if (isPowerOf2_64(Bytes) && Bytes <= Value::MaximumAlignment)
        S.Alignment = std::max(S.Alignment, Align(Bytes));
      else
        S.NotDemotable = KeepCauseKind::InvalidAlignment;
    } else {
      S.NotDemotable = KeepCauseKind::NonConstantAlignment;
    }
  }
  if (MaybeAlign RA = CB->getRetAlign())
    S.Alignment = std::max(S.Alignment, *RA);

  if (Constant *Init = getInitialValueOfAllocation(
          CB, &TLI, Type::getInt8Ty(CB->getContext())))
    S.ZeroInit = Init->isNullValue();
  if (CAlloc && Fn == LibFunc_calloc)
    S.ZeroInit = true;

  switch (S.Kind) {
  case AllocKind::New:
  case AllocKind::NewArray:
    // [expr.new]p10: only a new-expression may be elided; clang marks those
    // calls `builtin`, and a direct ::operator new(n) call is `nobuiltin`.
    if (!CB->hasFnAttr(Attribute::Builtin))
      S.NotDemotable = KeepCauseKind::OperatorNewCalledDirectly;
    break;
  case AllocKind::Malloc:
  case AllocKind::Calloc:
  case AllocKind::AlignedAlloc:
    break;
  case AllocKind::Other:
  case AllocKind::Call:
    S.NotDemotable = KeepCause::named(KeepCauseKind::AllocationFunction,
                                      Callee->getName().str());
    break;
  }
  return S;
}

/// free() before inferattrs gave it an allockind.
static bool isPlainFree(const CallBase &CB, const TargetLibraryInfo &TLI) {
  LibFunc Fn;
  const Function *F = CB.getCalledFunction();
  return F && !CB.isNoBuiltin() && TLI.getLibFunc(*F, Fn) && TLI.has(Fn) &&
         Fn == LibFunc_free;
}

const Value *freedOperand(const CallBase &CB, const TargetLibraryInfo &TLI) {
  if (const Value *P = getFreedOperand(&CB, &TLI))
    return P;
  return isPlainFree(CB, TLI) ? CB.getArgOperand(0) : nullptr;
}

std::optional<StringRef> deallocationFamily(const CallBase &CB,
                                            const TargetLibraryInfo &TLI) {
  if (!freedOperand(CB, TLI))
    return std::nullopt;
  if (std::optional<StringRef> Family = getAllocationFamily(&CB, &TLI))
    return Family;
  if (isPlainFree(CB, TLI))
    return StringRef("malloc");
  return std::nullopt;
}

bool isReallocation(const CallBase &CB, const TargetLibraryInfo &TLI) {
  if (const Function *F = CB.getCalledFunction()) {
    if (isReallocLikeFn(F))
      return true;
    LibFunc Fn;
    if (TLI.getLibFunc(*F, Fn) && TLI.has(Fn))
      return Fn == LibFunc_realloc || Fn == LibFunc_reallocf;
  }
  return false;
}

std::string describeAllocation(const AllocationSite &S) {
  std::string Out;
  raw_string_ostream OS(Out);
  auto Arg = [&](unsigned I) -> std::string {
    if (I >= S.Call->arg_size())
      return "?";
    if (const auto *C = dyn_cast<ConstantInt>(S.Call->getArgOperand(I)))
      return std::to_string(C->getZExtValue());
    return "n";
  };
  switch (S.Kind) {
  case AllocKind::New:
    OS << "new (" << Arg(0) << " bytes)";
    break;
  case AllocKind::NewArray:
    OS << "new[] (" << Arg(0) << " bytes)";
    break;
  case AllocKind::Malloc:
    OS << "malloc(" << Arg(0) << ")";
    break;
  case AllocKind::Calloc:
    OS << "calloc(" << Arg(0) << ", " << Arg(1) << ")";
    break;
  case AllocKind::AlignedAlloc:
    OS << "aligned_alloc(" << Arg(0) << ", " << Arg(1) << ")";
    break;
  case AllocKind::Other:
  case AllocKind::Call:
    OS << prettyFunctionName(S.Call->getCalledFunction()->getName()) << "(...)";
    break;
  }
  return Out;
}

} // namespace escape
