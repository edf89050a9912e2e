//===- ClangPlugin.cpp - The clang frontend plugin `escape` ---------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// `clang++ -fplugin=libEscape.so [-fplugin-arg-escape-ARG ...]`:
//  - parses the plugin arguments (unknown or malformed ones are errors);
//  - puts the escape passes into the pipeline (PassBuilderCallbacks);
//  - when a report is asked for, turns on location tracking (no -g needed)
//    and, after code generation, prints the verdicts at the user's source
//    lines (remarks, warnings for escaping stack addresses, notes for -m=2)
//    and writes the JSON report.
//
//===----------------------------------------------------------------------===//

#include "escape/Plugin.h"
#include "escape/Report.h"
#include "escape/ReportJson.h"
#include "escape/SourceFiles.h"
#include "escape/SourceSites.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Passes/PassBuilder.h"

using namespace clang;
using namespace llvm;

namespace escape {
namespace {

struct PluginArgs {
  unsigned Level = 0; ///< 0: no report, 1: -m, 2: -m=2
  std::string JsonPath;
  EscapeOptions Opts;
  bool reporting() const { return Level > 0 || !JsonPath.empty(); }
};

const char *ValidArgs =
    "m, m=LEVEL (0-2), json=PATH, max-object-size=BYTES, "
    "max-frame-size=BYTES, max-recursive-frame-size=BYTES, "
    "max-variable-size=BYTES, demote=0|1";

/// Parses `NAME=VALUE` bytes; false if malformed.
bool parseBytes(StringRef V, uint64_t &Out) {
  return !V.empty() && !V.getAsInteger(10, Out);
}

// --- The report ------------------------------------------------------------

int severity(Outcome O) {
  switch (O) {
  case Outcome::Escapes:
    return 4;
  case Outcome::KeptOnHeap:
  case Outcome::NoEscape:
    return 3;
  case Outcome::MovedFreed:
    return 2;
  case Outcome::Moved:
    return 1;
  }
  return 0;
}

class Reporter {
public:
  Reporter(CompilerInstance &CI, ASTContext &Ctx, const PluginArgs &Args)
      : CI(CI), Ctx(Ctx), SM(Ctx.getSourceManager()), Files(SM), Args(Args) {}

  void run() {
    ReportSink &Sink = reportSink();
    SourceInventory Inv = collectSourceSites(Ctx);
    this->Inv = &Inv;
    collectEmitted(Sink);
    reportSites(Inv, Sink);
    reportParams(Inv, Sink);
    reportLocals(Inv, Sink);
    emit();
    if (!Args.JsonPath.empty())
      if (std::string Err = writeJsonReport(Args.JsonPath, Entries); !Err.empty())
        CI.getDiagnostics().Report(CI.getDiagnostics().getCustomDiagID(
            DiagnosticsEngine::Error, "escape: cannot write JSON report '%0': %1"))
            << Args.JsonPath << Err;
  }

private:
  /// The frame of \p S the user wrote: the innermost one in user code.
  const SourceFrame *userFrame(const SourceStack &S) {
    for (const SourceFrame &F : S)
      if (!F.File.empty() && Files.isUser(canonicalFile(F.File)))
        return &F;
    return nullptr;
  }

  SourceLocation locationOf(const std::string &File, unsigned Line, unsigned Col) {
    return Files.locationOf(File, Line, Col);
  }

  void collectEmitted(ReportSink &Sink) {
    for (const FunctionRecord &F : Sink.Functions)
      if (!F.Where.File.empty())
        EmittedFunctions.insert({canonicalFile(F.Where.File), F.Where.Line});
    for (const SiteRecord &S : Sink.EarlySites)
      if (const SourceFrame *F = userFrame(S.Where))
        EarlyPositions.insert({canonicalFile(F->File), F->Line});
  }

  /// The -m=2 notes: a `flow: ROOT = WHAT:` header, then one hop a line.
  std::vector<std::string> flowNotes(const std::string &Header,
                                     const std::vector<FlowRecord> &Path) {
    std::vector<std::string> Notes;
    if (Args.Level < 2)
      return Notes;
    Notes.push_back("flow: " + Header + ":");
    for (const FlowRecord &R : Path) {
      std::string N = "  from " + R.What + " (" + R.Kind + ")";
      if (const SourceFrame *F = userFrame(R.Where))
        N += " at " + F->File + ":" + std::to_string(F->Line) + ":" +
             std::to_string(F->Column);
      Notes.push_back(N);
    }
    return Notes;
  }

