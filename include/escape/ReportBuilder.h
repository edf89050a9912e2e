//===- ReportBuilder.h - Verdicts matched to source sites, without clang --===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The part of the report that needs no AST: the site records the passes
/// left in a ReportSink are matched to the source sites of a SourceIndex
/// (same file and line, nearest column; copies counted, the worst verdict
/// printed), the entries are printed through a ReportOutput (clang's
/// diagnostics at compile time, stderr at link time), the
/// `[[escape::noheap]]` gate checks what stayed on the heap, and the JSON
/// report is written. The clang report (Reporter.h) adds the parameter and
/// dangling-address entries, which need the AST.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_REPORTBUILDER_H
#define ESCAPE_REPORTBUILDER_H

#include "escape/ReportJson.h"
#include "escape/SourceIndex.h"

#include <map>
#include <string>
#include <vector>

namespace escape {
struct CauseRecord;
struct FlowRecord;
struct ReportSink;
struct SiteRecord;
struct SourceFrame;
using SourceStack = std::vector<SourceFrame>;

/// The clang warning group whose flags govern the dangling-address warning
/// (`address of local 'x' escapes`): -Werror makes it an error, -w,
/// -Wno-return-stack-address or -Wno-dangling silence it, and
/// `#pragma clang diagnostic` applies at its line, as for clang's own
/// "address of stack memory ... returned".
inline constexpr const char *DanglingWarningGroup = "return-stack-address";

/// What the user asked to see (`-fplugin-arg-escape-m[=LEVEL]`,
/// `-fplugin-arg-escape-json=PATH`).
struct ReportOptions {
  unsigned Level = 0;   ///< 0: no diagnostics, 1: -m, 2: -m=2 (flow notes)
  std::string JsonPath; ///< where the JSON report goes; empty: none
  /// The passes ran with optimisation (not -O0, not -disable-llvm-passes):
  /// without it the noheap gate cannot pass and says so.
  bool Optimizing = true;
  /// The JSON files are written by the caller (the link: one per
  /// translation unit), not by ReportBuilder::writeJson.
  bool JsonElsewhere = false;
  bool reporting() const { return Level > 0 || !JsonPath.empty(); }
  /// Whether entries keep their flow: printed at -m=2, or for the JSON.
  bool keepsFlow() const {
    return Level >= 2 || !JsonPath.empty() || JsonElsewhere;
  }
};

/// Where the report's diagnostics go.
class ReportOutput {
public:
  enum class Severity { Remark, Warning, Error, Note };
  virtual ~ReportOutput();
  /// Prints \p Text at \p Where (a place with no file: no position).
  virtual void print(Severity S, const SourcePlace &Where,
                     llvm::StringRef Text) = 0;
  /// The severity a dangling-address warning at \p Where takes: Warning,
  /// Error (-Werror), or Remark to drop it (-w, -Wno-...).
  virtual Severity danglingSeverity(const SourcePlace &Where) = 0;
  /// Whether a warning names its flag (`[-Wreturn-stack-address]`).
  virtual bool showsOptionNames() = 0;
  /// The location of presumed \p File:\p Line:\p Column, when the output
  /// has locations; 0 otherwise.
  virtual SourceLocID locationOf(llvm::StringRef File, unsigned Line,
                                 unsigned Column) = 0;
};

/// Builds the report of one compile (or one link) from the records of a
/// ReportSink and a SourceIndex.
class ReportBuilder {
public:
  ReportBuilder(const SourceIndex &Src, const ReportOptions &Opts,
                ReportOutput &Out)
      : Src(Src), Opts(Opts), Out(Out) {}

  /// One entry per source site with records (or eliminated), and one per
  /// user line of library code that allocates.
  void addSites(const ReportSink &Sink);
  /// A new entry at \p Where; the caller sets the optional fields (Reason,
  /// Moved, Notes, ...) on the entry returned. \p Message is the level-1
  /// line; \p IRFunction the mangled name of the function it is in.
  ReportEntry &addEntry(SourcePlace Where, EntryKind Kind, std::string What,
                        EntryVerdict Verdict, std::string Message,
                        llvm::StringRef IRFunction = "");
  /// Entries made elsewhere (a compile step's, carried to the link).
  void addEntries(std::vector<ReportEntry> Entries);
  /// Sorts the entries by position and prints them (at level >= 1).
  void emit();
  /// The `[[escape::noheap]]` gate: an error at every allocation copy that
  /// stays on the heap in a function of SourceIndex::NoHeapFunctions.
  void checkNoHeap(const ReportSink &Sink);
  /// Writes the JSON report when one is asked for; an error diagnostic if
  /// it cannot be written.
  void writeJson();

  /// The frame of \p S the user wrote: the innermost one in user code.
  const SourceFrame *userFrame(const SourceStack &S) const;
  /// The -m=2 notes: a `flow: ROOT = WHAT:` header, then one hop a line
  /// (kept at level 1 too when a JSON report is asked for).
  std::vector<std::string> flowNotes(const std::string &Header,
                                     const std::vector<FlowRecord> &Path) const;
  /// The words of \p C, with a parameter's source name: the cause names
  /// it by position among the source parameters of \p IRFunction.
  std::string sourceCause(const CauseRecord &C,
                          const std::string &IRFunction) const;
  /// The root a flow path starts from, in Go's names (`{heap}`, `~r0`).
  static std::string rootOf(const CauseRecord &C);

  const std::vector<ReportEntry> &entries() const { return Entries; }
  std::vector<ReportEntry> &entries() { return Entries; }
  std::vector<ReportEntry> takeEntries() { return std::move(Entries); }

private:
  struct SiteMatch;
  void addSite(SourcePlace Where, const std::string &What, const SiteMatch &M);
  SourcePlace placeOf(const std::string &File, unsigned Line, unsigned Col);
  /// The spelling of the imported site at the innermost frame of \p S in
  /// an imported module's file (ThinLTO); "allocation" when there is none.
  std::string importedSpelling(const SourceStack &S) const;

  const SourceIndex &Src;
  const ReportOptions &Opts;
  ReportOutput &Out;
  std::vector<ReportEntry> Entries;
  /// The place and spelling each site record was reported under.
  std::map<const SiteRecord *, std::pair<SourcePlace, std::string>>
      SiteOfRecord;
};

/// Adds to \p Src what the inventory pass saw before optimisation: the
/// functions emitted, the user lines that held an allocation, the noheap
/// functions.
void indexEmitted(SourceIndex &Src, const ReportSink &Sink);

} // namespace escape

#endif // ESCAPE_REPORTBUILDER_H
