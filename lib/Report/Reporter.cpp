//===- Reporter.cpp - The verdicts at the user's source lines ------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Matching, per kind of record:
//  - a site record goes to the source site at its innermost user frame (same
//    file and line, nearest column; allocation expressions before
//    declarations); copies of one site (inlined, duplicated) are counted and
//    the worst verdict is printed. A record at line 0 (positions merged by
//    the optimizer) stands for the sites of its function that have none. A
//    record with no source site on its line is an allocation inside library
//    code, reported at the user's call.
//  - a parameter record goes to its declaration through the mangled name.
//  - a local record goes to the address-of expression nearest its position.
//
//===----------------------------------------------------------------------===//

#include "escape/Reporter.h"

#include "escape/FunctionAnnotations.h"
#include "escape/Messages.h"
#include "escape/Report.h"
#include "escape/ReportJson.h"
#include "escape/SourceFiles.h"
#include "escape/SourceSites.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Basic/SourceManager.h"

#include <map>
#include <set>

using namespace clang;
using namespace llvm;

namespace escape {
namespace {

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
  Reporter(ASTContext &Ctx, DiagnosticsEngine &Diags, const ReportOptions &Args)
      : Ctx(Ctx), Diags(Diags), SM(Ctx.getSourceManager()), Files(SM),
        Args(Args) {}

