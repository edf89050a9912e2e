//===- LinkTimeReport.cpp - The report of a link-time (LTO) run -----------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/LinkTimeReport.h"

#include "escape/Report.h"
#include "escape/ReportJson.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <mutex>
#include <set>
#include <tuple>

using namespace llvm;

namespace escape {

/// Bumped whenever the carried document changes shape.
static constexpr int CarriedVersion = 1;

// --- The carried document ---------------------------------------------

static json::Value placeJSON(const SourcePlace &P) {
  return json::Array{jsonText(P.File), P.Line, P.Column};
}

static json::Value entryJSON(const ReportEntry &E) {
  json::Array Notes;
  for (const std::string &N : E.Notes)
    Notes.push_back(jsonText(N));
  return json::Object{
      {"place", placeJSON({0, E.File, E.Line, E.Column})},
      {"function", jsonText(E.Function)},
      {"kind", int(E.Kind)},
      {"what", jsonText(E.What)},
      {"verdict", int(E.Verdict)},
      {"reason", jsonText(E.Reason)},
      {"moved", E.Moved},
      {"copies", E.Copies},
      {"moved_copies", E.MovedCopies},
      {"warning", E.Warning},
      {"message", jsonText(E.Message)},
      {"notes", std::move(Notes)},
  };
}

static json::Value carriedJSON(const CarriedReport &R) {
  const SourceIndex &S = R.Index;
  json::Array Sites, Files, Emitted, Early, NoHeap, Entries;
  json::Object Params, Places;
  for (const SourceSite &Site : S.Sites)
    Sites.push_back(json::Array{jsonText(Site.File), Site.Line, Site.Column,
                                jsonText(Site.Spelling), Site.Definite,
                                Site.LibraryCall, jsonText(Site.FunctionFile),
                                Site.FunctionLine});
  for (const auto &F : S.UserFiles)
    Files.push_back(jsonText(F.getKey().str()));
  for (const auto &KV : S.ParamNames) {
    json::Array Names;
    for (const std::string &N : KV.second)
      Names.push_back(jsonText(N));
    Params[KV.first] = std::move(Names);
  }
  for (const auto &KV : S.FunctionPlaces)
    Places[KV.first] = placeJSON(KV.second);
  for (const SourceLine &L : S.EmittedFunctions)
    Emitted.push_back(json::Array{jsonText(L.first), L.second});
  for (const SourceLine &L : S.EarlyPositions)
    Early.push_back(json::Array{jsonText(L.first), L.second});
  for (const std::string &F : S.NoHeapFunctions)
    NoHeap.push_back(F);
  for (const ReportEntry &E : R.Entries)
    Entries.push_back(entryJSON(E));
  return json::Object{
      {"version", CarriedVersion},      {"source", jsonText(R.Source)},
      {"level", R.Options.Level},       {"json", jsonText(R.Options.JsonPath)},
      {"user_files", std::move(Files)}, {"sites", std::move(Sites)},
      {"params", std::move(Params)},    {"function_places", std::move(Places)},
      {"emitted", std::move(Emitted)},  {"early", std::move(Early)},
      {"noheap", std::move(NoHeap)},    {"entries", std::move(Entries)},
  };
}

namespace {
/// Reads the carried document; a malformed part is skipped, never fatal.
struct Reader {
  static std::string str(const json::Value *V) {
    if (V)
      if (auto S = V->getAsString())
        return S->str();
    return "";
  }
  static unsigned num(const json::Value *V) {
    if (V)
      if (auto N = V->getAsInteger())
        return unsigned(*N);
    return 0;
  }
  static bool flag(const json::Value *V) {
    if (V)
      if (auto B = V->getAsBoolean())
        return *B;
    return false;
  }
  static const json::Value *at(const json::Array &A, size_t I) {
    return I < A.size() ? &A[I] : nullptr;
  }
  static SourcePlace place(const json::Value *V) {
    SourcePlace P;
    if (const json::Array *A = V ? V->getAsArray() : nullptr) {
      P.File = str(at(*A, 0));
      P.Line = num(at(*A, 1));
      P.Column = num(at(*A, 2));
    }
    return P;
  }
  static std::vector<SourceLine> lines(const json::Array *A) {
    std::vector<SourceLine> Out;
    if (A)
      for (const json::Value &V : *A)
        if (const json::Array *L = V.getAsArray())
          Out.push_back({str(at(*L, 0)), num(at(*L, 1))});
    return Out;
  }

