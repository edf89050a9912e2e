//===- Messages.h - The words of the report -------------------------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The message catalogue (docs/Messages.md): the only place where typed
/// causes, decisions and summaries become text. The analysis and the
/// transform decide on kinds; remarks, `print<escape>`, the clang report
/// and the JSON report call these when they print. Go formats its
/// explanations the same way, only in explain (cmd/compile/internal/escape
/// solve.go), never deciding on them.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_MESSAGES_H
#define ESCAPE_MESSAGES_H

#include "escape/EscapeCause.h"
#include "escape/KeepCause.h"
#include "escape/Summary.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace escape {

enum class Outcome;

/// A skip reason: "no body", "function too large to analyse"; "" for None.
const char *describeSkip(SkipReason R);

/// The short reason of Go's -m lines: "returned", "stored to global 'g'",
/// "stored through parameter 'p'", "passed to unknown function 'f'", ...
/// \p ParamName names the parameter of StoredThroughParam (its source name,
/// or "" when unknown); by default, and when it gives "", the IR name or
/// `#N` (the IR argument number).
std::string describeCause(
    const CauseRecord &C,
    llvm::function_ref<std::string(const CauseRecord &)> ParamName = nullptr);

/// The same, for a cause still in the IR.
std::string describeCause(const EscapeCause &C);

/// Why a non-escaping object stayed on the heap: "non-constant size",
/// "too large for stack (8192 bytes)", "may be freed inside 'f'", ...
/// "" for KeepCauseKind::None.
std::string describeKeep(const KeepCause &C);

/// The condition of a variable-size site's move: "when at most N bytes;
/// larger sizes stay on the heap" (N = \p Bytes, the stack buffer).
std::string describeStackBuffer(uint64_t Bytes);

/// The condition of a move into a frame arena: "frame arena of N bytes;
/// the heap when it is full" (N = \p Bytes).
std::string describeFrameArena(uint64_t Bytes);

/// A site's verdict at level 1, without its spelling: "escapes to heap:
/// REASON", "does not escape; moved to stack", "does not escape; kept on
/// heap: KEEP", "freed on every path before return; moved to stack
/// (address REASON)". \p Reason: describeCause of the escape (Escapes,
/// MovedFreed); \p Keep: why it stayed (KeptOnHeap); \p StackBufferBytes:
/// non-zero for a variable-size site moved behind a size check, or the
/// size of the frame arena when \p FrameArena: "does not escape; moved to
/// stack (frame arena of N bytes; the heap when it is full)".
std::string describeOutcome(Outcome O, llvm::StringRef Reason,
                            const KeepCause &Keep,
                            uint64_t StackBufferBytes = 0,
                            bool FrameArena = false);

/// A parameter verdict, as Go prints it: "leaking param: p",
/// "leaking param: p to result", "leaking param content: p",
/// "p does not escape"; and where Go has no words, what flows into another
/// argument's object: "leaking param: p to *q" (`*q = p`), "leaking param
/// content: p to *q" (`*q = *p`). \p Name is the parameter's name;
/// \p ArgName names another argument by its IR number (default `#N`).
std::string
describeParam(const ParamSummary &S, llvm::StringRef Name,
              llvm::function_ref<std::string(unsigned)> ArgName = nullptr);

/// Why a `[[escape::noheap]]` function cannot be checked in this compile.
enum class NoHeapUnchecked {
  NotOptimizing, ///< -O0: nothing is moved
  NoPasses,      ///< -disable-llvm-passes, the first step of -save-temps
};

/// The noheap gate's error for one allocation left on the heap in
/// \p Function: "heap allocation in noheap function 'f': WHAT VERDICT",
/// with " (inlined from 'g')" when \p Callee (the user function the
/// allocation was inlined from) is not empty. \p Verdict: describeOutcome.
std::string describeNoHeapAllocation(llvm::StringRef Function,
                                     llvm::StringRef Callee,
                                     llvm::StringRef What,
                                     llvm::StringRef Verdict);

/// The noheap gate's error for a function it cannot check:
/// "noheap function 'f' cannot be checked ...".
std::string describeNoHeapUnchecked(llvm::StringRef Function,
                                    NoHeapUnchecked Why);

} // namespace escape

#endif // ESCAPE_MESSAGES_H