  /// The root a flow path starts from, in Go's names.
  static std::string rootOf(const CauseRecord &C) {
    return C.Kind == EscapeCauseKind::Returned ? "~r0" : "{heap}";
  }

  /// The records of one source site: the worst, and how many copies
  /// (inlined or duplicated by the optimizer) were moved to the stack.
  struct SiteMatch {
    const SiteRecord *Worst = nullptr;
    unsigned Copies = 0, MovedCopies = 0;
    void add(const SiteRecord &R) {
      ++Copies;
      MovedCopies += R.Result == Outcome::Moved || R.Result == Outcome::MovedFreed;
      if (!Worst || severity(R.Result) > severity(Worst->Result))
        Worst = &R;
    }
  };

  void reportSites(const SourceInventory &Inv, ReportSink &Sink) {
    // Each late record goes to the source site at its user frame.
    std::vector<SiteMatch> Matches(Inv.Sites.size());
    std::vector<const SiteRecord *> Unmatched;
    // Records whose position the optimizer merged (line 0: the same `new T`
    // of two branches made one call), by their function's file and line.
    std::map<std::pair<std::string, unsigned>, SiteMatch> Merged;
    for (const SiteRecord &R : Sink.Sites) {
      const SourceFrame *F = userFrame(R.Where);
      if (!F)
        continue; // entirely inside library code
      std::string File = canonicalFile(F->File);
      if (F->Line == 0) {
        Merged[{File, F->FunctionLine}].add(R);
        continue;
      }
      int Best = -1;
      unsigned BestDist = ~0u;
      for (unsigned I = 0; I < Inv.Sites.size(); ++I) {
        const SourceSite &S = Inv.Sites[I];
        if (S.Line != F->Line || S.File != File)
          continue;
        if (R.Kind == AllocKind::Call && !S.LibraryCall)
          continue;
        unsigned Dist = S.Column > F->Column ? S.Column - F->Column
                                             : F->Column - S.Column;
        // Prefer allocation expressions over declarations on a line.
        if (!S.Definite)
          Dist += 1000;
        if (Dist < BestDist) {
          BestDist = Dist;
          Best = I;
        }
      }
      if (Best < 0) {
        // A call of an allocating user function is reported at the
        // allocation inside it, not at every call.
        if (R.Kind != AllocKind::Call)
          Unmatched.push_back(&R);
        continue;
      }
      Matches[Best].add(R);
    }

    for (unsigned I = 0; I < Inv.Sites.size(); ++I) {
      const SourceSite &S = Inv.Sites[I];
      SiteMatch M = Matches[I];
      if (S.Definite) {
        // A merged call may stand for this site: never call it eliminated.
        auto MIt = Merged.find({S.FunctionFile, S.FunctionLine});
        if (MIt != Merged.end() && !M.Worst)
          M = MIt->second;
      }
      if (!M.Worst) {
        if (!S.Definite)
          continue;
        // Deleted before the escape pass saw it, if its function was
        // emitted at all.
        bool Emitted = EarlyPositions.count({S.File, S.Line}) ||
                       EmittedFunctions.count({S.FunctionFile, S.FunctionLine});
        if (!Emitted || !Sink.EscapePassRan)
          continue;
        addEntry(S.Loc, S.File, S.Line, S.Column, "site", S.Spelling,
                 "does not escape; eliminated", "eliminated", "", false, {});
        continue;
      }
      addSite(S.Loc, S.File, S.Line, S.Column, S.Spelling, M);
    }
    // Allocations inside library code called from a user line that names
    // no allocation itself (push_back, std::string, ...).
    std::map<std::tuple<std::string, unsigned, unsigned>, SiteMatch> Lib;
    for (const SiteRecord *R : Unmatched) {
      const SourceFrame *F = userFrame(R->Where);
      Lib[std::make_tuple(canonicalFile(F->File), F->Line, F->Column)].add(*R);
    }
    for (auto &KV : Lib) {
      const SiteRecord &R = *KV.second.Worst;
      const SourceFrame *F = userFrame(R.Where);
      std::string What = R.IRSpelling;
      size_t Idx = F - R.Where.data();
      if (Idx > 0 && !R.Where[Idx - 1].LinkageName.empty())
        What = "allocation in '" +
               prettyFunctionName(R.Where[Idx - 1].LinkageName) + "'";
      auto [File, Line, Col] = KV.first;
      addSite(locationOf(File, Line, Col), File, Line, Col, What, KV.second);
    }
  }