  void run(const ReportSink &Sink) {
    SourceInventory Inv = collectSourceSites(Ctx);
    this->Inv = &Inv;
    collectEmitted(Sink);
    reportSites(Inv, Sink);
    reportParams(Inv, Sink);
    reportLocals(Inv, Sink);
    emit();
    checkNoHeap(Sink);
    if (!Args.JsonPath.empty())
      if (std::string Err = writeJsonReport(Args.JsonPath, Entries);
          !Err.empty())
        Diags.Report(
            Diags.getCustomDiagID(DiagnosticsEngine::Error,
                                  "escape: cannot write JSON report '%0': %1"))
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

  /// The place of \p File:\p Line:\p Col (canonical file name).
  SourcePlace placeOf(const std::string &File, unsigned Line, unsigned Col) {
    return {Files.locationOf(File, Line, Col), File, Line, Col};
  }

  void collectEmitted(const ReportSink &Sink) {
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
    // The JSON report always carries the flow; the notes print at -m=2.
    if (Args.Level < 2 && Args.JsonPath.empty())
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
    std::vector<const SiteRecord *> All;
    void add(const SiteRecord &R) {
      ++Copies;
      All.push_back(&R);
      MovedCopies +=
          R.Result == Outcome::Moved || R.Result == Outcome::MovedFreed;
      if (!Worst || severity(R.Result) > severity(Worst->Result))
        Worst = &R;
    }
  };

  void reportSites(const SourceInventory &Inv, const ReportSink &Sink) {
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
      // An allocation made inside library code (inlined from a system
      // header) was asked for by a library call or a declaration on the
      // user's line, never by a `new` the user wrote there.
      bool InLibrary = F != &R.Where.front();
      int Best = -1;
      unsigned BestDist = ~0u;
      for (unsigned I = 0; I < Inv.Sites.size(); ++I) {
        const SourceSite &S = Inv.Sites[I];
        if (S.Line != F->Line || S.File != File)
          continue;
        if (R.Kind == AllocKind::Call && !S.LibraryCall)
          continue;
        if (InLibrary && S.Definite && !S.LibraryCall)
          continue;
        unsigned Dist =
            S.Column > F->Column ? S.Column - F->Column : F->Column - S.Column;
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
        addEntry({S.Loc, S.File, S.Line, S.Column}, EntryKind::Site, S.Spelling,
                 EntryVerdict::Eliminated,
                 S.Spelling + " does not escape; eliminated");
        continue;
      }
      addSite({S.Loc, S.File, S.Line, S.Column}, S.Spelling, M);
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
      addSite(placeOf(File, Line, Col), What, KV.second);
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

  void addSite(SourcePlace Where, const std::string &What, const SiteMatch &M) {
    assert(M.Worst && M.Copies >= 1 && M.MovedCopies <= M.Copies &&
           "a reported site has at least one record");
    const SiteRecord &R = *M.Worst;
    std::string Reason = sourceCause(R.Cause, R.IRFunction);
    std::string Verdict =
        describeOutcome(R.Result, Reason, R.Keep, R.StackBufferBytes);
    // Copies that fared better than the worst one.
    bool SomeMoved = M.MovedCopies > 0 && R.Result != Outcome::Moved &&
                     R.Result != Outcome::MovedFreed;
    if (SomeMoved)
      Verdict += "; moved to stack in " + std::to_string(M.MovedCopies) +
                 " of " + std::to_string(M.Copies) + " inlined copies";
    bool Escaped =
        R.Result == Outcome::Escapes || R.Result == Outcome::MovedFreed;
    ReportEntry &E = addEntry(
        std::move(Where), EntryKind::Site, What,
        R.Result == Outcome::Escapes      ? EntryVerdict::Escapes
        : R.Result == Outcome::MovedFreed ? EntryVerdict::FreedBeforeReturn
                                          : EntryVerdict::DoesNotEscape,
        What + " " + Verdict, R.IRFunction);
    E.Reason = Escaped              ? Reason
               : R.StackBufferBytes ? describeStackBuffer(R.StackBufferBytes)
                                    : describeKeep(R.Keep);
    E.Moved = R.Result == Outcome::Moved || R.Result == Outcome::MovedFreed;
    for (const SiteRecord *C : M.All)
      SiteOfRecord[C] = {{E.Loc, E.File, E.Line, E.Column}, What};
    E.Copies = M.Copies;
    E.MovedCopies = M.MovedCopies;
    if (Escaped)
      E.Notes =
          flowNotes(rootOf(R.Cause) + " = &{storage for " + What + "}", R.Path);
  }

  void reportParams(const SourceInventory &Inv, const ReportSink &Sink) {
    // The entry of each parameter position, and the rank of its line.
    std::map<std::pair<unsigned, std::string>, std::pair<size_t, int>> Seen;
    for (const ParamRecord &P : Sink.Params) {
      auto It = Inv.FunctionsByMangledName.find(P.Function);
      if (It == Inv.FunctionsByMangledName.end())
        continue;
      const SourceFunction &SF = It->second;
      if (P.SourceIndex >= SF.Params.size() ||
          P.NumSourceArgs != SF.Params.size())
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
      // Content levels (derefs >= 1) go; the pointer's own (0) stays.
      ParamSummary Summary = holdsNoAddresses(Pointee)
                                 ? P.Summary.withoutContentLevels()
                                 : P.Summary;
      bool HasCause = Summary.leaksToHeap() || Summary.leaksToResult();
      Loc = SM.getExpansionLoc(Loc);
      PresumedLoc PL = SM.getPresumedLoc(Loc);
      if (PL.isInvalid() || SM.isInSystemHeader(Loc))
        continue;
      std::string Text = describeParam(Summary, Name, [&](unsigned I) {
        // IR argument numbers; the sret argument, if any, comes first.
        unsigned Src = I - (P.SourceIndex < P.ArgNo ? 1 : 0);
        if (Src < SF.Params.size())
          return SF.Params[Src] ? SF.Params[Src]->getNameAsString()
                                : std::string("this");
        return "#" + std::to_string(I);
      });
      std::vector<std::string> Notes;
      bool Leaks = Summary.leaks();
      if (Leaks && !P.Path.empty())
        Notes = flowNotes((Summary.leaksToHeap() ? "{heap}" : "~r0") +
                              std::string(" = ") + Name,
                          P.Path);
      // One line per parameter position: template instantiations and
      // constructor variants share it; keep the worst.
      auto Key = std::make_pair(Loc.getRawEncoding(), Name);
      auto SIt = Seen.find(Key);
      int Rank = leakRank(Summary);
      if (SIt != Seen.end()) {
        if (Rank <= SIt->second.second)
          continue;
        // A copy that leaks worse replaces the line.
        SIt->second.second = Rank;
        ReportEntry &E = Entries[SIt->second.first];
        E.Verdict = EntryVerdict::Leaks;
        E.Reason = HasCause ? sourceCause(P.HeapCause, P.Function) : "";
        E.Message = Text;
        E.Notes = std::move(Notes);
        continue;
      }
      Seen[Key] = {Entries.size(), Rank};
      ReportEntry &E = addEntry(
          {Loc, canonicalFile(PL.getFilename()), PL.getLine(), PL.getColumn()},
          EntryKind::Param, Name,
          Leaks ? EntryVerdict::Leaks : EntryVerdict::DoesNotEscape, Text,
          P.Function);
      if (HasCause)
        E.Reason = sourceCause(P.HeapCause, P.Function);
      E.Notes = std::move(Notes);
    }
  }

  /// How bad a parameter's line is, in the order describeParam tells
  /// them apart: the pointer itself to the heap, its content to the heap,
  /// itself into another argument's object, its content into another
  /// argument's object, itself to the result, its content to the result,
  /// nothing.
  static int leakRank(const ParamSummary &S) {
    if (S.HeapDerefs == 0)
      return 6;
    if (S.leaksToHeap())
      return 5;
    if (!S.StoredInto.empty())
      return 4;
    if (!S.ContentInto.empty())
      return 3;
    if (S.ResultDerefs == 0)
      return 2;
    if (S.leaksToResult())
      return 1;
    return 0;
  }

  /// Dangling stack addresses: warnings at the expression taking the
  /// address.
  void reportLocals(const SourceInventory &Inv, const ReportSink &Sink) {
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
        unsigned Dist =
            A.Column > F->Column ? A.Column - F->Column : F->Column - A.Column;
        if (Dist < BestDist) {
          BestDist = Dist;
          Best = &A;
        }
      }
      if (!Best ||
          !Seen.insert({Best->Loc.getRawEncoding(), Best->Name}).second)
        continue;
      std::string Reason = sourceCause(L.Cause, L.Function);
      if (Best->LambdaCapture)
        Reason = "captured by reference in an escaping lambda (" + Reason + ")";
      ReportEntry &E =
          addEntry({Best->Loc, Best->File, Best->Line, Best->Column},
                   EntryKind::Local, Best->Name, EntryVerdict::Escapes,
                   "address of local '" + Best->Name + "' escapes: " + Reason,
                   L.Function);
      E.Reason = Reason;
      E.Warning = true;
      E.Notes = flowNotes(rootOf(L.Cause) + " = &" + Best->Name, L.Path);
    }
  }

