//===- Plugin.h - Putting the escape passes into a pipeline ---------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_PLUGIN_H
#define ESCAPE_PLUGIN_H

#include <string>

namespace llvm {
class PassBuilder;
}

namespace escape {
struct EscapeOptions;
struct ReportSink;

/// Registers the pass names (`escape`, `print<escape>`, `escape-inventory`),
/// the EscapeAnalysis, and the pipeline placement: `escape-inventory` at
/// PipelineStart (before any optimisation), `escape` at OptimizerEarly
/// (after the inliner, before sanitizer instrumentation, which clang adds
/// at OptimizerLast). Call it once per PassBuilder: the clang plugin drops
/// its own library from -fpass-plugin so that clang does not call it again.
/// \p Opts are the transform's settings in the pipeline placement (the
/// clang plugin's arguments); `escape<...>` in a pipeline text sets its own.
/// \p Sink, when given, receives the records of the passes in the pipeline
/// placement (the clang report); it must outlive the pipeline.
void registerEscapePasses(llvm::PassBuilder &PB, const EscapeOptions &Opts,
                          ReportSink *Sink = nullptr);

/// The file libEscape.so was loaded from (as the dynamic loader names it);
/// empty if unknown. Used to find libEscapeClang.so beside it, and by the
/// clang plugin to recognise itself among clang's -fpass-plugin files.
std::string escapeLibraryPath();

} // namespace escape

#endif
