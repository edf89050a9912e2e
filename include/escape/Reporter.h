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

#include "escape/LinkTimeReport.h"
#include "escape/ReportBuilder.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class DiagnosticsEngine;
} // namespace clang

namespace escape {
struct ReportSink;

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

/// For a compile step under -flto, whose escape pass runs at link time:
/// the report's source side (sites, files, parameter names) and the
/// entries this compile can decide alone (parameters, dangling addresses),
/// to carry to the link (LinkTimeReport.h). Called during code generation,
/// after the inventory pass filled \p Sink.
CarriedReport carryTranslationUnit(clang::ASTContext &Ctx,
                                   clang::DiagnosticsEngine &Diags,
                                   const ReportSink &Sink,
                                   const ReportOptions &Opts);

} // namespace escape

#endif // ESCAPE_REPORTER_H
