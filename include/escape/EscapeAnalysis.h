//===- EscapeAnalysis.h - Go-style escape analysis over a module ----------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The result of the escape analysis: for every allocation site whether its
/// object escapes (and why, with the flow path), and for every pointer
/// parameter a Go-style summary (leaks to the heap, to the result, or only
/// its content, with deref levels).
///
/// The algorithm follows Go's cmd/compile/internal/escape (escape.go,
/// solve.go): each function's escape graph (EscapeGraph.h) is solved by a
/// shortest-dereference walk from the two roots `{heap}` and the result; a
/// location reached with derefs -1 has its address flowing to the root and
/// escapes. Functions are visited bottom-up over the call graph's strongly
/// connected components (CallGraph + scc_iterator), a recursive component
/// iterated until its parameter summaries stop changing, and summaries are
/// applied at direct call sites. Before the walk, stores are resolved by an
/// inclusion-based points-to solution (Andersen 1994) over the same graph,
/// which is what lets a pointer stored into a local object stay local.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_ESCAPEANALYSIS_H
#define ESCAPE_ESCAPEANALYSIS_H

#include "escape/AllocationSites.h"
#include "escape/EscapeGraph.h"
#include "escape/SourceNames.h"
#include "escape/Summary.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/IR/PassManager.h"
#include <climits>
#include <memory>

namespace llvm {
class CallBase;
class Function;
class Module;
class TargetLibraryInfo;
} // namespace llvm

namespace escape {

/// The analysis's one setting (`-escape-max-function-size`).
struct AnalysisOptions {
  /// Functions with more instructions than this are not analysed: every
  /// site in them is reported as escaping ("function too large").
  unsigned MaxFunctionSize = 50000;
};

/// The defaults in force: the cl::opt values.
AnalysisOptions analysisOptions();

/// The IR attribute (string, no value) a compile step puts on each
/// definition that mayBeReplaced, so that the fact outlives LTO, which
/// internalizes a weak definition that the linker kept.
inline constexpr const char *ReplaceableAttr = "escape-replaceable";

/// Whether a call of \p F (a definition) may run another body than this
/// one, so that its summary must not be used:
///  - interposable linkage (weak, linkonce, common; any external function
///    under -fsemantic-interposition);
///  - an exported function of a shared library: external (not ODR)
///    linkage, default visibility, not dso_local, in a module built as
///    position-independent code that is not an executable (-fPIC without
///    -fPIE); the dynamic loader may bind calls to another definition
///    (LD_PRELOAD, the executable's own), as GCC assumes by default.
///    -fvisibility=hidden, -fno-semantic-interposition and a final LTO
///    link (dso_local) make the function known again;
///  - marked ReplaceableAttr by its compile step.
/// ODR linkages (inline functions, templates) are never replaced by a
/// different body.
bool mayBeReplaced(const llvm::Function &F);

/// Whether \p F has the body that runs when it is called: a definition
/// that may not be replaced and is not `nobuiltin`. Only such callees give
/// summaries, clones or "cannot jump out" facts.
bool hasReliableBody(const llvm::Function &F);

/// Whether \p CB calls a definition that mayBeReplaced. The attributes of
/// such a call (nocapture, nofree, nounwind, willreturn, memory) may have
/// been inferred from this body by FunctionAttrs (LLVM does not see
/// interposition by the dynamic loader, nor a weak definition that LTO
/// internalized): none of them is trusted.
bool callsReplaceableBody(const llvm::CallBase &CB);

/// Gives ReplaceableAttr to every definition of \p M that mayBeReplaced
/// (run before optimisation, by the compile step).
void markReplaceableFunctions(llvm::Module &M);

/// One hop of a flow path, from the root towards the escaping location, in
/// Go's -m=2 shape: `from <What> (<Kind>) at <Where>`.
struct FlowStep {
  std::string What; ///< e.g. "%p", "{heap}"
  std::string Kind; ///< assign, load, store, call, ...
  const llvm::Instruction *Where = nullptr;
};

/// What became of an allocation site.
enum class Outcome {
  Escapes,    ///< the object may outlive the function
  NoEscape,   ///< analysis only: does not escape (print<escape>)
  Moved,      ///< demoted to an alloca by the transform
  MovedFreed, ///< escapes, but freed on every path before return: demoted
  KeptOnHeap, ///< does not escape, but was not demoted (KeptReason)
};

/// The verdict on one allocation site.
struct SiteVerdict {
  AllocationSite Site;
  bool Escapes = false;
  /// Why it escapes (when Escapes).
  EscapeCause Cause;
  /// Root-to-object path, for -m=2.
  std::vector<FlowStep> Path;
};

/// The verdict on one pointer parameter (`this` included).
struct ParamVerdict {
  const llvm::Argument *Arg = nullptr;
  ParamSummary Summary;
  std::vector<FlowStep> Path;
};

/// A stack object (alloca) whose address outlives the frame: a dangling
/// pointer once the function returns.
struct LocalVerdict {
  const llvm::Instruction *Alloca = nullptr;
  EscapeCause Cause; ///< returned, stored to a global or through a parameter
  std::vector<FlowStep> Path;
};

/// Everything the analysis knows about one function.
struct FunctionEscapeInfo {
  const llvm::Function *F = nullptr;
  /// None when analysed; otherwise why not.
  SkipReason Skipped = SkipReason::None;
  /// Part of a recursive call-graph cycle.
  bool Recursive = false;
  std::unique_ptr<EscapeGraph> Graph;
  /// pts(L) for every location L: the objects its value may point to.
  std::vector<llvm::SparseBitVector<>> PointsTo;
  std::vector<SiteVerdict> Sites;
  std::vector<ParamVerdict> Params;
  /// Stack objects whose address certainly outlives the frame (returned,
  /// stored to a global or through a parameter).
  std::vector<LocalVerdict> Locals;
  FunctionSummary Summary;

