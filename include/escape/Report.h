//===- Report.h - Verdicts handed from the pass to the clang report -------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The ReportSink is where the LLVM passes leave their verdicts for the clang
/// plugin, which prints them at the user's source lines after code
/// generation. It holds plain data (file names, lines, columns, strings),
/// no IR, so it outlives the module. The passes fill it only when a client
/// enabled it; `opt` never does.
///
/// Three producers:
///  - the inventory pass (`escape-inventory`, at the start of the pipeline,
///    before any optimisation): every function the front end emitted, every
///    allocation site it contained, and the parameter verdicts;
///  - the escape pass (after inlining): the final site verdicts;
///  - both record source positions as a stack of frames (innermost first),
///    from the instruction's DILocation and its inlinedAt chain.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_REPORT_H
#define ESCAPE_REPORT_H

#include "escape/EscapeAnalysis.h"
#include "escape/HeapToStack.h"

#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace llvm {
class DILocation;
class Instruction;
class Module;
} // namespace llvm

namespace escape {

/// One source position of an inlined call stack.
struct SourceFrame {
  std::string File; ///< as in DIFile: directory joined with filename
  unsigned Line = 0;
  unsigned Column = 0;
  /// The function this position is in (DISubprogram name / linkage name).
  std::string Function;
  std::string LinkageName;
  /// The line of that function's declaration (DISubprogram line): where a
  /// position with line 0 (merged by the optimizer) still belongs.
  unsigned FunctionLine = 0;
};

/// A position as its frames, innermost (where the instruction is) first.
using SourceStack = std::vector<SourceFrame>;

/// The frames of \p I's debug location; empty without one.
SourceStack sourceStack(const llvm::Instruction *I);

/// One hop of a flow path with its position.
struct FlowRecord {
  std::string What;
  std::string Kind;
  SourceStack Where;
};

/// The final verdict on one allocation site (one copy of it after inlining).
struct SiteRecord {
  SourceStack Where;
  /// The IR spelling when no source spelling is known: `new (16 bytes)`.
  std::string IRSpelling;
  AllocKind Kind = AllocKind::Other;
  std::string IRFunction; ///< the function holding this copy (mangled)
  Outcome Result = Outcome::Escapes;
  CauseRecord Cause; ///< why it escapes (Escapes, MovedFreed)
  KeepCause Keep;    ///< why a non-escaping object stayed on the heap
  /// A variable-size site moved behind a size check: its buffer (bytes).
  uint64_t StackBufferBytes = 0;
  /// Moved into the function's frame arena (of StackBufferBytes bytes).
  bool FrameArena = false;
  std::vector<FlowRecord> Path;
};

/// A parameter verdict.
struct ParamRecord {
  std::string Function; ///< mangled name
  unsigned ArgNo = 0;
  std::string IRName; ///< the argument's IR name (`this`, `p`), may be empty
  /// Index among the arguments that stand for source parameters (the
  /// sret argument is not one), and their number.
  unsigned SourceIndex = 0, NumSourceArgs = 0;
  /// The summary without its cause (which points into the IR).
  ParamSummary Summary;
  CauseRecord HeapCause; ///< why it leaks, when it does
  std::vector<FlowRecord> Path;
};

/// A local whose address outlives its frame (from the inventory pass).
struct LocalRecord {
  std::string Function; ///< mangled name
  /// Where the address is taken: the first hop of the path with a source
  /// position, seen from the object.
  SourceStack Where;
  CauseRecord Cause;
  std::vector<FlowRecord> Path;
};

/// A function the front end emitted (seen before any optimisation).
struct FunctionRecord {
  std::string LinkageName;
  SourceFrame Where; ///< the DISubprogram's file and line
};

/// Collected verdicts of one compilation. The clang plugin makes one per
/// compilation and hands it to the passes it puts in the pipeline; passes
/// built without one (opt) record nothing.
struct ReportSink {
  std::vector<FunctionRecord> Functions;
  /// Allocation sites present before optimisation.
  std::vector<SiteRecord> EarlySites;
  /// Verdicts after the escape pass.
  std::vector<SiteRecord> Sites;
  std::vector<ParamRecord> Params;
  std::vector<LocalRecord> Locals;
  /// The escape pass ran (the report can tell "eliminated" apart from
  /// "never analysed").
  bool EscapePassRan = false;
  /// The passes fill the records only when this is set: by the plugin when
  /// a report is asked for, or by the inventory pass when the module has a
  /// `[[escape::noheap]]` function (the gate needs the verdicts).
  bool Recording = false;
  /// The functions marked `[[escape::noheap]]` (mangled names), found by
  /// the inventory pass.
  std::set<std::string> NoHeapFunctions;
};

/// The source side of one site copy (escape pass): its position, cause and
/// flow path. Taken before the transform runs, as the rewrite erases the
/// call and the frees the path may point to.
SiteRecord recordSiteSource(const SiteVerdict &V, llvm::StringRef IRSpelling,
                            llvm::StringRef IRFunction);
/// Completes \p R with the transform's outcome \p D and hands it to
/// \p Sink.
void recordSiteOutcome(ReportSink &Sink, SiteRecord R, const SiteDecision &D);
/// Records functions, early sites and parameter verdicts (inventory pass).
void recordInventory(ReportSink &Sink, llvm::Module &M, const EscapeResult &R);

/// `escape-inventory`: fills the sink before optimisation. Does nothing
/// without one.
class EscapeInventoryPass : public llvm::PassInfoMixin<EscapeInventoryPass> {
  ReportSink *Sink;

public:
  explicit EscapeInventoryPass(ReportSink *Sink = nullptr) : Sink(Sink) {}
  llvm::PreservedAnalyses run(llvm::Module &M,
                              llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }
  void printPipeline(llvm::raw_ostream &OS,
                     llvm::function_ref<llvm::StringRef(llvm::StringRef)>) {
    OS << "escape-inventory";
  }
};

} // namespace escape

#endif // ESCAPE_REPORT_H
