//===- CallTargets.h - The functions an indirect call may reach -----------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The indirect calls whose complete set of possible callees is known, so
/// that the escape analysis applies the union of their summaries instead of
/// treating every argument as passed to an unknown function.
///
/// The set comes from LLVM's `!callees` metadata, which
/// CalledValuePropagationPass attaches in the -O1/-O2/-O3 module
/// simplification pipelines (before the escape pass runs) to an indirect
/// call whose called value can only be one of a few functions: through
/// selects and phis (`int (*f)(int *) = b ? twice : thrice; f(p);`), through
/// the parameters of internal functions whose every caller is known, and
/// through internal globals. The LangRef makes it a promise: calling a
/// function not in the list is undefined behaviour. A call without the
/// metadata, or whose listed callee has another function type, stays
/// unresolved: today's conservative answer. Under `opt`, run
/// `called-value-propagation` before `escape` to get the same.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_CALLTARGETS_H
#define ESCAPE_CALLTARGETS_H

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"

namespace llvm {
class CallBase;
class CallGraph;
class Function;
class Module;
} // namespace llvm

namespace escape {

class CallTargets {
public:
  /// Collects the resolved indirect calls of \p M's defined functions.
  explicit CallTargets(const llvm::Module &M);

  /// The possible callees of the indirect call \p CB, each with \p CB's
  /// function type, in the metadata's order; null when not all are known.
  const llvm::SmallVectorImpl<const llvm::Function *> *
  lookup(const llvm::CallBase &CB) const;

  /// Adds an edge from each resolved call to each of its targets to \p CG
  /// (LLVM's CallGraph sends indirect calls to its external node only), so
  /// that scc_iterator visits the targets before their callers, and a
  /// target that calls back into its caller joins its recursive component.
  void addCallEdges(llvm::CallGraph &CG) const;

  /// Number of indirect calls resolved.
  unsigned size() const { return Targets.size(); }

private:
  /// In module order, so that the call graph, and with it the order of
  /// the analysis and of its output, does not depend on addresses.
  llvm::MapVector<const llvm::CallBase *,
                  llvm::SmallVector<const llvm::Function *, 4>>
      Targets;
};

} // namespace escape

#endif // ESCAPE_CALLTARGETS_H