  /// A new entry at \p Where; the caller sets the optional fields (Reason,
  /// Moved, Notes, ...) on the entry returned. \p Message is the level-1
  /// line; \p IRFunction the mangled name of the function it is in.
  ReportEntry &addEntry(SourcePlace Where, EntryKind Kind, std::string What,
                        EntryVerdict Verdict, std::string Message,
                        StringRef IRFunction = "") {
    ReportEntry E;
    E.Loc = Where.Loc;
    E.File = std::move(Where.File);
    E.Line = Where.Line;
    E.Column = Where.Column;
    E.Kind = Kind;
    E.What = std::move(What);
    E.Verdict = Verdict;
    E.Message = std::move(Message);
    E.Function = prettyFunctionName(IRFunction);
    Entries.push_back(std::move(E));
    return Entries.back();
  }

  void emit() {
    std::stable_sort(Entries.begin(), Entries.end(),
                     [](const ReportEntry &A, const ReportEntry &B) {
                       return std::tie(A.File, A.Line, A.Column) <
                              std::tie(B.File, B.Line, B.Column);
                     });
    if (Args.Level == 0)
      return;
    DiagnosticsEngine &D = Diags;
    unsigned RemarkID = D.getCustomDiagID(DiagnosticsEngine::Remark, "%0");
    unsigned WarnID = D.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
    unsigned ErrorID = D.getCustomDiagID(DiagnosticsEngine::Error, "%0");
    unsigned NoteID = D.getCustomDiagID(DiagnosticsEngine::Note, "%0");
    bool ShowOption = D.getDiagnosticOptions().ShowOptionNames;
    for (const ReportEntry &E : Entries) {
      if (!E.Warning) {
        D.Report(E.Loc, RemarkID) << E.Message;
      } else {
        // Clang 19 gives a plugin's own diagnostics a fixed level, blind
        // to -Werror, -w and -W flags: take the level clang gives its own
        // -Wreturn-stack-address warning at this place instead.
        DiagnosticsEngine::Level L =
            D.getDiagnosticLevel(diag::warn_ret_stack_addr_ref, E.Loc);
        if (L == DiagnosticsEngine::Ignored)
          continue;
        bool Error = L >= DiagnosticsEngine::Error;
        std::string Text = E.Message;
        if (ShowOption)
          Text += (Error ? " [-Werror,-W" : " [-W") +
                  std::string(DanglingWarningGroup) + "]";
        D.Report(E.Loc, Error ? ErrorID : WarnID) << Text;
      }
      if (Args.Level >= 2)
        for (const std::string &N : E.Notes)
          D.Report(E.Loc, NoteID) << N;
    }
  }

  /// Where \p IRFunction is declared in the source; invalid if unknown.
  SourceLocation functionLocation(const std::string &IRFunction) {
    auto It = Inv->FunctionsByMangledName.find(IRFunction);
    if (It != Inv->FunctionsByMangledName.end() && It->second.Decl)
      return It->second.Decl->getLocation();
    return SourceLocation();
  }

