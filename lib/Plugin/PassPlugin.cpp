//===- PassPlugin.cpp - The opt / -fpass-plugin entry point ---------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// libEscape.so holds LLVM-only code so that `opt -load-pass-plugin` can load
// it. When it finds itself inside clang (clang's plugin registry is among
// the process's symbols) it loads its sibling libEscapeClang.so, whose
// static registration makes `-fplugin=libEscape.so` a clang plugin named
// `escape`. The user only ever names libEscape.so.
//
//===----------------------------------------------------------------------===//

#include "escape/Plugin.h"

#include "escape/EscapeAnalysis.h"
#include "escape/HeapToStack.h"
#include "escape/Report.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
#include "llvm/Support/raw_ostream.h"

#include <dlfcn.h>
#include <string>

using namespace llvm;

namespace escape {

void registerEscapePasses(PassBuilder &PB, const EscapeOptions &Opts,
                          ReportSink *Sink) {
  PB.registerAnalysisRegistrationCallback([](ModuleAnalysisManager &MAM) {
    MAM.registerPass([] { return EscapeAnalysis(); });
  });
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (PassBuilder::checkParametrizedPassName(Name, "escape")) {
          Expected<EscapeOptions> Params = PassBuilder::parsePassParameters(
              [](StringRef P) {
                return parseEscapePassParams(P, escapeOptions());
              },
              Name, "escape");
          if (!Params) {
            errs() << "escape: " << toString(Params.takeError()) << "\n";
            return false;
          }
          MPM.addPass(EscapePass(*Params));
          return true;
        }
        if (Name == "print<escape>") {
          MPM.addPass(EscapePrinterPass(outs()));
          return true;
        }
        if (Name == "escape-inventory") {
          MPM.addPass(EscapeInventoryPass());
          return true;
        }
        return false;
      });
  PB.registerPipelineStartEPCallback(
      [Sink](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(EscapeInventoryPass(Sink));
      });
  PB.registerOptimizerEarlyEPCallback(
      [Opts, Sink](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(EscapePass(Opts, Sink));
      });
}

std::string escapeLibraryPath() {
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(&registerEscapePasses), &Info) &&
      Info.dli_fname)
    return Info.dli_fname;
  return "";
}

} // namespace escape

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "escape", "0.1", [](PassBuilder &PB) {
            escape::registerEscapePasses(PB, escape::escapeOptions());
          }};
}

/// Inside clang, load the frontend half from the same directory.
__attribute__((constructor)) static void loadClangFrontend() {
  if (!dlsym(RTLD_DEFAULT,
             "_ZN4llvm8RegistryIN5clang15PluginASTActionEE4HeadE"))
    return;
  std::string Path = escape::escapeLibraryPath();
  if (Path.empty())
    return;
  size_t Slash = Path.rfind('/');
  Path =
      (Slash == std::string::npos ? std::string(".") : Path.substr(0, Slash)) +
      "/libEscapeClang.so";
  if (!dlopen(Path.c_str(), RTLD_NOW | RTLD_GLOBAL))
    errs() << "escape: cannot load the clang front end " << Path << ": "
           << dlerror() << "\n";
}
