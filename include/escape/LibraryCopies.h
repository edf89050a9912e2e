//===- LibraryCopies.h - Library members the library exports -----------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// libstdc++'s out-of-line `basic_string` members, instantiated in the
/// translation unit for the escape pass (lib/Plugin/StringInstances.h), are
/// copies of functions libstdc++.so exports: without the plugin they are
/// calls. Left as linkonce_odr definitions, the pipeline's inliner would
/// inline them everywhere and the back end would emit the rest, which costs
/// compile time (about 7% of a small translation unit's instructions) and
/// code size for calls that never hold a local object.
///
/// ExternalLibraryCopiesPass, at the start of the pipeline, marks each such
/// copy `noinline` and `"escape-library-copy"`, so the pipeline treats it as
/// the call into the library it is without the plugin. The escape pass lifts
/// `noinline` (liftLibraryCopies) before its escape-driven inlining, which
/// inlines a copy only where that moves an allocation to the stack, and at
/// its end turns every copy back into the declaration of the library's
/// function (dropLibraryCopies): the back end emits none of them, as it
/// emits no `extern template` member. (available_externally would say the
/// same, but the pipeline drops those bodies before the escape pass runs.)
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_LIBRARYCOPIES_H
#define ESCAPE_LIBRARYCOPIES_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/PassManager.h"

namespace escape {

/// The attribute that marks a library copy (kept out of the pipeline's
/// inliner, turned into a declaration by the escape pass).
inline constexpr const char *LibraryCopyAttr = "escape-library-copy";

/// Marks the linkonce_odr / weak_odr definitions named in the set
/// `noinline` and `"escape-library-copy"` (see the file comment). The
/// names are the symbols the library exports (the clang half computes them
/// from the AST: the non-template, non-inline members of the explicitly
/// instantiated class template specialisations).
class ExternalLibraryCopiesPass
    : public llvm::PassInfoMixin<ExternalLibraryCopiesPass> {
public:
  explicit ExternalLibraryCopiesPass(llvm::StringSet<> Exported)
      : Exported(std::move(Exported)) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }

private:
  llvm::StringSet<> Exported;
};

/// Lets escape-driven inlining take the marked copies: drops their
/// `noinline`, and inlines the copies' calls of one another (`_M_mutate`
/// calls `_M_create`), as the pipeline's inliner did before the copies were
/// kept from it: a copy's summary is then as precise as its whole body.
/// Returns the copies that changed (to be cleaned up); \p Lifted tells
/// whether any `noinline` was dropped.
llvm::SmallVector<llvm::Function *, 8> liftLibraryCopies(llvm::Module &M,
                                                         bool &Lifted);

/// Turns the marked copies still defined into declarations of the library's
/// exported functions (erased when nothing calls them). Returns whether
/// anything changed.
bool dropLibraryCopies(llvm::Module &M);

} // namespace escape

#endif
