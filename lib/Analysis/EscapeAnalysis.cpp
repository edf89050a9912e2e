//===- EscapeAnalysis.cpp - Bottom-up over the call graph -----------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Drives the per-function analysis over the module: strongly connected
// components of the call graph, with an edge for each indirect call whose
// callees are known (CallTargets.h), in post order (callees first), as Go's
// escape.Batch does per SCC. Within a recursive component every function is
// analysed again until the parameter summaries stop changing; summaries only
// grow (more leaks, lower derefs), so this terminates, and after a bounded
// number of rounds the component is given up (every parameter leaks).
//
//===----------------------------------------------------------------------===//

#include "escape/EscapeAnalysis.h"
#include "escape/CallTargets.h"
#include "escape/Messages.h"

#include "GraphBuilder.h"
#include "Solver.h"

#include "llvm/ADT/SCCIterator.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/Analysis/CallGraph.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/ModuleSlotTracker.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Debug.h"
#include "llvm/Support/raw_ostream.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

STATISTIC(NumFunctionsAnalyzed, "Functions whose escape graph was solved");

namespace escape {

SparseBitVector<>
FunctionEscapeInfo::reachableObjects(const EscapeGraph &G,
                                     const std::vector<SparseBitVector<>> &Pts,
                                     LocationId L) {
  // The walk stops at external objects: their contents belong to somebody
  // else (a parameter's object stands for everything reachable from it, and
  // the unknown object holds only what already escaped), so following them
  // adds no object of this function's, only the shared unknown object,
  // which would mark every parameter instead of the one concerned.
  SparseBitVector<> Seen, Work = Pts[L];
  while (!Work.empty()) {
    unsigned O = Work.find_first();
    Work.reset(O);
    if (!Seen.test_and_set(O))
      continue;
    if (!G.location(O).isExternalObject())
      Work |= Pts[O];
    Work.intersectWithComplement(Seen);
  }
  return Seen;
}

static cl::opt<unsigned> MaxFunctionSize(
    "escape-max-function-size", cl::init(50000),
    cl::desc("Instructions above which a function is not analysed"));

AnalysisOptions analysisOptions() {
  AnalysisOptions Opts;
  Opts.MaxFunctionSize = MaxFunctionSize;
  return Opts;
}

/// Why a function is not analysed, or None.
static SkipReason skipReason(const Function &F, const AnalysisOptions &Opts) {
  if (F.isDeclaration())
    return SkipReason::NoBody;
  if (F.isPresplitCoroutine())
    return SkipReason::PresplitCoroutine;
  if (F.getInstructionCount() > Opts.MaxFunctionSize)
    return SkipReason::TooLarge;
  return SkipReason::None;
}

bool mayBeReplaced(const Function &F) {
  if (F.hasFnAttribute(ReplaceableAttr) || F.isInterposable())
    return true;
  const Module *M = F.getParent();
  return F.hasExternalLinkage() && F.hasDefaultVisibility() &&
         !F.isDSOLocal() && M && M->getPICLevel() != PICLevel::NotPIC &&
         M->getPIELevel() == PIELevel::Default;
}

bool hasReliableBody(const Function &F) {
  return !F.isDeclaration() && !mayBeReplaced(F) &&
         !F.hasFnAttribute(Attribute::NoBuiltin);
}

bool callsReplaceableBody(const CallBase &CB) {
  const Function *Callee = CB.getCalledFunction();
  return Callee && !Callee->isDeclaration() && mayBeReplaced(*Callee);
}

void markReplaceableFunctions(Module &M) {
  for (Function &F : M)
    if (!F.isDeclaration() && mayBeReplaced(F))
      F.addFnAttr(ReplaceableAttr);
}

static void analyzeFunction(FunctionEscapeInfo &Info,
                            const TargetLibraryInfo &TLI,
                            SummaryLookup Summaries, const CallTargets &Targets,
                            const AnalysisOptions &Opts) {
  const Function &F = *Info.F;
  Info.Sites.clear();
  Info.Params.clear();
  Info.Locals.clear();
  Info.Skipped = skipReason(F, Opts);
  if (Info.Skipped != SkipReason::None) {
    LLVM_DEBUG(dbgs() << "escape: not analysing " << F.getName() << ": "
                      << describeSkip(Info.Skipped) << "\n");
    // Still list the sites, all escaping, so the report can say why.
    Info.Graph.reset();
    Info.Summary = FunctionSummary::unknown(F.arg_size());
    if (F.isDeclaration())
      return;
    for (const Instruction &I : instructions(F))
      if (auto S =
              classifyAllocation(&I, TLI, F.getParent()->getDataLayout())) {
        SiteVerdict V;
        V.Site = *S;
        V.Escapes = true;
        V.Cause = EscapeCause::notAnalysed(Info.Skipped);
        Info.Sites.push_back(std::move(V));
      }
    return;
  }
  // A self-recursive call reads this function's own summary while the graph
  // is built: the previous round's (the seed in the first), so it is reset
  // only once the graph no longer needs it.
  std::vector<AllocationSite> Sites;
  GraphBuilder B(F, TLI, Summaries, &Targets);
  Info.Graph = B.build(Sites);
  Info.Summary = FunctionSummary();
  for (AllocationSite &S : Sites) {
    SiteVerdict V;
    V.Site = S;
    Info.Sites.push_back(std::move(V));
  }
  solveEscapeGraph(Info, Summaries);
  ++NumFunctionsAnalyzed;
}

EscapeResult analyzeModule(Module &M,
                           function_ref<TargetLibraryInfo &(Function &)> GetTLI,
                           const AnalysisOptions &Opts) {
  EscapeResult R;
  CallGraph CG(M);
  CallTargets Targets(M);
  Targets.addCallEdges(CG);
  auto Lookup = [&](const Function &Callee) -> const FunctionSummary * {
    if (!hasReliableBody(Callee))
      return nullptr;
    const FunctionEscapeInfo *Info = R.lookup(&Callee);
    return Info ? &Info->Summary : nullptr;
  };

  for (scc_iterator<CallGraph *> I = scc_begin(&CG); !I.isAtEnd(); ++I) {
    SmallVector<Function *, 4> Fns;
    for (CallGraphNode *N : *I)
      if (Function *F = N->getFunction())
        if (!F->isDeclaration())
          Fns.push_back(F);
    if (Fns.empty())
      continue;
    bool Recursive = I.hasCycle();
    // Seed the component with empty summaries (nothing leaks yet), then
    // grow them to a fixed point. The certain destinations of the leaks
    // (ParamSummary::LeaksThroughArg) are not monotone, but a round reads
    // the others' from the round before: the component stops only when they
    // agree too, and gives them up with the rest at the round limit.
    for (Function *F : Fns) {
      FunctionEscapeInfo &Info = R.Functions[F];
      Info.F = F;
      Info.Recursive = Recursive;
      Info.Summary.Params.assign(F->arg_size(), ParamSummary());
    }
    const unsigned MaxRounds = 8;
    for (unsigned Round = 0;; ++Round) {
      bool Changed = false;
      for (Function *F : Fns) {
        FunctionEscapeInfo &Info = R.Functions[F];
        FunctionSummary Before = Info.Summary;
        analyzeFunction(Info, GetTLI(*F), Lookup, Targets, Opts);
        Changed |= !(Before == Info.Summary);
      }
      if (!Recursive || !Changed)
        break;
      if (Round + 1 == MaxRounds) {
        // Give up on precision, not on soundness: nothing from here on
        // relies on this component's summaries.
        for (Function *F : Fns)
          for (ParamSummary &P : R.Functions[F].Summary.Params) {
            P.HeapDerefs = 0;
            P.MayFree = P.MayWrite = true;
            P.ContentFields.reset();
            P.LeaksToGlobal = false;
            P.LeaksThroughArg = -1;
          }
        for (Function *F : Fns)
          analyzeFunction(R.Functions[F], GetTLI(*F), Lookup, Targets, Opts);
        break;
      }
    }
  }
  return R;
}

AnalysisKey EscapeAnalysis::Key;

bool EscapeResult::invalidate(Module &, const PreservedAnalyses &PA,
                              ModuleAnalysisManager::Invalidator &) {
  auto PAC = PA.getChecker<EscapeAnalysis>();
  return !PAC.preserved() && !PAC.preservedSet<AllAnalysesOn<Module>>();
}

EscapeResult EscapeAnalysis::run(Module &M, ModuleAnalysisManager &MAM) {
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  return analyzeModule(
      M,
      [&](Function &F) -> TargetLibraryInfo & {
        return FAM.getResult<TargetLibraryAnalysis>(F);
      },
      analysisOptions());
}

static void printLoc(raw_ostream &OS, const Instruction *I) {
  if (!I)
    return;
  if (const DebugLoc &DL = I->getDebugLoc())
    OS << " at " << DL->getFilename() << ":" << DL.getLine() << ":"
       << DL.getCol();
}

PreservedAnalyses EscapePrinterPass::run(Module &M,
                                         ModuleAnalysisManager &MAM) {
  const EscapeResult &R = MAM.getResult<EscapeAnalysis>(M);
  // One slot tracker for the module: printing operands without one numbers
  // the whole module again at every call.
  ModuleSlotTracker MST(&M, /*ShouldInitializeAllMetadata=*/false);
  for (const auto &KV : R.Functions) {
    const FunctionEscapeInfo &Info = KV.second;
    MST.incorporateFunction(*Info.F);
    OS << "escape: function '" << Info.F->getName() << "'";
    if (Info.Recursive)
      OS << " (recursive)";
    if (Info.Skipped != SkipReason::None)
      OS << " (not analysed: " << describeSkip(Info.Skipped) << ")";
    OS << "\n";
    for (const ParamVerdict &P : Info.Params) {
      if (!P.Arg->getType()->isPointerTy())
        continue;
      OS << "  param " << sourceName(P.Arg) << ": "
         << describeParam(P.Summary, sourceName(P.Arg), [&](unsigned I) {
              return sourceName(Info.F->getArg(I));
            });
      if (P.Summary.MayFree)
        OS << "; may be freed";
      if (!P.Summary.ObjectFrees[0].empty())
        OS << "; freed here";
      if (!P.Summary.ObjectFrees[1].empty())
        OS << "; content freed here";
      if (P.Summary.LeaksToGlobal)
        OS << "; into a global";
      if (P.Summary.LeaksThroughArg >= 0)
        OS << "; into what "
           << sourceName(Info.F->getArg(P.Summary.LeaksThroughArg))
           << " points to";
      if (P.Summary.MayWrite)
        OS << "; content may be overwritten";
      if (P.Summary.ContentFields && !P.Summary.ContentFields->empty()) {
        OS << "; leaks only fields";
        for (const FieldLeak &F : *P.Summary.ContentFields) {
          OS << " [" << F.Offset << ", " << F.Offset + int64_t(F.Size) << ")";
          if (F.Derefs)
            OS << " at derefs " << F.Derefs;
        }
      }
      OS << "\n";
    }
    for (const FunctionSummary::FreshContent &C : Info.Summary.FreshContents)
      OS << "  allocation handed to the caller holds what "
         << sourceName(Info.F->getArg(C.Src)) << " points to at derefs "
         << C.Derefs << " and deeper\n";
    for (const LocalVerdict &L : Info.Locals) {
      OS << "  local ";
      L.Alloca->printAsOperand(OS, false, MST);
      OS << ": address escapes: " << describeCause(L.Cause) << "\n";
      for (const FlowStep &S : L.Path) {
        OS << "    from " << S.What << " (" << S.Kind << ")";
        printLoc(OS, S.Where);
        OS << "\n";
      }
    }
    for (const SiteVerdict &V : Info.Sites) {
      OS << "  site ";
      if (V.Site.Call->getType()->isVoidTy())
        OS << voidCallName(*V.Site.Call);
      else
        V.Site.Call->printAsOperand(OS, false, MST);
      OS << " " << describeAllocation(V.Site);
      printLoc(OS, V.Site.Call);
      if (V.Escapes)
        OS << ": escapes: " << describeCause(V.Cause) << "\n";
      else
        OS << ": does not escape\n";
      for (const FlowStep &S : V.Path) {
        OS << "    from " << S.What << " (" << S.Kind << ")";
        printLoc(OS, S.Where);
        OS << "\n";
      }
    }
  }
  return PreservedAnalyses::all();
}

} // namespace escape
