//===- Json.cpp - The JSON report -----------------------------------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/ReportJson.h"

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace escape {

llvm::StringRef entryKindName(EntryKind K) {
  switch (K) {
  case EntryKind::Site:
    return "site";
  case EntryKind::Param:
    return "param";
  case EntryKind::Local:
    return "local";
  }
  llvm_unreachable("unknown entry kind");
}

llvm::StringRef entryVerdictName(EntryVerdict V) {
  switch (V) {
  case EntryVerdict::Escapes:
    return "escapes";
  case EntryVerdict::DoesNotEscape:
    return "does not escape";
  case EntryVerdict::FreedBeforeReturn:
    return "freed before return";
  case EntryVerdict::Leaks:
    return "leaks";
  case EntryVerdict::Eliminated:
    return "eliminated";
  }
  llvm_unreachable("unknown entry verdict");
}

llvm::json::Value jsonText(const std::string &S) {
  if (llvm::json::isUTF8(S))
    return S;
  return llvm::json::fixUTF8(S);
}

std::string writeJsonReport(const std::string &Path,
                            const std::vector<ReportEntry> &Entries) {
  llvm::json::Array Out;
  for (const ReportEntry &E : Entries) {
    llvm::json::Array Flow;
    for (const std::string &N : E.Notes)
      Flow.push_back(jsonText(llvm::StringRef(N).trim().str()));
    llvm::json::Object O{
        {"file", jsonText(E.File)},
        {"line", E.Line},
        {"column", E.Column},
        {"function", jsonText(E.Function)},
        {"kind", entryKindName(E.Kind)},
        {"what", jsonText(E.What)},
        {"verdict", entryVerdictName(E.Verdict)},
        {"reason", jsonText(E.Reason)},
        {"moved", E.Moved},
        {"message", jsonText(E.Message)},
        {"flow", std::move(Flow)},
    };
    if (E.Kind == EntryKind::Site) {
      O["copies"] = E.Copies;
      O["moved_copies"] = E.MovedCopies;
    }
    Out.push_back(std::move(O));
  }
  llvm::json::Value Doc(
      llvm::json::Object{{"version", 1}, {"entries", std::move(Out)}});
  if (Path == "-") {
    // One line on stderr, where a compiler cache (ccache) keeps the
    // diagnostics of a compile and replays them on a hit: a launcher that
    // reads it back gets the report of a cached object too.
    llvm::errs() << JsonStderrPrefix << Doc << "\n";
    return "";
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return EC.message();
  // (Not formatv: a plugin that refers to its type information cannot
  // even be loaded by another LLVM to say it is the wrong one.)
  llvm::json::OStream(OS, 2).value(Doc);
  OS << "\n";
  return "";
}

} // namespace escape
