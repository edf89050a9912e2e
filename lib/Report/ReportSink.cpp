//===- ReportSink.cpp - Verdicts handed from the passes to the report -----===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/Report.h"

#include "escape/EscapeAnalysis.h"
#include "escape/FunctionAnnotations.h"
#include "escape/LibraryCopies.h"
#include "escape/Messages.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instruction.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace escape {

static std::string fullPath(const DIScope *S) {
  if (!S)
    return "";
  StringRef File = S->getFilename(), Dir = S->getDirectory();
  if (File.empty() || sys::path::is_absolute(File) || Dir.empty())
    return File.str();
  SmallString<256> P(Dir);
  sys::path::append(P, File);
  return std::string(P);
}

SourceStack sourceStack(const Instruction *I) {
  SourceStack Stack;
  if (!I)
    return Stack;
  for (const DILocation *L = I->getDebugLoc().get(); L; L = L->getInlinedAt()) {
    SourceFrame Fr;
    Fr.File = fullPath(L->getScope());
    Fr.Line = L->getLine();
    Fr.Column = L->getColumn();
    if (const DISubprogram *SP = L->getScope()->getSubprogram()) {
      Fr.Function = SP->getName().str();
      Fr.LinkageName = SP->getLinkageName().str();
      Fr.FunctionLine = SP->getLine();
      if (Fr.LinkageName.empty())
        Fr.LinkageName = Fr.Function;
    }
    Stack.push_back(std::move(Fr));
  }
  return Stack;
}

static std::vector<FlowRecord> flowRecords(const std::vector<FlowStep> &Path) {
  std::vector<FlowRecord> Out;
  for (const FlowStep &S : Path)
    Out.push_back({S.What, S.Kind, sourceStack(S.Where)});
  return Out;
}

SiteRecord recordSiteSource(const SiteVerdict &V, StringRef IRSpelling,
                            StringRef IRFunction) {
  SiteRecord R;
  R.Where = sourceStack(V.Site.Call);
  // A call of a library copy (LibraryCopies.h) allocates inside the
  // library, as the library's inlined code does: its body is one more frame
  // (innermost), so the report puts it at the user's line like the others.
  if (V.Site.Kind == AllocKind::Call && !R.Where.empty())
    if (const Function *Callee = V.Site.Call->getCalledFunction())
      if (Callee->hasFnAttribute(LibraryCopyAttr))
        if (const DISubprogram *SP = Callee->getSubprogram()) {
          SourceFrame Fr;
          Fr.File = fullPath(SP);
          Fr.Line = SP->getLine();
          Fr.Function = SP->getName().str();
          Fr.LinkageName = SP->getLinkageName().str();
          if (Fr.LinkageName.empty())
            Fr.LinkageName = Fr.Function;
          Fr.FunctionLine = SP->getLine();
          R.Where.insert(R.Where.begin(), std::move(Fr));
        }
  R.IRSpelling = IRSpelling.str();
  R.Kind = V.Site.Kind;
  R.IRFunction = IRFunction.str();
  R.Cause = recordCause(V.Cause);
  R.Path = flowRecords(V.Path);
  return R;
}

void recordSiteOutcome(ReportSink &Sink, SiteRecord R, const SiteDecision &D) {
  R.Result = D.Result;
  R.Keep = D.Keep;
  R.StackBufferBytes = D.StackBufferBytes;
  R.FrameArena = D.FrameArena;
  Sink.Sites.push_back(std::move(R));
}

void recordInventory(ReportSink &Sink, Module &M, const EscapeResult &R) {
  for (const Function &F : M) {
    if (F.isDeclaration())
      continue;
    FunctionRecord FR;
    FR.LinkageName = F.getName().str();
    if (const DISubprogram *SP = F.getSubprogram()) {
      FR.Where.File = fullPath(SP);
      FR.Where.Line = SP->getLine();
      FR.Where.Function = SP->getName().str();
      FR.Where.LinkageName = FR.LinkageName;
    }
    Sink.Functions.push_back(std::move(FR));
  }
  for (const auto &KV : R.Functions) {
    const FunctionEscapeInfo &Info = KV.second;
    for (const SiteVerdict &V : Info.Sites) {
      SiteRecord S;
      S.Where = sourceStack(V.Site.Call);
      S.IRSpelling = describeAllocation(V.Site);
      S.Kind = V.Site.Kind;
      S.IRFunction = Info.F->getName().str();
      S.Result = V.Escapes ? Outcome::Escapes : Outcome::NoEscape;
      S.Cause = recordCause(V.Cause);
      S.Path = flowRecords(V.Path);
      Sink.EarlySites.push_back(std::move(S));
    }
    for (const LocalVerdict &L : Info.Locals) {
      LocalRecord LR;
      LR.Function = Info.F->getName().str();
      LR.Cause = recordCause(L.Cause);
      LR.Path = flowRecords(L.Path);
      for (auto It = LR.Path.rbegin(); It != LR.Path.rend(); ++It)
        if (!It->Where.empty()) {
          LR.Where = It->Where;
          break;
        }
      if (!LR.Where.empty())
        Sink.Locals.push_back(std::move(LR));
    }
    for (const ParamVerdict &P : Info.Params) {
      if (!P.Arg->getType()->isPointerTy())
        continue;
      ParamRecord PR;
      PR.Function = Info.F->getName().str();
      PR.ArgNo = P.Arg->getArgNo();
      PR.IRName = P.Arg->getName().str();
      const Function &F = *Info.F;
      unsigned Sret = 0;
      for (const Argument &A : F.args())
        if (A.hasStructRetAttr())
          ++Sret;
      if (P.Arg->hasStructRetAttr())
        continue;
      PR.NumSourceArgs = F.arg_size() - Sret;
      PR.SourceIndex = P.Arg->getArgNo();
      for (const Argument &A : F.args())
        if (A.hasStructRetAttr() && A.getArgNo() < P.Arg->getArgNo())
          --PR.SourceIndex;
      PR.Summary = P.Summary;
      PR.Summary.HeapCause = {};
      PR.HeapCause = recordCause(P.Summary.HeapCause);
      PR.Path = flowRecords(P.Path);
      Sink.Params.push_back(std::move(PR));
    }
  }
}

PreservedAnalyses EscapeInventoryPass::run(Module &M,
                                           ModuleAnalysisManager &MAM) {
  // Before LTO can internalize a weak definition the linker kept.
  markReplaceableFunctions(M);
  if (!Sink)
    return PreservedAnalyses::all();
  // The gate's functions, before optimisation deletes or inlines any.
  markAnnotatedFunctions(M);
  for (const Function &F : M)
    if (F.hasFnAttribute(NoHeapAttr) && !F.isDeclaration())
      Sink->NoHeapFunctions.insert(F.getName().str());
  if (!Sink->NoHeapFunctions.empty())
    Sink->Recording = true;
  if (!Sink->Recording)
    return PreservedAnalyses::all();
  recordInventory(*Sink, M, MAM.getResult<EscapeAnalysis>(M));
  return PreservedAnalyses::all();
}

} // namespace escape
