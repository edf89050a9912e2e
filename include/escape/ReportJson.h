//===- ReportJson.h - The report's lines and its JSON form ----------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One entry per reported allocation site, parameter or escaping local, and
/// its JSON form (`-fplugin-arg-escape-json=PATH`, shape in docs/Json.md):
///
///   {"version": 1, "entries": [{"file", "line", "column", "function",
///     "kind": "site"|"param"|"local", "what", "verdict", "reason",
///     "moved", "message", "flow": [...]}]}
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_REPORTJSON_H
#define ESCAPE_REPORTJSON_H

#include "escape/SourceIndex.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace escape {

/// What an entry is about.
enum class EntryKind : uint8_t {
  Site,  ///< an allocation site (`new T`, `malloc`, a library allocation)
  Param, ///< a pointer or reference parameter (`this` included)
  Local, ///< a local whose address outlives its frame
};

/// An entry's verdict, as the JSON's "verdict" names it.
enum class EntryVerdict : uint8_t {
  Escapes,           ///< a site or local that may outlive its function
  DoesNotEscape,     ///< a site or parameter that does not escape
  FreedBeforeReturn, ///< escapes, but freed on every path before return
  Leaks,             ///< a parameter that leaks (Go's "leaking param")
  Eliminated,        ///< a site the optimizer removed before the pass ran
};

/// The JSON names: "site", "param", "local"; "escapes", "does not escape",
/// "freed before return", "leaks", "eliminated".
llvm::StringRef entryKindName(EntryKind K);
llvm::StringRef entryVerdictName(EntryVerdict V);

struct ReportEntry {
  SourceLocID Loc = 0; ///< 0 at link time
  std::string File;
  unsigned Line = 0, Column = 0;
  std::string Function; ///< demangled, without parameters; may be empty
  EntryKind Kind = EntryKind::Site;
  std::string What; ///< `new Widget`, the parameter's name, ...
  EntryVerdict Verdict = EntryVerdict::Escapes;
  std::string Reason; ///< why it escapes / leaks / stayed on the heap
  bool Moved = false; ///< demoted to the stack
  /// Allocation sites: the copies of the site after inlining and how many
  /// of them were demoted (the verdict is the worst copy's).
  unsigned Copies = 0, MovedCopies = 0;
  bool Warning = false; ///< printed as a warning (escaping stack address)
  std::string Message;  ///< the level-1 line
  std::vector<std::string> Notes; ///< the -m=2 flow
};

/// \p S as a JSON string: source text and file names may hold bytes that
/// are not UTF-8 (a Latin-1 comment, a `#line` name); they become U+FFFD.
llvm::json::Value jsonText(const std::string &S);

/// The start of the line that carries the JSON report on stderr.
inline constexpr const char *JsonStderrPrefix = "@escape-json ";

/// Writes \p Entries as JSON (docs/Json.md) to \p Path; returns an error
/// message or "". \p Path "-" writes one line to stderr instead:
/// JsonStderrPrefix, then the document without line breaks (what a
/// launcher under ccache reads back, since ccache replays stderr).
std::string writeJsonReport(const std::string &Path,
                            const std::vector<ReportEntry> &Entries);

} // namespace escape

#endif