  /// The words of \p C, with a parameter's source name: the cause names
  /// it by position among the source parameters of \p IRFunction (the
  /// function whose graph holds the escape).
  std::string sourceCause(const CauseRecord &C, const std::string &IRFunction) {
    return describeCause(C, [&](const CauseRecord &C) -> std::string {
      auto It = Inv->FunctionsByMangledName.find(IRFunction);
      if (It == Inv->FunctionsByMangledName.end())
        return "";
      const SourceFunction &SF = It->second;
      if (C.NumSourceParams != SF.Params.size() ||
          C.ParamIndex >= SF.Params.size())
        return ""; // hidden arguments we cannot place (a VTT, inalloca)
      const ParmVarDecl *PD = SF.Params[C.ParamIndex];
      return PD ? PD->getNameAsString() : std::string("this");
    });
  }

  void addSite(SourceLocation Loc, const std::string &File, unsigned Line,
               unsigned Col, const std::string &What, const SiteMatch &M) {
    const SiteRecord &R = *M.Worst;
    std::string Reason = sourceCause(R.Cause, R.IRFunction);
    std::string Verdict = describeOutcome(R.Result, Reason, R.KeptReason);
    // Copies that fared better than the worst one.
    bool SomeMoved = M.MovedCopies > 0 && R.Result != Outcome::Moved &&
                     R.Result != Outcome::MovedFreed;
    if (SomeMoved)
      Verdict += "; moved to stack in " + std::to_string(M.MovedCopies) +
                 " of " + std::to_string(M.Copies) + " inlined copies";
    std::vector<std::string> Notes;
    if (R.Result == Outcome::Escapes || R.Result == Outcome::MovedFreed)
      Notes = flowNotes(rootOf(R.Cause) + " = &{storage for " + What + "}",
                        R.Path);
    addEntry(Loc, File, Line, Col, "site", What, Verdict,
             R.Result == Outcome::Escapes      ? "escapes"
             : R.Result == Outcome::MovedFreed ? "freed before return"
                                               : "does not escape",
             R.Result == Outcome::Escapes || R.Result == Outcome::MovedFreed
                 ? Reason
                 : R.KeptReason,
             R.Result == Outcome::Moved || R.Result == Outcome::MovedFreed,
             std::move(Notes), R.IRFunction);
    Entries.back().Copies = M.Copies;
    Entries.back().MovedCopies = M.MovedCopies;
  }

  void reportParams(const SourceInventory &Inv, ReportSink &Sink) {
    std::map<std::pair<unsigned, std::string>, size_t> Seen;
    for (const ParamRecord &P : Sink.Params) {
      auto It = Inv.FunctionsByMangledName.find(P.Function);
      if (It == Inv.FunctionsByMangledName.end())
        continue;
      const SourceFunction &SF = It->second;
      if (P.SourceIndex >= SF.Params.size() || P.NumSourceArgs != SF.Params.size())
        continue;
      const ParmVarDecl *PD = SF.Params[P.SourceIndex];
      std::string Name;
      SourceLocation Loc;
      QualType Pointee;
      if (!PD) {
        Name = "this";
        Loc = SF.Decl->getLocation();
        if (const auto *MD = dyn_cast<CXXMethodDecl>(SF.Decl))
          Pointee = MD->getThisType()->getPointeeType();
      } else {
        if (!PD->getIdentifier())
          continue;
        QualType T = PD->getType();
        if (!T->isPointerType() && !T->isReferenceType())
          continue;
        Name = PD->getNameAsString();
        Loc = PD->getLocation();
        Pointee = T->getPointeeType();
      }
      // What the parameter points to holds no address by its type (`long
      // &s`, `const Matrix *m` of doubles): moving its content moves
      // numbers, not addresses. The summary tracks such integers anyway
      // (pointer-width integers may carry pointers); the report, like Go's,
      // speaks of source types.
      ParamSummary Summary = P.Summary;
      if (holdsNoAddresses(Pointee)) {
        // Content levels (derefs >= 1) go; the pointer's own (0) stays.
        if (Summary.HeapDerefs >= 1)
          Summary.HeapDerefs = ParamSummary::None;
        if (Summary.ResultDerefs >= 1)
          Summary.ResultDerefs = ParamSummary::None;
      }
      bool HasCause = Summary.HeapDerefs != ParamSummary::None ||
                      Summary.ResultDerefs != ParamSummary::None;
      Loc = SM.getExpansionLoc(Loc);
      PresumedLoc PL = SM.getPresumedLoc(Loc);
      if (PL.isInvalid() || SM.isInSystemHeader(Loc))
        continue;
      std::string Text = describeParam(Summary, Name, [&](unsigned I) {
        // IR argument numbers; the sret argument, if any, comes first.
        unsigned Src = I - (P.SourceIndex < P.ArgNo ? 1 : 0);
        if (Src < SF.Params.size())
          return SF.Params[Src] ? SF.Params[Src]->getNameAsString() : std::string("this");
        return "#" + std::to_string(I);
      });
      std::vector<std::string> Notes;
      bool Leaks = Summary.HeapDerefs != ParamSummary::None ||
                   Summary.ResultDerefs != ParamSummary::None ||
                   !Summary.StoredInto.empty();
      if (Leaks && !P.Path.empty())
        Notes = flowNotes(
            (Summary.HeapDerefs != ParamSummary::None ? "{heap}" : "~r0") +
                std::string(" = ") + Name,
            P.Path);
      // One line per parameter position: template instantiations and
      // constructor variants share it; keep the worst.
      auto Key = std::make_pair(Loc.getRawEncoding(), Name);
      auto SIt = Seen.find(Key);
      if (SIt != Seen.end()) {
        if (!Leaks)
          continue;
        Entries[SIt->second].Verdict = Text;
        Entries[SIt->second].Message = Text;
        Entries[SIt->second].Notes = std::move(Notes);
        continue;
      }
      Seen[Key] = Entries.size();
      addEntry(Loc, canonicalFile(PL.getFilename()), PL.getLine(), PL.getColumn(),
               "param", Name, Text, Leaks ? "leaks" : "does not escape",
               HasCause ? sourceCause(P.HeapCause, P.Function) : "", false,
               std::move(Notes), P.Function);
      Entries.back().Message = Text;
    }
  }

