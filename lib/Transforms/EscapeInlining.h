//===- EscapeInlining.h - Inline what keeps a local object on the heap ----===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Escape-driven inlining. The inliner weighs a call by its size; it cannot
/// know that a call left out of line keeps an object on the heap. Here a
/// direct call is inlined when the analysis says that
///  - its callee allocates memory the caller's object holds (a site of kind
///    Call, AllocatedInCallee) and that memory does not escape the caller:
///    `std::string::_M_mutate`, `vector::_M_realloc_insert`, `reserve`;
///  - or its callee may free an object of the caller that does not escape
///    (MayBeFreedInCallee): `vector::~vector`, `_M_dispose`.
/// After inlining, the allocation and its frees are in the caller, where a
/// slot or the frame arena (FrameArena.h) takes them.
///
/// Budget: a callee of at most MaxInlineCalleeInstructions instructions,
/// viable for inlining (llvm::isInlineViable), not `noinline`, not
/// interposable, not recursive, compatible with the caller as LLVM's
/// inliner requires (target features and other attributes:
/// llvm::getAttributeBasedInliningDecision); and at most EscapeOptions::
/// MaxInlineInstructions instructions copied per module in all.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_LIB_TRANSFORMS_ESCAPEINLINING_H
#define ESCAPE_LIB_TRANSFORMS_ESCAPEINLINING_H

#include "escape/EscapeAnalysis.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/IR/PassManager.h"

#include <cstdint>

namespace llvm {
class Function;
class Module;
} // namespace llvm

namespace escape {

/// Largest callee (instructions) that escape-driven inlining copies.
constexpr unsigned MaxInlineCalleeInstructions = 600;

/// Inlines the calls that keep a non-escaping object of their caller on the
/// heap (see the file comment), while \p Budget (instructions, decreased by
/// each callee's size) lasts. Returns the functions that received code;
/// the caller cleans them up and analyses the module again.
llvm::SmallSetVector<llvm::Function *, 8>
inlineForDemotion(llvm::Module &M, const EscapeResult &R, uint64_t &Budget,
                  llvm::FunctionAnalysisManager &FAM);

} // namespace escape

#endif
