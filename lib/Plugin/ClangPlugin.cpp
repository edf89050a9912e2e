//===- ClangPlugin.cpp - The clang frontend plugin `escape` ---------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// `clang++ -fplugin=libEscape.so [-fplugin-arg-escape-ARG ...]`:
//  - parses the plugin arguments (unknown or malformed ones are errors);
//  - puts the escape passes into the pipeline (PassBuilderCallbacks), once
//    even when libEscape.so is also given as -fpass-plugin;
//  - when a report is asked for, turns on location tracking (no -g needed)
//    and, after code generation, hands the ReportSink to the report
//    (Reporter.h), which prints the verdicts at the user's source lines and
//    writes the JSON report;
//  - under -flto, leaves the escape pass to the link and carries the
//    report's source side in the bitcode instead (LinkTimeReport.h).
//
//===----------------------------------------------------------------------===//

#include "escape/EscapeAnalysis.h"
#include "escape/LibraryCopies.h"
#include "escape/LinkTimeReport.h"
#include "escape/Plugin.h"
#include "escape/Report.h"
#include "escape/Reporter.h"

#include "StringInstances.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"

using namespace clang;
using namespace llvm;

namespace escape {
namespace {

/// The plugin's arguments: the report's settings and the transform's.
struct PluginArgs {
  ReportOptions Report;
  EscapeOptions Opts;
  /// Instantiate libstdc++'s basic_string members here (StringInstances.h).
  bool InstantiateStrings = true;
  bool reporting() const { return Report.reporting(); }
};

const char *ValidArgs = "m, m=LEVEL (0-2), json=PATH, max-object-size=BYTES, "
                        "max-frame-size=BYTES, max-recursive-frame-size=BYTES, "
                        "max-variable-size=BYTES, max-arena-size=BYTES, "
                        "max-clone-instructions=N, "
                        "max-inline-instructions=N, instantiate-strings=0|1, "
                        "demote=0|1";

/// Parses `NAME=VALUE` bytes; false if malformed.
bool parseBytes(StringRef V, uint64_t &Out) {
  return !V.empty() && !V.getAsInteger(10, Out);
}

/// Whether the main file's text names the noheap marker
/// (`[[escape::noheap]]` or its annotate spelling).
bool mentionsNoHeap(CompilerInstance &CI) {
  SourceManager &SM = CI.getSourceManager();
  FileID Main = SM.getMainFileID();
  if (Main.isInvalid())
    return false;
  std::optional<llvm::MemoryBufferRef> Buf = SM.getBufferOrNone(Main);
  return Buf && Buf->getBuffer().contains("escape::noheap");
}

/// Whether this compile step writes bitcode for a link-time optimiser
/// (-flto, -flto=thin).
bool preparesForLTO(const CodeGenOptions &CG) {
  return CG.PrepareForLTO || CG.PrepareForThinLTO;
}

// --- The plugin ------------------------------------------------------------

/// Runs the report once code generation (which runs the passes) is done:
/// clang's code generator is the main action's consumer, and this plugin's
/// action comes after it (AddAfterMainAction).
class ReportConsumer : public ASTConsumer {
public:
  ReportConsumer(CompilerInstance &CI, ReportOptions Opts,
                 std::shared_ptr<const ReportSink> Sink)
      : CI(CI), Opts(std::move(Opts)), Sink(std::move(Sink)) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (CI.getDiagnostics().hasErrorOccurred())
      return;
    const CodeGenOptions &CG = CI.getCodeGenOpts();
    // No pass of ours ran, so the noheap functions are known only here.
    if (CG.DisableLLVMPasses)
      reportUncheckedNoHeap(Ctx, CI.getDiagnostics());
    if (!Sink->Recording)
      return;
    if (preparesForLTO(CG) && !CG.DisableLLVMPasses) {
      // The module carries the report's source side to the link.
      if (Opts.Level > 0) {
        DiagnosticsEngine &D = CI.getDiagnostics();
        D.Report(D.getCustomDiagID(DiagnosticsEngine::Remark,
                                   "escape: -flto: the verdicts are made "
                                   "and reported at link time (link with "
                                   "-fuse-ld=lld "
                                   "-Wl,--load-pass-plugin=%0)"))
            << escapeLibraryPath();
      }
      return;
    }
    Opts.Optimizing = CG.OptimizationLevel > 0 && !CG.DisableLLVMPasses;
    reportTranslationUnit(Ctx, CI.getDiagnostics(), *Sink, Opts);
  }

private:
  CompilerInstance &CI;
  ReportOptions Opts;
  /// Filled by the passes during code generation, which comes first.
  std::shared_ptr<const ReportSink> Sink;
};

class EscapeAction : public PluginASTAction {
  PluginArgs Args;

protected:
  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Argv) override {
    DiagnosticsEngine &D = CI.getDiagnostics();
    auto Fail = [&](const std::string &Msg) {
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                 "escape: %0; valid arguments are: %1"))
          << Msg << ValidArgs;
      return false;
    };
    Args.Opts = escapeOptions();
    for (const std::string &A : Argv) {
      auto [Name, Value] = StringRef(A).split('=');
      bool HasValue = StringRef(A).contains('=');
      if (Name == "m") {
        unsigned L = 1;
        if (HasValue && (Value.getAsInteger(10, L) || L > 2))
          return Fail("invalid value '" + Value.str() +
                      "' for plugin argument 'm' (expected 0, 1 or 2)");
        Args.Report.Level = L;
      } else if (Name == "json") {
        if (Value.empty())
          return Fail("plugin argument 'json' needs a path (json=PATH)");
        Args.Report.JsonPath = Value.str();
      } else if (Name == "max-object-size" || Name == "max-frame-size" ||
                 Name == "max-recursive-frame-size" ||
                 Name == "max-variable-size" || Name == "max-arena-size") {
        uint64_t B;
        if (!parseBytes(Value, B))
          return Fail("invalid value '" + Value.str() +
                      "' for plugin argument '" + Name.str() +
                      "' (expected a size in bytes)");
        (Name == "max-object-size"     ? Args.Opts.MaxObjectSize
         : Name == "max-frame-size"    ? Args.Opts.MaxFrameSize
         : Name == "max-variable-size" ? Args.Opts.MaxVariableSize
         : Name == "max-arena-size"    ? Args.Opts.MaxArenaSize
                                       : Args.Opts.MaxRecursiveFrameSize) = B;
      } else if (Name == "max-clone-instructions" ||
                 Name == "max-inline-instructions") {
        uint64_t N;
        if (!parseBytes(Value, N))
          return Fail("invalid value '" + Value.str() +
                      "' for plugin argument '" + Name.str() +
                      "' (expected a number of instructions)");
        (Name == "max-clone-instructions" ? Args.Opts.MaxCloneInstructions
                                          : Args.Opts.MaxInlineInstructions) =
            N;
      } else if (Name == "instantiate-strings") {
        if (Value != "0" && Value != "1")
          return Fail("invalid value '" + Value.str() +
                      "' for plugin argument 'instantiate-strings' (expected "
                      "0 or 1)");
        Args.InstantiateStrings = Value == "1";
      } else if (Name == "demote") {
        if (Value != "0" && Value != "1")
          return Fail("invalid value '" + Value.str() +
                      "' for plugin argument 'demote' (expected 0 or 1)");
        Args.Opts.Demote = Value == "1";
      } else {
        return Fail("unknown plugin argument '" + A + "'");
      }
    }
    return true;
  }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    CodeGenOptions &CG = CI.getCodeGenOpts();
    // Given as -fpass-plugin too, libEscape.so would register the passes
    // a second time, when clang loads its pass plugins for the backend,
    // and without the plugin arguments: drop that copy, and register once
    // here. (Enzyme's clang plugin looks at PassPlugins the same way.)
    if (std::string Own = escapeLibraryPath(); !Own.empty())
      llvm::erase_if(CG.PassPlugins, [&](const std::string &P) {
        return llvm::sys::fs::equivalent(P, Own);
      });
    // The report's records, shared by the passes (which fill them) and the
    // consumer (which reads them after code generation). Without a report
    // asked for, they stay empty unless the module has a noheap function.
    auto Sink = std::make_shared<ReportSink>();
    Sink->Recording = Args.reporting();
    // Under -flto the escape pass runs at link time, where it sees the
    // other files; this step records the inventory and carries the
    // report's source side in the bitcode.
    LinkTimePlacement LTO;
    LTO.DeferToLink = preparesForLTO(CG);
    if (LTO.DeferToLink)
      LTO.CarryReport = [&CI, Sink, Report = Args.Report](CarriedReport &R) {
        if (!Sink->Recording || CI.getDiagnostics().hasErrorOccurred())
          return false;
        R = carryTranslationUnit(CI.getASTContext(), CI.getDiagnostics(), *Sink,
                                 Report);
        return true;
      };
    // The growth of a std::string happens in members libstdc++ keeps out of
    // line until C++20: bring their bodies here, where the allocations can
    // be moved, when the escape pass will demote.
    bool Strings = Args.InstantiateStrings && Args.Opts.Demote &&
                   CG.OptimizationLevel > 0 && mayInstantiateLibraryStrings(CI);
    if (Strings)
      instantiateLibraryStrings(CI.getPreprocessor());
    // Without LTO, what escape-driven inlining does not take of those
    // members goes back to being the library's (LibraryCopies.h); under
    // LTO the link's inliner sees them as it would in C++20.
    bool Copies = Strings && !LTO.DeferToLink;
    CG.PassBuilderCallbacks.push_back(
        [Opts = Args.Opts, Sink, LTO, Copies, &CI](PassBuilder &PB) {
          registerEscapePasses(PB, Opts, Sink.get(), LTO);
          if (Copies)
            PB.registerPipelineStartEPCallback(
                [&CI](ModulePassManager &MPM, OptimizationLevel) {
                  if (switchedLibraryStrings(CI.getPreprocessor()))
                    MPM.addPass(ExternalLibraryCopiesPass(
                        exportedStringMembers(CI.getASTContext())));
                });
        });
    if (Args.reporting() && CG.DisableLLVMPasses) {
      // -save-temps compiles to bitcode here with no optimisation, then
      // optimises the bitcode in a step that runs no frontend plugin: no
      // pass of ours runs anywhere, so there is nothing to report.
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(
          DiagnosticsEngine::Remark,
          "escape: no report: this compile step runs no LLVM passes "
          "(-save-temps or -disable-llvm-passes)"));
    }
    // Source positions without -g, as -Rpass does: for the report, and for
    // the noheap gate's errors. Debug info is set up before parsing, so the
    // gate can only guess from the main file's text; a noheap function
    // that only a header spells is checked without positions.
    if (Args.reporting() || mentionsNoHeap(CI))
      if (CG.getDebugInfo() == codegenoptions::NoDebugInfo)
        CG.setDebugInfo(codegenoptions::LocTrackingOnly);
    return std::make_unique<ReportConsumer>(CI, Args.Report, Sink);
  }

  ActionType getActionType() override { return AddAfterMainAction; }
};

} // namespace
} // namespace escape

static FrontendPluginRegistry::Add<escape::EscapeAction>
    X("escape", "Go-style escape analysis: demote and report heap allocations");