  /// pts(L): the objects the value of \p L may point to.
  const llvm::SparseBitVector<> &pointsTo(LocationId L) const {
    return PointsTo[L];
  }
  /// The objects a free of \p FC may release: pts of its pointer, and for a
  /// free inside a callee everything reachable from those objects' contents.
  llvm::SparseBitVector<> freedObjects(const FreeCall &FC) const {
    return FC.InCallee ? reachableObjects(*Graph, PointsTo, FC.Ptr)
                       : PointsTo[FC.Ptr];
  }
  /// pts(L) closed under "the content of O may point to" for the local
  /// objects of \p G: every object reachable from \p L through any number
  /// of derefs, external objects included but not looked into.
  static llvm::SparseBitVector<>
  reachableObjects(const EscapeGraph &G,
                   const std::vector<llvm::SparseBitVector<>> &Pts,
                   LocationId L);
};

/// The analysis result for a module.
class EscapeResult {
public:
  llvm::MapVector<const llvm::Function *, FunctionEscapeInfo> Functions;

  const FunctionEscapeInfo *lookup(const llvm::Function *F) const {
    auto It = Functions.find(F);
    return It == Functions.end() ? nullptr : &It->second;
  }
  FunctionEscapeInfo *lookup(const llvm::Function *F) {
    auto It = Functions.find(F);
    return It == Functions.end() ? nullptr : &It->second;
  }
  /// Invalid unless EscapeAnalysis (or everything) was preserved.
  bool invalidate(llvm::Module &M, const llvm::PreservedAnalyses &PA,
                  llvm::ModuleAnalysisManager::Invalidator &Inv);
};

/// Runs the analysis over \p M (bottom-up over call-graph SCCs).
/// \p GetTLI gives TargetLibraryInfo per function.
EscapeResult analyzeModule(
    llvm::Module &M,
    llvm::function_ref<llvm::TargetLibraryInfo &(llvm::Function &)> GetTLI,
    const AnalysisOptions &Opts);

/// The new-PM module analysis.
class EscapeAnalysis : public llvm::AnalysisInfoMixin<EscapeAnalysis> {
  friend llvm::AnalysisInfoMixin<EscapeAnalysis>;
  static llvm::AnalysisKey Key;

public:
  using Result = EscapeResult;
  Result run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
};

/// `print<escape>`: the verdicts as text, for tests and debugging.
class EscapePrinterPass : public llvm::PassInfoMixin<EscapePrinterPass> {
  llvm::raw_ostream &OS;

public:
  explicit EscapePrinterPass(llvm::raw_ostream &OS) : OS(OS) {}
  llvm::PreservedAnalyses run(llvm::Module &M,
                              llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }
};

} // namespace escape

#endif // ESCAPE_ESCAPEANALYSIS_H
