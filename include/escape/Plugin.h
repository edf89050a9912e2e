//===- Plugin.h - Putting the escape passes into a pipeline ---------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_PLUGIN_H
#define ESCAPE_PLUGIN_H

#include <functional>
#include <string>

namespace llvm {
class PassBuilder;
}

namespace escape {
struct CarriedReport;
struct EscapeOptions;
struct ReportSink;

/// How a compile step under -flto places the passes.
struct LinkTimePlacement {
  /// The compile step prepares for LTO (-flto, -flto=thin): the escape pass
  /// is left to the link, which sees more of the program; the compile step
  /// runs only the inventory and carries the report's source side.
  bool DeferToLink = false;
  /// Fills the report's source side to carry (see CarryReportPass).
  std::function<bool(CarriedReport &)> CarryReport;
};

/// Registers the pass names (`escape`, `print<escape>`, `escape-inventory`),
/// the EscapeAnalysis, and the pipeline placement:
///  - `escape-inventory` at PipelineStart (before any optimisation);
///  - `escape` at OptimizerEarly (after the inliner, before sanitizer
///    instrumentation, which clang adds at OptimizerLast): the per-module
///    pipeline, and each ThinLTO backend at link time;
///  - `escape` at FullLinkTimeOptimizationLast: the full-LTO link, after
///    its inliner (the pass runs SROA on what it changed; nothing later in
///    that pipeline would).
/// Call it once per PassBuilder: the clang plugin drops its own library
/// from -fpass-plugin so that clang does not call it again.
/// \p Opts are the transform's settings in the pipeline placement (the
/// clang plugin's arguments); `escape<...>` in a pipeline text sets its own.
/// \p Sink, when given, receives the records of the passes in the pipeline
/// placement (the clang report); it must outlive the pipeline.
/// \p LTO, for a compile step under -flto, leaves OptimizerEarly empty and
/// adds the report's carrier after the inventory.
void registerEscapePasses(llvm::PassBuilder &PB, const EscapeOptions &Opts,
                          ReportSink *Sink = nullptr,
                          const LinkTimePlacement &LTO = {});

/// The file libEscape.so was loaded from (as the dynamic loader names it);
/// empty if unknown. Used to find libEscapeClang.so beside it, and by the
/// clang plugin to recognise itself among clang's -fpass-plugin files.
std::string escapeLibraryPath();

} // namespace escape

#endif