  static std::optional<CarriedReport> read(const json::Object &O) {
    if (auto V = O.getInteger("version"); !V || *V != CarriedVersion)
      return std::nullopt;
    CarriedReport R;
    R.Source = str(O.get("source"));
    R.Options.Level = num(O.get("level"));
    R.Options.JsonPath = str(O.get("json"));
    SourceIndex &S = R.Index;
    if (const json::Array *A = O.getArray("user_files"))
      for (const json::Value &V : *A)
        S.UserFiles.insert(str(&V));
    if (const json::Array *A = O.getArray("sites"))
      for (const json::Value &V : *A) {
        const json::Array *F = V.getAsArray();
        if (!F)
          continue;
        SourceSite Site;
        Site.File = str(at(*F, 0));
        Site.Line = num(at(*F, 1));
        Site.Column = num(at(*F, 2));
        Site.Spelling = str(at(*F, 3));
        Site.Definite = flag(at(*F, 4));
        Site.LibraryCall = flag(at(*F, 5));
        Site.FunctionFile = str(at(*F, 6));
        Site.FunctionLine = num(at(*F, 7));
        S.Sites.push_back(std::move(Site));
      }
    if (const json::Object *P = O.getObject("params"))
      for (const auto &KV : *P) {
        std::vector<std::string> &Names = S.ParamNames[KV.first.str()];
        if (const json::Array *A = KV.second.getAsArray())
          for (const json::Value &N : *A)
            Names.push_back(str(&N));
      }
    if (const json::Object *P = O.getObject("function_places"))
      for (const auto &KV : *P)
        S.FunctionPlaces[KV.first.str()] = place(&KV.second);
    for (const SourceLine &L : lines(O.getArray("emitted")))
      S.EmittedFunctions.insert(L);
    for (const SourceLine &L : lines(O.getArray("early")))
      S.EarlyPositions.insert(L);
    if (const json::Array *A = O.getArray("noheap"))
      for (const json::Value &V : *A)
        S.NoHeapFunctions.insert(str(&V));
    if (const json::Array *A = O.getArray("entries"))
      for (const json::Value &V : *A) {
        const json::Object *E = V.getAsObject();
        if (!E)
          continue;
        ReportEntry Entry;
        SourcePlace P = place(E->get("place"));
        Entry.File = P.File;
        Entry.Line = P.Line;
        Entry.Column = P.Column;
        Entry.Function = str(E->get("function"));
        unsigned Kind = num(E->get("kind")), Verdict = num(E->get("verdict"));
        if (Kind > unsigned(EntryKind::Local) ||
            Verdict > unsigned(EntryVerdict::Eliminated))
          continue;
        Entry.Kind = EntryKind(Kind);
        Entry.Verdict = EntryVerdict(Verdict);
        Entry.What = str(E->get("what"));
        Entry.Reason = str(E->get("reason"));
        Entry.Moved = flag(E->get("moved"));
        Entry.Copies = num(E->get("copies"));
        Entry.MovedCopies = num(E->get("moved_copies"));
        Entry.Warning = flag(E->get("warning"));
        Entry.Message = str(E->get("message"));
        if (const json::Array *N = E->getArray("notes"))
          for (const json::Value &Note : *N)
            Entry.Notes.push_back(str(&Note));
        R.Entries.push_back(std::move(Entry));
      }
    return R;
  }
};
} // namespace

void carryReport(Module &M, const CarriedReport &R) {
  std::string Doc;
  raw_string_ostream(Doc) << carriedJSON(R);
  LLVMContext &Ctx = M.getContext();
  M.getOrInsertNamedMetadata(CarriedReportMetadata)
      ->addOperand(MDNode::get(Ctx, MDString::get(Ctx, Doc)));
}

std::vector<CarriedReport> takeCarriedReports(Module &M) {
  std::vector<CarriedReport> Out;
  NamedMDNode *N = M.getNamedMetadata(CarriedReportMetadata);
  if (!N)
    return Out;
  unsigned Skipped = 0;
  for (const MDNode *Op : N->operands()) {
    const auto *S = Op->getNumOperands() == 1
                        ? dyn_cast_or_null<MDString>(Op->getOperand(0))
                        : nullptr;
    Expected<json::Value> V =
        S ? json::parse(S->getString())
          : Expected<json::Value>(
                createStringError(inconvertibleErrorCode(), "not a string"));
    std::optional<CarriedReport> R;
    if (!V)
      consumeError(V.takeError());
    else if (const json::Object *O = V->getAsObject())
      R = Reader::read(*O);
    if (R)
      Out.push_back(std::move(*R));
    else
      ++Skipped;
  }
  M.eraseNamedMetadata(N);
  bool Own = llvm::any_of(Out, [&](const CarriedReport &R) {
    return R.Source == M.getSourceFileName();
  });
  if (Own)
    for (CarriedReport &R : Out)
      R.Imported = R.Source != M.getSourceFileName();
  if (Skipped)
    errs() << "escape: note: " << Skipped
           << " translation unit(s) carry a report this plugin cannot read "
              "(built by another version of it); they are not reported\n";
  return Out;
}

// --- The report -------------------------------------------------------

namespace {
/// Diagnostics as clang prints them, without source lines, into a buffer
/// printed in one piece.
class StderrOutput : public ReportOutput {
public:
  StderrOutput() {
    SmallString<256> Dir;
    if (!sys::fs::current_path(Dir))
      Cwd = std::string(Dir) + "/";
  }
  void print(Severity S, const SourcePlace &Where, StringRef Text) override {
    if (!Where.File.empty()) {
      StringRef File = Where.File;
      if (!Cwd.empty() && File.starts_with(Cwd))
        File = File.drop_front(Cwd.size());
      OS << File << ":" << Where.Line << ":" << Where.Column << ": ";
    }
    OS << (S == Severity::Remark    ? "remark: "
           : S == Severity::Warning ? "warning: "
           : S == Severity::Error   ? "error: "
                                    : "note: ")
       << Text << "\n";
    Errors += S == Severity::Error;
  }
  Severity danglingSeverity(const SourcePlace &) override {
    return Severity::Warning;
  }
  bool showsOptionNames() override { return false; }
  SourceLocID locationOf(StringRef, unsigned, unsigned) override { return 0; }

