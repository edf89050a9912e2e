//===- Calls.cpp - Calls in the escape graph ------------------------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// How a call moves pointers, after Go's call.go:
//  - allocation functions create a heap object; free-like functions record
//    a FreeCall (no escape: frees are matched by the transform);
//  - memory intrinsics copy content (memcpy = load + store);
//  - a defined callee with a summary: each argument flows to {heap} and to
//    the call's result with the summary's deref levels;
//  - an indirect call whose possible callees are all known (CallTargets.h):
//    the union of their summaries;
//  - anything else is judged by its declaration's attributes (nocapture,
//    nofree, readonly, returned), which inferattrs and TargetLibraryInfo put
//    on C library functions, and `[[clang::noescape]]` puts on user ones,
//    and by the library models (LibraryModels.h) where those say too little:
//    the printf family's variadic arguments, libstdc++'s `__throw_*`.
//
//===----------------------------------------------------------------------===//

#include "GraphBuilder.h"
#include "escape/CallTargets.h"
#include "escape/EscapeAnalysis.h"
#include "escape/LibraryModels.h"

#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

namespace escape {

void GraphBuilder::visitCallBase(CallBase &CB) {
  if (visitIntrinsic(CB) || visitMemoryBuiltin(CB))
    return;
  const Function *Callee = CB.getCalledFunction();
  if (Callee && !CB.isMustTailCall() && !CB.hasOperandBundles())
    if (const FunctionSummary *S = Summaries(*Callee))
      if (S->Params.size() == Callee->arg_size()) {
        applySummary(CB, *Callee, *S);
        return;
      }
  if (applyTargetSummaries(CB))
    return;
  applyAttributes(CB);
}

bool GraphBuilder::applyTargetSummaries(CallBase &CB) {
  if (!Targets || !CB.isIndirectCall() || CB.isMustTailCall() ||
      CB.hasOperandBundles())
    return false;
  const auto *Ts = Targets->lookup(CB);
  if (!Ts)
    return false;
  SmallVector<const FunctionSummary *, 4> Ss;
  for (const Function *T : *Ts) {
    const FunctionSummary *S = Summaries(*T);
    // A target without a summary (no reliable body, not analysed yet) is an
    // unknown callee; one that hands out its own allocation would make the
    // call an allocation site per target, which one call cannot be.
    if (!S || S->Params.size() != CB.arg_size() || S->ReturnsFresh ||
        !S->FreshInto.empty()) {
      LLVM_DEBUG(dbgs() << "escape: indirect call " << CB << ": target "
                        << T->getName() << " has no usable summary\n");
      return false;
    }
    Ss.push_back(S);
  }
  // Whichever target runs, the arguments go where its summary says: the
  // union of the summaries' flows covers all of them.
  for (auto [T, S] : llvm::zip(*Ts, Ss))
    applySummary(CB, *T, *S);
  return true;
}

bool GraphBuilder::visitIntrinsic(CallBase &CB) {
  auto *II = dyn_cast<IntrinsicInst>(&CB);
  if (!II)
    return false;
  switch (II->getIntrinsicID()) {
  // No flow of pointers.
  case Intrinsic::lifetime_start:
  case Intrinsic::lifetime_end:
  case Intrinsic::dbg_declare:
  case Intrinsic::dbg_value:
  case Intrinsic::dbg_label:
  case Intrinsic::dbg_assign:
  case Intrinsic::assume:
  case Intrinsic::invariant_start:
  case Intrinsic::invariant_end:
  case Intrinsic::objectsize:
  case Intrinsic::expect:
  case Intrinsic::prefetch:
  case Intrinsic::sideeffect:
  case Intrinsic::pseudoprobe:
  case Intrinsic::experimental_noalias_scope_decl:
  case Intrinsic::donothing:
  case Intrinsic::stacksave:
  case Intrinsic::stackrestore:
  case Intrinsic::var_annotation:
  case Intrinsic::type_test:
  case Intrinsic::public_type_test:
  case Intrinsic::is_constant:
  case Intrinsic::memset:
  case Intrinsic::memset_inline:
  case Intrinsic::vastart:
  case Intrinsic::vacopy:
  case Intrinsic::vaend:
    return true;
  // The result is the (first) argument.
  case Intrinsic::launder_invariant_group:
  case Intrinsic::strip_invariant_group:
  case Intrinsic::ptrmask:
  case Intrinsic::ptr_annotation:
  case Intrinsic::ssa_copy:
  case Intrinsic::threadlocal_address:
  case Intrinsic::expect_with_probability:
    if (auto R = result(CB))
      if (auto A = operand(CB.getArgOperand(0)))
        G->addEdge(*R, *A, 0, FlowKind::Assign, &CB);
    return true;
  // Integers made of their operands, as a select or an `add` of them is:
  // one that holds a pointer's bits passes them on.
  case Intrinsic::umin:
  case Intrinsic::umax:
  case Intrinsic::smin:
  case Intrinsic::smax:
  case Intrinsic::abs:
    if (auto R = result(CB))
      for (unsigned I = 0, E = II->getIntrinsicID() == Intrinsic::abs ? 1 : 2;
           I < E; ++I)
        if (auto A = operand(CB.getArgOperand(I)))
          G->addEdge(*R, *A, 0, FlowKind::Assign, &CB);
    return true;
  // Content copies: *dst = *src.
  case Intrinsic::memcpy:
  case Intrinsic::memcpy_inline:
  case Intrinsic::memmove: {
    auto Dst = operand(CB.getArgOperand(0));
    auto Src = operand(CB.getArgOperand(1));
    if (!Dst || !Src)
      return true;
    // The call stands for the copied content.
    LocationId Content = G->valueLocation(&CB);
    G->addEdge(Content, *Src, 1, FlowKind::Load, &CB);
    G->addStore(*Dst, Content, &CB);
    G->addContentMove(*Dst, &CB);
    return true;
  }
  default:
    return false;
  }
}

bool GraphBuilder::visitMemoryBuiltin(CallBase &CB) {
  if (std::optional<AllocationSite> S = classifyAllocation(&CB, TLI, DL)) {
    LocationId V = G->valueLocation(&CB);
    LocationId O = G->objectLocation(LocationKind::HeapObject, &CB);
    G->addEdge(V, O, -1, FlowKind::AddressOf, &CB);
    Sites->push_back(*S);
    return true;
  }
  if (isReallocation(CB, TLI)) {
    // realloc frees its argument and hands back memory holding its content.
    auto Old = operand(CB.getArgOperand(0));
    if (Old) {
      G->addFree(*Old, &CB, /*IsRealloc=*/true);
      G->addEscape(*Old, 1, &CB, {EscapeCauseKind::MovedByRealloc});
    }
    unknownResult(CB);
    return true;
  }
  if (const Value *Freed = freedOperand(CB, TLI)) {
    if (auto P = operand(Freed)) {
      std::optional<StringRef> Family = deallocationFamily(CB, TLI);
      G->addFree(*P, &CB, /*IsRealloc=*/false, /*InCallee=*/false,
                 Family ? Family->str() : "");
    }
    return true;
  }
  if (const Function *Callee = CB.getCalledFunction()) {
    StringRef N = Callee->getName();
    if (N == "__cxa_allocate_exception") {
      LocationId V = G->valueLocation(&CB);
      G->addEdge(V, G->thrown(), -1, FlowKind::AddressOf, &CB);
      return true;
    }
    if (N == "__cxa_free_exception")
      return true;
    if (N == "__cxa_throw") {
      // The exception object (already modelled as thrown) and its type
      // info; the destructor pointer is a function.
      return true;
    }
  }
  return false;
}

void GraphBuilder::applySummary(CallBase &CB, const Function &Callee,
                                const FunctionSummary &S) {
  std::string Name = prettyFunctionName(Callee.getName());
  auto R = result(CB);
  for (unsigned I = 0, E = CB.arg_size(); I != E; ++I) {
    auto A = operand(CB.getArgOperand(I));
    if (!A)
      continue;
    if (I >= S.Params.size()) {
      G->addEscape(*A, 0, &CB,
                   {EscapeCauseKind::PassedAsVariadic, &Callee, &CB});
      continue;
    }
    const ParamSummary &P = S.Params[I];
    // Freeing is not escaping: the object dies, it does not outlive the
    // frame; but no stack slot may ever reach this call (FreeMatching),
    // unless the callee frees exactly that object and a copy of it without
    // the deallocation can be called instead (HeapToStack).
    if (P.MayFree) {
      G->addFree(*A, &CB, /*IsRealloc=*/false, /*InCallee=*/true);
    } else {
      if (!P.ObjectFrees[0].empty())
        G->addCalleeFree(*A, &CB, P.FreedFamily[0], I, 0);
      if (!P.ObjectFrees[1].empty()) {
        // The object the argument's content points to.
        LocationId T = G->addLocation(LocationKind::Value, &CB);
        G->setLabel(T, "{*" + G->name(*A) + " freed by '" + Name + "'}");
        G->addEdge(T, *A, 1, FlowKind::Load, &CB);
        G->addCalleeFree(T, &CB, P.FreedFamily[1], I, 1);
      }
    }
    if (P.HeapDerefs != ParamSummary::None) {
      EscapeCause Cause{EscapeCauseKind::PassedToLeakingCallee, &Callee, &CB};
      // Where the callee sends it, for dangling-address warnings.
      Cause.CalleeStoresToGlobal = P.LeaksToGlobal;
      Cause.CalleeStoresThroughArg = P.LeaksThroughArg;
      if (P.HeapDerefs >= 1 && P.ContentFields)
        // Only some fields' content leaks: the solver picks what this
        // function stored there, or the whole content.
        G->addFieldEscape(
            {*A, *P.ContentFields, P.HeapDerefs, &CB, I, std::move(Cause)});
      else
        G->addEscape(*A, P.HeapDerefs, &CB, Cause);
    }
    // A callee without field-sensitive facts for this argument may move
    // pointers between the fields of its object (`q->b = q->a`, which a
    // summary does not record: the content stays the parameter's own).
    if (!P.ContentFields)
      G->addContentMove(*A, &CB);
    if (P.ResultDerefs != ParamSummary::None && R)
      G->addEdge(*R, *A, P.ResultDerefs, FlowKind::Call, &CB);
    if (P.MayWrite)
      G->addClobber(*A, &CB);
  }
  if (R && S.ReturnsUnknown)
    G->addEdge(*R, G->unknown(), -1, FlowKind::AddressOf, &CB);
  if (S.ReturnsFresh || !S.FreshInto.empty()) {
    // The callee's allocation, as an allocation site of this function.
    LocationId O = G->objectLocation(LocationKind::HeapObject, &CB);
    LocationId Addr = G->addLocation(LocationKind::Value, &CB);
    G->addEdge(Addr, O, -1, FlowKind::AddressOf, &CB);
    if (S.ReturnsFresh && R)
      G->addEdge(*R, Addr, 0, FlowKind::Call, &CB);
    for (unsigned Dst : S.FreshInto)
      if (Dst < CB.arg_size())
        if (auto D = operand(CB.getArgOperand(Dst)))
          G->addStore(*D, Addr, &CB);
    // What the callee put into it: an argument's memory at some derefs and
    // everything deeper (a load of a load, closed under loads).
    for (const FunctionSummary::FreshContent &C : S.FreshContents)
      if (C.Src < CB.arg_size())
        if (auto V = operand(CB.getArgOperand(C.Src))) {
          LocationId T = G->addLocation(LocationKind::Value, &CB);
          G->setLabel(T, "{what '" + Name + "' copies from " + G->name(*V) +
                             " into its allocation}");
          G->addEdge(T, *V, C.Derefs,
                     C.Derefs ? FlowKind::Load : FlowKind::Assign, &CB);
          G->addEdge(T, T, 1, FlowKind::Load, &CB);
          G->addStore(Addr, T, &CB);
        }
    AllocationSite Site;
    Site.Call = &CB;
    Site.Kind = AllocKind::Call;
    Site.Family = "";
    Site.NotDemotable =
        KeepCause::named(KeepCauseKind::AllocatedInCallee, Name);
    Sites->push_back(Site);
  }
  for (auto [Dst, Src] : S.ParamStores)
    if (Dst < CB.arg_size() && Src < CB.arg_size())
      if (auto D = operand(CB.getArgOperand(Dst)))
        if (auto V = operand(CB.getArgOperand(Src)))
          G->addStore(*D, *V, &CB,
                      llvm::is_contained(S.IntegerParamStores,
                                         std::make_pair(Dst, Src)));
  for (auto [Dst, Src] : S.ContentStores)
    if (Dst < CB.arg_size() && Src < CB.arg_size())
      if (auto D = operand(CB.getArgOperand(Dst)))
        if (auto V = operand(CB.getArgOperand(Src)))
          copyContent(*D, *V, CB,
                      "{*" + G->name(*V) + " copied by '" + Name + "'}",
                      llvm::is_contained(S.IntegerContentStores,
                                         std::make_pair(Dst, Src)));
}

void GraphBuilder::copyContent(LocationId Dst, LocationId Src,
                               const CallBase &CB, std::string Label,
                               bool AsInteger) {
  // *dst = *src, as a load and a store of this caller's.
  LocationId T = G->addLocation(LocationKind::Value, &CB);
  G->setLabel(T, std::move(Label));
  G->addEdge(T, Src, 1, FlowKind::Load, &CB);
  G->addStore(Dst, T, &CB, AsInteger);
}

void GraphBuilder::applyAttributes(CallBase &CB) {
  // A callee whose body may be replaced (mayBeReplaced): its attributes may
  // describe only this body (FunctionAttrs inferred them; LTO internalized
  // a weak definition first), so none is trusted.
  bool Replaceable = callsReplaceableBody(CB);
  EscapeCause Unknown{Replaceable ? EscapeCauseKind::PassedToReplaceable
                                  : EscapeCauseKind::PassedToUnknown,
                      CB.getCalledOperand(), &CB};
  const Function *Callee = CB.getCalledFunction();
  unsigned NumParams = CB.getFunctionType()->getNumParams();
  bool CallReadsOnly = CB.onlyReadsMemory();
  bool ResultMayHoldPointer = mayHoldPointer(CB.getType());
  auto R = result(CB);
  if (R)
    G->addEdge(*R, G->unknown(), -1, FlowKind::AddressOf, &CB);

  // A function that touches no memory (llvm.umax, abs, a pure user
  // function) can pass an argument on only through its result.
  if (CB.doesNotAccessMemory() && !CB.hasOperandBundles() &&
      !CB.isMustTailCall() && !Replaceable) {
    for (unsigned I = 0, E = CB.arg_size(); I != E; ++I)
      if (auto A = operand(CB.getArgOperand(I))) {
        if (R)
          G->addEdge(*R, *A, 0, FlowKind::Call, &CB);
      }
    return;
  }

  std::optional<ArgUses> Modelled;
  if (!Replaceable && !CB.isMustTailCall() && !CB.hasOperandBundles())
    Modelled = modelledArgUses(CB, TLI);
  for (unsigned I = 0, E = CB.arg_size(); I != E; ++I) {
    Value *Arg = CB.getArgOperand(I);
    auto A = operand(Arg);
    if (!A)
      continue;
    if (Modelled && Modelled->Uses[I] != ArgUse::Unmodelled) {
      assert(Arg->getType()->isPointerTy() && "models describe pointers");
      // Not kept, not freed (LibraryModels.h); only what it points to may
      // go somewhere.
      switch (Modelled->Uses[I]) {
      case ArgUse::ReadsToStream:
        break;
      case ArgUse::ReadsIntoOutput:
        if (auto D = operand(CB.getArgOperand(Modelled->Output)))
          copyContent(*D, *A, CB,
                      "{*" + G->name(*A) + " formatted into " + G->name(*D) +
                          "}");
        break;
      case ArgUse::ReadsIntoException:
        G->addEscape(*A, 1, &CB, Unknown);
        break;
      case ArgUse::WritesCount:
        G->addClobber(*A, &CB);
        break;
      case ArgUse::Unmodelled:
        llvm_unreachable("handled above");
      }
      continue;
    }
    bool Captured = I >= NumParams || !Arg->getType()->isPointerTy() ||
                    !CB.doesNotCapture(I) || CB.isMustTailCall() || Replaceable;
    if (Captured) {
      G->addEscape(*A, 0, &CB, Unknown);
      if (R && CB.paramHasAttr(I, Attribute::Returned))
        G->addEdge(*R, *A, 0, FlowKind::Call, &CB);
      continue;
    }
    bool NoFree = CB.paramHasAttr(I, Attribute::NoFree) ||
                  CB.hasFnAttr(Attribute::NoFree) ||
                  (Callee && Callee->doesNotFreeMemory()) || CallReadsOnly;
    if (!NoFree)
      G->addFree(*A, &CB, /*IsRealloc=*/false, /*InCallee=*/true);
    // Not captured and not freed: what it points to may still be read
    // (and leaked, or returned) or overwritten by the callee.
    if (!CallReadsOnly || ResultMayHoldPointer)
      G->addEscape(*A, 1, &CB, Unknown);
    if (!CB.onlyReadsMemory(I)) {
      G->addClobber(*A, &CB);
      G->addContentMove(*A, &CB);
    }
  }
  // Operand bundles may hand pointers to the callee as well.
  for (unsigned B = 0, E = CB.getNumOperandBundles(); B != E; ++B)
    for (const Use &U : CB.getOperandBundleAt(B).Inputs)
      if (auto A = operand(U.get()))
        G->addEscape(*A, 0, &CB, Unknown);
}

} // namespace escape
