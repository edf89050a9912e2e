//===- LinkTimeReport.h - The report of a link-time (LTO) run -------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Under -flto the escape pass runs at link time, on the whole program
/// (full LTO) or on each module with what it imported (ThinLTO), where no
/// AST is left to name the sites. The compile step knows the spellings and
/// the link step knows the verdicts: the compile step carries its source
/// index, its report options and the entries it can decide alone
/// (parameters, dangling addresses) in the module, and the escape pass at
/// link time makes the report from them.
///
/// The carrier is the named metadata `escape.report`: one operand per
/// translation unit, `!{!"<JSON document>"}`. Linking modules appends
/// named metadata, so a full-LTO module holds one operand per unit. The
/// JSON is internal (versioned; a mismatching version is ignored, with a
/// note on stderr).
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_LINKTIMEREPORT_H
#define ESCAPE_LINKTIMEREPORT_H

#include "escape/ReportBuilder.h"
#include "escape/SourceIndex.h"

#include "llvm/IR/PassManager.h"

#include <functional>
#include <vector>

namespace llvm {
class Module;
}

namespace escape {
struct ReportSink;

/// What one translation unit's compile step carries to the link.
struct CarriedReport {
  /// The module's source file name at compile time (`source_filename`).
  std::string Source;
  /// In a ThinLTO backend, the report of a module functions were imported
  /// from: it names the sites of the imported code, and is not reported.
  bool Imported = false;
  ReportOptions Options;
  SourceIndex Index;
  /// Parameter and dangling-address entries, decided at compile time.
  std::vector<ReportEntry> Entries;
};

/// The named metadata that carries the reports.
inline constexpr const char *CarriedReportMetadata = "escape.report";

/// Adds \p R to \p M's `escape.report`.
void carryReport(llvm::Module &M, const CarriedReport &R);

/// The reports \p M carries, one per translation unit; removes
/// `escape.report` from \p M, so that each is reported once. A ThinLTO
/// backend's module also holds the reports of the modules it imported
/// functions from (the importer links named metadata): when one report is
/// \p M's own (same source file name), the others are marked Imported.
std::vector<CarriedReport> takeCarriedReports(llvm::Module &M);

/// Makes the link-time report of \p Sink's verdicts over the carried
/// translation units \p TUs: the whole report on stderr (`FILE:LINE:COL:
/// remark: ...`, file names relative to the working directory when under
/// it) at the highest level any compile step asked for, and each JSON file
/// a compile step named (`json=PATH`; `-` for one `@escape-json` line on
/// stderr) with the entries in that unit's files. Errors of the noheap
/// gate are also given to \p M's context as one error diagnostic, which
/// fails the link. Several ThinLTO backends may report at once: each
/// report prints in one piece.
void reportAtLinkTime(llvm::Module &M, std::vector<CarriedReport> TUs,
                      const ReportSink &Sink);

/// `escape-carry-report`, at the start of a compile step's pipeline under
/// -flto, after the inventory pass: stores what \p Make returns (the clang
/// report's source side) in the module. Without a maker it does nothing.
class CarryReportPass : public llvm::PassInfoMixin<CarryReportPass> {
  std::function<bool(CarriedReport &)> Make;

public:
  /// \p Make fills its argument and returns true, or returns false when
  /// there is nothing to carry (no report asked for, no noheap function).
  explicit CarryReportPass(std::function<bool(CarriedReport &)> Make)
      : Make(std::move(Make)) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

} // namespace escape

#endif // ESCAPE_LINKTIMEREPORT_H