  /// The `[[escape::noheap]]` gate: an error at every allocation copy that
  /// stays on the heap in a noheap function, after inlining and demotion,
  /// with its -m verdict. A copy inlined from a user callee is placed at
  /// the callee's allocation, named as the callee's, with a note at the
  /// call. Calls that stay out of line are not followed: what they
  /// allocate is the callee's own. Without optimisation nothing can pass.
  void checkNoHeap(const ReportSink &Sink) {
    if (Sink.NoHeapFunctions.empty())
      return;
    DiagnosticsEngine &D = Diags;
    unsigned ErrorID = D.getCustomDiagID(DiagnosticsEngine::Error, "%0");
    unsigned NoteID = D.getCustomDiagID(DiagnosticsEngine::Note, "%0");
    if (!Args.Optimizing || !Sink.EscapePassRan) {
      for (const std::string &F : Sink.NoHeapFunctions)
        D.Report(functionLocation(F), ErrorID) << describeNoHeapUnchecked(
            prettyFunctionName(F), NoHeapUnchecked::NotOptimizing);
      return;
    }
    std::set<std::tuple<std::string, unsigned, unsigned, std::string>> Done;
    for (const SiteRecord &R : Sink.Sites) {
      if (!Sink.NoHeapFunctions.count(R.IRFunction) ||
          R.Result == Outcome::Moved || R.Result == Outcome::MovedFreed)
        continue;
      std::string Function = prettyFunctionName(R.IRFunction);
      const SourceFrame *User = userFrame(R.Where);
      SourcePlace Where;
      std::string What = R.IRSpelling;
      if (auto It = SiteOfRecord.find(&R); It != SiteOfRecord.end()) {
        Where = It->second.first;
        What = It->second.second;
      } else if (User) {
        Where = placeOf(canonicalFile(User->File), User->Line, User->Column);
      } else {
        // No position (compiled without line tables): the function.
        Where.Loc = functionLocation(R.IRFunction);
        What += " (compile with -gline-tables-only for its line)";
      }
      // Inlined from a user callee: the innermost user frame is not in
      // the noheap function itself (the outermost frame).
      const SourceFrame *Call = R.Where.empty() ? nullptr : &R.Where.back();
      std::string Callee;
      if (User && Call && User != Call)
        Callee = prettyFunctionName(
            User->LinkageName.empty() ? User->Function : User->LinkageName);
      std::string Text = describeNoHeapAllocation(
          Function, Callee, What,
          describeOutcome(R.Result, sourceCause(R.Cause, R.IRFunction), R.Keep,
                          R.StackBufferBytes));
      if (!Done.insert({Where.File, Where.Line, Where.Column, Text}).second)
        continue;
      D.Report(Where.Loc, ErrorID) << Text;
      if (!Callee.empty())
        D.Report(
            placeOf(canonicalFile(Call->File), Call->Line, Call->Column).Loc,
            NoteID)
            << "'" + Callee + "' inlined into '" + Function + "' here";
    }
  }

  ASTContext &Ctx;
  DiagnosticsEngine &Diags;
  SourceManager &SM;
  SourceFileIndex Files;
  const ReportOptions &Args;
  std::set<std::pair<std::string, unsigned>> EmittedFunctions, EarlyPositions;
  std::vector<ReportEntry> Entries;
  /// The source place and spelling each site record was reported under.
  std::map<const SiteRecord *, std::pair<SourcePlace, std::string>>
      SiteOfRecord;
  const SourceInventory *Inv = nullptr;
};

} // namespace

namespace {
/// The noheap functions with a body, instantiations included.
class NoHeapFunctions : public RecursiveASTVisitor<NoHeapFunctions> {
public:
  std::vector<const FunctionDecl *> Found;
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isTemplated())
      return true;
    for (const auto *A : FD->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == NoHeapAnnotation) {
        Found.push_back(FD);
        break;
      }
    return true;
  }
};
} // namespace

void reportUncheckedNoHeap(ASTContext &Ctx, DiagnosticsEngine &Diags) {
  NoHeapFunctions V;
  V.TraverseDecl(Ctx.getTranslationUnitDecl());
  unsigned ErrorID = Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
  for (const FunctionDecl *FD : V.Found) {
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    FD->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), /*Qualified=*/true);
    Diags.Report(FD->getLocation(), ErrorID)
        << describeNoHeapUnchecked(Name, NoHeapUnchecked::NoPasses);
  }
}

void reportTranslationUnit(ASTContext &Ctx, DiagnosticsEngine &Diags,
                           const ReportSink &Sink, const ReportOptions &Opts) {
  Reporter(Ctx, Diags, Opts).run(Sink);
}

} // namespace escape
