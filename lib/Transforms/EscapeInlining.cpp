//===- EscapeInlining.cpp - Inline what keeps a local object on the heap --===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "EscapeInlining.h"

#include "escape/AllocationSites.h"

#include "llvm/Analysis/InlineCost.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Analysis/TargetTransformInfo.h"
#include "llvm/IR/Attributes.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"
#include "llvm/Transforms/Utils/Cloning.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

namespace escape {

/// The callee of \p CB when escape-driven inlining may copy it into
/// \p Caller, else null.
static Function *inlinableCallee(const CallBase &CB, const Function &Caller,
                                 const EscapeResult &R) {
  Function *Callee = CB.getCalledFunction();
  if (!Callee || Callee == &Caller || Callee->isDeclaration() ||
      Callee->isInterposable() || Callee->hasFnAttribute(Attribute::NoInline) ||
      CB.isNoInline() || Callee->getFunctionType() != CB.getFunctionType())
    return nullptr;
  const FunctionEscapeInfo *Info = R.lookup(Callee);
  if (!Info || Info->Skipped != SkipReason::None || Info->Recursive)
    return nullptr;
  if (Callee->getInstructionCount() > MaxInlineCalleeInstructions)
    return nullptr;
  if (!isInlineViable(*Callee).isSuccess())
    return nullptr;
  return Callee;
}

/// The inliner's own checks that do not weigh costs: target features and
/// other attributes the caller and callee must share, the callee's
/// attributes that forbid inlining (LLVM's getAttributeBasedInliningDecision).
static bool compatible(CallBase &CB, Function &Callee,
                       FunctionAnalysisManager &FAM) {
  auto GetTLI = [&](Function &F) -> const TargetLibraryInfo & {
    return FAM.getResult<TargetLibraryAnalysis>(F);
  };
  std::optional<InlineResult> R = getAttributeBasedInliningDecision(
      CB, &Callee, FAM.getResult<TargetIRAnalysis>(Callee), GetTLI);
  if (R && !R->isSuccess()) {
    LLVM_DEBUG(dbgs() << "escape: not inlining " << Callee.getName() << ": "
                      << R->getFailureReason() << "\n");
    return false;
  }
  return true;
}

SmallSetVector<Function *, 8> inlineForDemotion(Module &M,
                                                const EscapeResult &R,
                                                uint64_t &Budget,
                                                FunctionAnalysisManager &FAM) {
  // The calls to inline, found before any IR changes (inlining invalidates
  // the analysis the choice rests on).
  SmallSetVector<CallBase *, 16> Calls;
  for (const auto &KV : R.Functions) {
    const FunctionEscapeInfo &Info = KV.second;
    if (Info.Skipped != SkipReason::None || Info.F->hasOptNone())
      continue;
    const Function &F = *Info.F;
    for (const SiteVerdict &V : Info.Sites) {
      if (V.Escapes)
        continue;
      // Memory a callee allocates into the caller's local object.
      if (V.Site.Kind == AllocKind::Call && inlinableCallee(*V.Site.Call, F, R))
        Calls.insert(V.Site.Call);
      // A local object that a callee may free. A callee that frees exactly
      // the object it is passed is copied without the free instead
      // (CalleeClones), which needs a constant size.
      std::optional<LocationId> O = Info.Graph->lookupObject(V.Site.Call);
      if (!O)
        continue;
      for (const FreeCall &FC : Info.Graph->frees())
        if ((FC.InCallee || (FC.CalleeArg && !V.Site.Size)) &&
            Info.freedObjects(FC).test(*O) && inlinableCallee(*FC.Call, F, R))
          Calls.insert(const_cast<CallBase *>(FC.Call));
    }
  }
  SmallSetVector<Function *, 8> Changed;
  for (CallBase *CB : Calls) {
    Function *Callee = CB->getCalledFunction();
    uint64_t Size = Callee->getInstructionCount();
    if (Size > Budget) {
      LLVM_DEBUG(dbgs() << "escape: inlining budget spent; not inlining "
                        << Callee->getName() << "\n");
      continue;
    }
    Function *Caller = CB->getFunction();
    if (!compatible(*CB, *Callee, FAM))
      continue;
    InlineFunctionInfo IFI;
    InlineResult Result = InlineFunction(*CB, IFI);
    if (!Result.isSuccess()) {
      LLVM_DEBUG(dbgs() << "escape: cannot inline " << Callee->getName() << ": "
                        << Result.getFailureReason() << "\n");
      continue;
    }
    LLVM_DEBUG(dbgs() << "escape: inlined " << Callee->getName() << " into "
                      << Caller->getName() << " (" << Size
                      << " instructions) for a local object\n");
    // What the inliner does after inlining: the caller takes on the
    // callee's attributes that must hold for the code it now contains.
    AttributeFuncs::mergeAttributesForInlining(*Caller, *Callee);
    Budget -= Size;
    Changed.insert(Caller);
  }
  return Changed;
}

} // namespace escape
