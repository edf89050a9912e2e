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
#include "escape/LinkTimeReport.h"
#include "escape/Report.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
#include "llvm/Support/raw_ostream.h"

#include <dlfcn.h>
#include <string>
#include <unistd.h>

using namespace llvm;

namespace escape {

void registerEscapePasses(PassBuilder &PB, const EscapeOptions &Opts,
                          ReportSink *Sink, const LinkTimePlacement &LTO) {
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
      [Sink, LTO](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(EscapeInventoryPass(Sink));
        if (LTO.DeferToLink && LTO.CarryReport)
          MPM.addPass(CarryReportPass(LTO.CarryReport));
      });
  if (!LTO.DeferToLink)
    PB.registerOptimizerEarlyEPCallback(
        [Opts, Sink](ModulePassManager &MPM, OptimizationLevel) {
          MPM.addPass(EscapePass(Opts, Sink));
        });
  // Only the full-LTO link pipeline (lld's, or `opt -passes='lto<O2>'`)
  // reaches this point, and no clang report is there to take records.
  PB.registerFullLinkTimeOptimizationLastEPCallback(
      [Opts](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(EscapePass(Opts));
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

/// The path of the running program, for messages.
static std::string hostProgram() {
  char Buf[4096];
  ssize_t N = readlink("/proc/self/exe", Buf, sizeof(Buf) - 1);
  return N > 0 ? std::string(Buf, N) : std::string("this program");
}

/// Refuses to run in a host that is not LLVM LLVM_VERSION_MAJOR: the
/// plugin links no LLVM and takes the host's symbols, so in another version
/// it would either do nothing (clang 14 never calls a pass plugin given as
/// -fplugin) or corrupt memory. LLVMGetVersion exists since LLVM 16.
static void checkHostVersion() {
  using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);
  auto GetVersion =
      reinterpret_cast<GetVersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"));
  unsigned Major = 0, Minor = 0, Patch = 0;
  if (GetVersion)
    GetVersion(&Major, &Minor, &Patch);
  if (Major == LLVM_VERSION_MAJOR)
    return;
  std::string Host = GetVersion ? "LLVM " + std::to_string(Major)
                                : std::string("an LLVM older than 16");
  errs() << "escape: error: " << escape::escapeLibraryPath()
         << " is built for LLVM " << LLVM_VERSION_MAJOR << " but "
         << hostProgram() << " is " << Host << "; use clang++-"
         << LLVM_VERSION_MAJOR << " / clang-" << LLVM_VERSION_MAJOR
         << " (or opt-" << LLVM_VERSION_MAJOR << ")\n";
  errs().flush();
  _exit(1);
}

/// Checks the host, then, inside clang, loads the frontend half from the
/// same directory. A plugin that cannot serve the compile stops it with a
/// message and exit status 1 rather than let it succeed without analysis.
__attribute__((constructor)) static void loadClangFrontend() {
  checkHostVersion();
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
  if (dlopen(Path.c_str(), RTLD_NOW | RTLD_GLOBAL))
    return;
  errs() << "escape: error: cannot load the clang front end of the plugin, "
         << Path << ": " << dlerror()
         << "\nescape: libEscape.so needs libEscapeClang.so from the same "
            "build beside it (install both, e.g. from build/lib/)\n";
  errs().flush();
  _exit(1);
}