  /// Dangling stack addresses: warnings at the expression taking the
  /// address.
  void reportLocals(const SourceInventory &Inv, ReportSink &Sink) {
    std::set<std::pair<unsigned, std::string>> Seen;
    for (const LocalRecord &L : Sink.Locals) {
      const SourceFrame *F = userFrame(L.Where);
      if (!F)
        continue;
      std::string File = canonicalFile(F->File);
      const LocalAddress *Best = nullptr;
      unsigned BestDist = ~0u;
      for (const LocalAddress &A : Inv.LocalAddresses) {
        if (A.Line != F->Line || A.File != File)
          continue;
        unsigned Dist = A.Column > F->Column ? A.Column - F->Column
                                             : F->Column - A.Column;
        if (Dist < BestDist) {
          BestDist = Dist;
          Best = &A;
        }
      }
      if (!Best || !Seen.insert({Best->Loc.getRawEncoding(), Best->Name}).second)
        continue;
      std::string Reason = sourceCause(L.Cause, L.Function);
      if (Best->LambdaCapture)
        Reason = "captured by reference in an escaping lambda (" + Reason + ")";
      std::vector<std::string> Notes = flowNotes(
          rootOf(L.Cause) + std::string(" = &") +
              Best->Name,
          L.Path);
      addEntry(Best->Loc, Best->File, Best->Line, Best->Column, "local",
               Best->Name, "", "escapes", Reason, false, std::move(Notes),
               L.Function);
      Entries.back().Warning = true;
      Entries.back().Message =
          "address of local '" + Best->Name + "' escapes: " + Reason;
    }
  }

  void addEntry(SourceLocation Loc, const std::string &File, unsigned Line,
                unsigned Col, const char *Kind, const std::string &What,
                const std::string &Verdict, const std::string &Short,
                const std::string &Reason, bool Moved,
                std::vector<std::string> Notes, std::string Function = "") {
    ReportEntry E;
    E.Loc = Loc;
    E.File = File;
    E.Line = Line;
    E.Column = Col;
    E.Kind = Kind;
    E.What = What;
    E.Verdict = Short;
    E.Reason = Reason;
    E.Moved = Moved;
    E.Message = What + " " + Verdict;
    E.Notes = std::move(Notes);
    E.Function = prettyFunctionName(Function);
    Entries.push_back(std::move(E));
  }