  std::string Buffer;
  raw_string_ostream OS{Buffer};
  unsigned Errors = 0;

private:
  std::string Cwd;
};

std::mutex PrintLock;
} // namespace

void reportAtLinkTime(Module &M, std::vector<CarriedReport> TUs,
                      const ReportSink &Sink) {
  SourceIndex Src;
  ReportOptions Opts;
  std::vector<ReportEntry> Carried;
  std::set<std::tuple<std::string, unsigned, unsigned, int, std::string>> Seen;
  for (CarriedReport &TU : TUs) {
    if (TU.Imported) {
      Src.ImportedSites.insert(Src.ImportedSites.end(), TU.Index.Sites.begin(),
                               TU.Index.Sites.end());
      for (const auto &F : TU.Index.UserFiles)
        Src.ImportedFiles.insert(F.getKey());
      continue;
    }
    Src.merge(TU.Index);
    Opts.Level = std::max(Opts.Level, TU.Options.Level);
    // The JSON files, one per destination, are written below.
    Opts.JsonElsewhere |= !TU.Options.JsonPath.empty();
    for (ReportEntry &E : TU.Entries)
      if (Seen.insert({E.File, E.Line, E.Column, int(E.Kind), E.Message})
              .second)
        Carried.push_back(E);
  }
  StderrOutput Out;
  ReportBuilder B(Src, Opts, Out);
  B.addSites(Sink);
  B.addEntries(std::move(Carried));
  B.emit();
  B.checkNoHeap(Sink);
  // Each JSON file gets the entries in the files of the units that named
  // it.
  std::map<std::string, StringSet<>> FilesOfJson;
  for (const CarriedReport &TU : TUs)
    if (!TU.Options.JsonPath.empty() && !TU.Imported)
      for (const auto &F : TU.Index.UserFiles)
        FilesOfJson[TU.Options.JsonPath].insert(F.getKey());
  std::lock_guard<std::mutex> Guard(PrintLock);
  for (const auto &KV : FilesOfJson) {
    std::vector<ReportEntry> Mine;
    for (const ReportEntry &E : B.entries())
      if (KV.second.contains(E.File))
        Mine.push_back(E);
    if (std::string Err = writeJsonReport(KV.first, Mine); !Err.empty())
      Out.print(ReportOutput::Severity::Error, SourcePlace(),
                "escape: cannot write JSON report '" + KV.first + "': " + Err);
  }
  errs() << Out.Buffer;
  errs().flush();
  if (Out.Errors)
    M.getContext().emitError(Twine("escape: ") + Twine(Out.Errors) +
                             " error(s) in the link-time report");
}

PreservedAnalyses CarryReportPass::run(Module &M, ModuleAnalysisManager &) {
  CarriedReport R;
  if (Make && Make(R)) {
    R.Source = M.getSourceFileName();
    carryReport(M, R);
  }
  return PreservedAnalyses::all();
}

} // namespace escape
