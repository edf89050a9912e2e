//===- ReportBuilder.cpp - Verdicts matched to source sites ---------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Matching of site records: a record goes to the source site at its
// innermost user frame (same file and line, nearest column; allocation
// expressions before declarations); copies of one site (inlined,
// duplicated) are counted and the worst verdict is printed. A record at
// line 0 (positions merged by the optimizer) stands for the sites of its
// function that have none. A record with no source site on its line is an
// allocation inside library code, reported at the user's call.
//
//===----------------------------------------------------------------------===//

#include "escape/ReportBuilder.h"

#include "escape/Messages.h"
#include "escape/Report.h"
#include "escape/SourceNames.h"

#include <algorithm>
#include <set>
#include <tuple>

using namespace llvm;

namespace escape {

ReportOutput::~ReportOutput() = default;

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
} // namespace

/// The records of one source site: the worst, and how many copies
/// (inlined or duplicated by the optimizer) were moved to the stack.
struct ReportBuilder::SiteMatch {
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

const SourceFrame *ReportBuilder::userFrame(const SourceStack &S) const {
  for (const SourceFrame &F : S)
    if (!F.File.empty() && Src.isUser(canonicalFile(F.File)))
      return &F;
  return nullptr;
}

SourcePlace ReportBuilder::placeOf(const std::string &File, unsigned Line,
                                   unsigned Col) {
  return {Out.locationOf(File, Line, Col), File, Line, Col};
}

std::vector<std::string>
ReportBuilder::flowNotes(const std::string &Header,
                         const std::vector<FlowRecord> &Path) const {
  std::vector<std::string> Notes;
  // The JSON report always carries the flow; the notes print at -m=2.
  if (!Opts.keepsFlow())
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

std::string ReportBuilder::rootOf(const CauseRecord &C) {
  return C.Kind == EscapeCauseKind::Returned ? "~r0" : "{heap}";
}

std::string ReportBuilder::sourceCause(const CauseRecord &C,
                                       const std::string &IRFunction) const {
  return describeCause(C, [&](const CauseRecord &C) {
    return Src.paramName(IRFunction, C.ParamIndex, C.NumSourceParams);
  });
}

void ReportBuilder::addSites(const ReportSink &Sink) {
  const std::vector<SourceSite> &Sites = Src.Sites;
  // Each late record goes to the source site at its user frame.
  std::vector<SiteMatch> Matches(Sites.size());
  std::vector<const SiteRecord *> Unmatched;
  // Records whose position the optimizer merged (line 0: the same `new T`
  // of two branches made one call), by their function's file and line.
  std::map<SourceLine, SiteMatch> Merged;
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
    for (unsigned I = 0; I < Sites.size(); ++I) {
      const SourceSite &S = Sites[I];
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
      // A call made inside library code allocates there too.
      if (R.Kind != AllocKind::Call || InLibrary)
        Unmatched.push_back(&R);
      continue;
    }
    Matches[Best].add(R);
  }

  for (unsigned I = 0; I < Sites.size(); ++I) {
    const SourceSite &S = Sites[I];
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
      bool Emitted =
          Src.EarlyPositions.count({S.File, S.Line}) ||
          Src.EmittedFunctions.count({S.FunctionFile, S.FunctionLine});
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
      What = importedSpelling(R.Where) + " in '" +
             prettyFunctionName(R.Where[Idx - 1].LinkageName) + "'";
    auto [File, Line, Col] = KV.first;
    addSite(placeOf(File, Line, Col), What, KV.second);
  }
}

void ReportBuilder::addSite(SourcePlace Where, const std::string &What,
                            const SiteMatch &M) {
  assert(M.Worst && M.Copies >= 1 && M.MovedCopies <= M.Copies &&
         "a reported site has at least one record");
  const SiteRecord &R = *M.Worst;
  std::string Reason = sourceCause(R.Cause, R.IRFunction);
  std::string Verdict = describeOutcome(R.Result, Reason, R.Keep,
                                        R.StackBufferBytes, R.FrameArena);
  // Copies that fared better than the worst one.
  bool SomeMoved = M.MovedCopies > 0 && R.Result != Outcome::Moved &&
                   R.Result != Outcome::MovedFreed;
  if (SomeMoved)
    Verdict += "; moved to stack in " + std::to_string(M.MovedCopies) + " of " +
               std::to_string(M.Copies) + " inlined copies";
  bool Escaped =
      R.Result == Outcome::Escapes || R.Result == Outcome::MovedFreed;
  ReportEntry &E = addEntry(std::move(Where), EntryKind::Site, What,
                            R.Result == Outcome::Escapes ? EntryVerdict::Escapes
                            : R.Result == Outcome::MovedFreed
                                ? EntryVerdict::FreedBeforeReturn
                                : EntryVerdict::DoesNotEscape,
                            What + " " + Verdict, R.IRFunction);
  E.Reason = Escaped              ? Reason
             : R.FrameArena       ? describeFrameArena(R.StackBufferBytes)
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

std::string ReportBuilder::importedSpelling(const SourceStack &S) const {
  for (const SourceFrame &F : S) {
    std::string File = F.File.empty() ? "" : canonicalFile(F.File);
    if (!Src.ImportedFiles.contains(File))
      continue;
    const SourceSite *Best = nullptr;
    unsigned BestDist = ~0u;
    for (const SourceSite &Site : Src.ImportedSites) {
      if (Site.Line != F.Line || Site.File != File || !Site.Definite)
        continue;
      unsigned Dist = Site.Column > F.Column ? Site.Column - F.Column
                                             : F.Column - Site.Column;
      if (Dist < BestDist) {
        BestDist = Dist;
        Best = &Site;
      }
    }
    return Best ? Best->Spelling : "allocation";
  }
  return "allocation";
}

ReportEntry &ReportBuilder::addEntry(SourcePlace Where, EntryKind Kind,
                                     std::string What, EntryVerdict Verdict,
                                     std::string Message,
                                     StringRef IRFunction) {
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

void ReportBuilder::addEntries(std::vector<ReportEntry> More) {
  for (ReportEntry &E : More)
    Entries.push_back(std::move(E));
}

void ReportBuilder::emit() {
  std::stable_sort(Entries.begin(), Entries.end(),
                   [](const ReportEntry &A, const ReportEntry &B) {
                     return std::tie(A.File, A.Line, A.Column) <
                            std::tie(B.File, B.Line, B.Column);
                   });
  if (Opts.Level == 0)
    return;
  using Severity = ReportOutput::Severity;
  for (const ReportEntry &E : Entries) {
    SourcePlace Where{E.Loc, E.File, E.Line, E.Column};
    if (!E.Warning) {
      Out.print(Severity::Remark, Where, E.Message);
    } else {
      Severity S = Out.danglingSeverity(Where);
      if (S == Severity::Remark)
        continue; // silenced
      std::string Text = E.Message;
      if (Out.showsOptionNames())
        Text += (S == Severity::Error ? " [-Werror,-W" : " [-W") +
                std::string(DanglingWarningGroup) + "]";
      Out.print(S, Where, Text);
    }
    if (Opts.Level >= 2)
      for (const std::string &N : E.Notes)
        Out.print(Severity::Note, Where, N);
  }
}

void ReportBuilder::checkNoHeap(const ReportSink &Sink) {
  if (Src.NoHeapFunctions.empty())
    return;
  using Severity = ReportOutput::Severity;
  auto FunctionPlace = [&](const std::string &IRFunction) {
    auto It = Src.FunctionPlaces.find(IRFunction);
    return It == Src.FunctionPlaces.end() ? SourcePlace() : It->second;
  };
  if (!Opts.Optimizing || !Sink.EscapePassRan) {
    for (const std::string &F : Src.NoHeapFunctions)
      Out.print(Severity::Error, FunctionPlace(F),
                describeNoHeapUnchecked(prettyFunctionName(F),
                                        NoHeapUnchecked::NotOptimizing));
    return;
  }
  std::set<std::tuple<std::string, unsigned, unsigned, std::string>> Done;
  for (const SiteRecord &R : Sink.Sites) {
    if (!Src.NoHeapFunctions.count(R.IRFunction) ||
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
      Where = FunctionPlace(R.IRFunction);
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
                        R.StackBufferBytes, R.FrameArena));
    if (!Done.insert({Where.File, Where.Line, Where.Column, Text}).second)
      continue;
    Out.print(Severity::Error, Where, Text);
    if (!Callee.empty())
      Out.print(Severity::Note,
                placeOf(canonicalFile(Call->File), Call->Line, Call->Column),
                "'" + Callee + "' inlined into '" + Function + "' here");
  }
}

void ReportBuilder::writeJson() {
  if (Opts.JsonPath.empty())
    return;
  if (std::string Err = writeJsonReport(Opts.JsonPath, Entries); !Err.empty())
    Out.print(ReportOutput::Severity::Error, SourcePlace(),
              "escape: cannot write JSON report '" + Opts.JsonPath +
                  "': " + Err);
}

void indexEmitted(SourceIndex &Src, const ReportSink &Sink) {
  for (const FunctionRecord &F : Sink.Functions)
    if (!F.Where.File.empty())
      Src.EmittedFunctions.insert({canonicalFile(F.Where.File), F.Where.Line});
  for (const SiteRecord &S : Sink.EarlySites)
    for (const SourceFrame &F : S.Where)
      if (!F.File.empty() && Src.isUser(canonicalFile(F.File))) {
        Src.EarlyPositions.insert({canonicalFile(F.File), F.Line});
        break;
      }
  Src.NoHeapFunctions.insert(Sink.NoHeapFunctions.begin(),
                             Sink.NoHeapFunctions.end());
}

} // namespace escape