  void emit() {
    std::stable_sort(Entries.begin(), Entries.end(),
                     [](const ReportEntry &A, const ReportEntry &B) {
                       return std::tie(A.File, A.Line, A.Column) <
                              std::tie(B.File, B.Line, B.Column);
                     });
    if (Args.Level == 0)
      return;
    DiagnosticsEngine &D = CI.getDiagnostics();
    unsigned RemarkID = D.getCustomDiagID(DiagnosticsEngine::Remark, "%0");
    unsigned WarnID = D.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
    unsigned NoteID = D.getCustomDiagID(DiagnosticsEngine::Note, "%0");
    for (const ReportEntry &E : Entries) {
      D.Report(E.Loc, E.Warning ? WarnID : RemarkID) << E.Message;
      for (const std::string &N : E.Notes)
        D.Report(E.Loc, NoteID) << N;
    }
  }

  CompilerInstance &CI;
  ASTContext &Ctx;
  SourceManager &SM;
  SourceFileIndex Files;
  const PluginArgs &Args;
  std::set<std::pair<std::string, unsigned>> EmittedFunctions, EarlyPositions;
  std::vector<ReportEntry> Entries;
  const SourceInventory *Inv = nullptr;
};

// --- The plugin ------------------------------------------------------------

class ReportConsumer : public ASTConsumer {
public:
  ReportConsumer(CompilerInstance &CI, PluginArgs Args)
      : CI(CI), Args(std::move(Args)) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (!Args.reporting() || CI.getDiagnostics().hasErrorOccurred())
      return;
    Reporter(CI, Ctx, Args).run();
  }

private:
  CompilerInstance &CI;
  PluginArgs Args;
};

class EscapeAction : public PluginASTAction {
  PluginArgs Args;

protected:
  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Argv) override {
    DiagnosticsEngine &D = CI.getDiagnostics();
    auto Fail = [&](const std::string &Msg) {
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                 "escape: %0; valid arguments are: %1"))
          << Msg << ValidArgs;
      return false;
    };
    Args.Opts = escapeOptions();
    for (const std::string &A : Argv) {
      auto [Name, Value] = StringRef(A).split('=');
      bool HasValue = StringRef(A).contains('=');
      if (Name == "m") {
        unsigned L = 1;
        if (HasValue && (Value.getAsInteger(10, L) || L > 2))
          return Fail("invalid value '" + Value.str() + "' for plugin argument 'm' (expected 0, 1 or 2)");
        Args.Level = L;
      } else if (Name == "json") {
        if (Value.empty())
          return Fail("plugin argument 'json' needs a path (json=PATH)");
        Args.JsonPath = Value.str();
      } else if (Name == "max-object-size" || Name == "max-frame-size" ||
                 Name == "max-recursive-frame-size" ||
                 Name == "max-variable-size") {
        uint64_t B;
        if (!parseBytes(Value, B))
          return Fail("invalid value '" + Value.str() + "' for plugin argument '" +
                      Name.str() + "' (expected a size in bytes)");
        (Name == "max-object-size"     ? Args.Opts.MaxObjectSize
         : Name == "max-frame-size"    ? Args.Opts.MaxFrameSize
         : Name == "max-variable-size" ? Args.Opts.MaxVariableSize
                                       : Args.Opts.MaxRecursiveFrameSize) = B;
      } else if (Name == "demote") {
        if (Value != "0" && Value != "1")
          return Fail("invalid value '" + Value.str() + "' for plugin argument 'demote' (expected 0 or 1)");
        Args.Opts.Demote = Value == "1";
      } else {
        return Fail("unknown plugin argument '" + A + "'");
      }
    }
    return true;
  }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    CodeGenOptions &CG = CI.getCodeGenOpts();
    CG.PassBuilderCallbacks.push_back(
        [Opts = Args.Opts](PassBuilder &PB) { registerEscapePasses(PB, Opts); });
    if (Args.reporting() && CG.DisableLLVMPasses) {
      // -save-temps compiles to bitcode here with no optimisation, then
      // optimises the bitcode in a step that runs no frontend plugin: no
      // pass of ours runs anywhere, so there is nothing to report.
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(
          DiagnosticsEngine::Remark,
          "escape: no report: this compile step runs no LLVM passes "
          "(-save-temps or -disable-llvm-passes)"));
    }
    if (Args.reporting()) {
      reportSink().clear();
      reportSink().enable();
      // Source positions without -g, as -Rpass does.
      if (CG.getDebugInfo() == codegenoptions::NoDebugInfo)
        CG.setDebugInfo(codegenoptions::LocTrackingOnly);
    }
    return std::make_unique<ReportConsumer>(CI, Args);
  }

  ActionType getActionType() override { return AddAfterMainAction; }
};

} // namespace
} // namespace escape

static FrontendPluginRegistry::Add<escape::EscapeAction>
    X("escape", "Go-style escape analysis: demote and report heap allocations");
