//===- Reporter.h - The verdicts at the user's source lines --------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The clang report, after code generation: the records the passes left in
/// the ReportSink (positions as DILocation stacks, typed causes, decisions)
/// are matched to the allocation sites, parameters and address-taken locals
/// the AST shows (SourceSites.h) and printed as `-gcflags=-m` prints them:
/// a remark per site and parameter at level 1, `flow:` notes at level 2, a
/// warning per stack address that escapes; and written as JSON (ReportJson.h).
/// Message texts come from Messages.h; docs/Messages.md is the catalogue.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_REPORTER_H
#define ESCAPE_REPORTER_H

#include <string>

namespace clang {
class ASTContext;
class DiagnosticsEngine;
} // namespace clang

namespace escape {
struct ReportSink;

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
  bool reporting() const { return Level > 0 || !JsonPath.empty(); }
};

/// For a compile step that runs no LLVM pass (-disable-llvm-passes, the
/// first step of -save-temps): an error at every `[[escape::noheap]]`
/// function of the translation unit (either spelling), since nothing in
/// it can be checked. Template instantiations count, patterns do not.
void reportUncheckedNoHeap(clang::ASTContext &Ctx,
                           clang::DiagnosticsEngine &Diags);

/// Reports the verdicts in \p Sink on the translation unit of \p Ctx:
/// diagnostics through \p Diags (remarks, warnings, notes), the JSON file
/// when asked for. A JSON file that cannot be written is an error
/// diagnostic ("escape: cannot write JSON report ..."), nothing else fails.
void reportTranslationUnit(clang::ASTContext &Ctx,
                           clang::DiagnosticsEngine &Diags,
                           const ReportSink &Sink, const ReportOptions &Opts);

} // namespace escape

#endif // ESCAPE_REPORTER_H
