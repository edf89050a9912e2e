//===- HeapToStack.h - Demote non-escaping allocations --------------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The `escape` module pass: runs EscapeAnalysis, moves every allocation
/// site that does not escape and passes the safety rules to an entry-block
/// alloca, removes its matching deallocations, and reports every verdict as
/// an optimization remark (pass name `escape`) and to the ReportSink.
///
/// Safety rules (a site stays on the heap unless all hold):
///  - a new-expression (`builtin`) or malloc/calloc/aligned_alloc;
///  - the object does not escape; or it escapes but the function frees it
///    on every path before returning, with no call in between that may
///    unwind or longjmp out (FreedBeforeReturn.cpp): it is dead before its
///    frame is, wherever its address went;
///  - every free of it is of its family and frees nothing else, no realloc;
///  - constant size <= EscapeOptions::MaxObjectSize, and the function's
///    total stays within MaxFrameSize (MaxRecursiveFrameSize if recursive);
///  - in a loop (or irreducible cycle), the object of the previous iteration
///    is dead when the allocation runs again: no pointer to it is kept in
///    memory or carried by a loop-header phi (LoopSlots.cpp), or it was
///    freed before the allocation could run again.
/// The alloca gets the allocator's alignment, calloc'd memory is zeroed,
/// lifetime.start/end mark the object's life, and `tail` is cleared on every
/// call (but `musttail`) of a function that received a demoted object.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_HEAPTOSTACK_H
#define ESCAPE_HEAPTOSTACK_H

#include "escape/EscapeAnalysis.h"
#include "escape/KeepCause.h"

#include "llvm/IR/PassManager.h"

namespace escape {
struct ReportSink;

/// The transform's settings. Each has a cl::opt (`-escape-...`), a pass
/// parameter (`escape<max-object-size=N>`) and a clang plugin argument
/// (`-fplugin-arg-escape-...`).
struct EscapeOptions {
  /// Largest object moved to the stack, in bytes.
  uint64_t MaxObjectSize = 4096;
  /// Total bytes a function may receive through demotion.
  uint64_t MaxFrameSize = 16384;
  /// The same total for functions in a recursive call-graph cycle.
  uint64_t MaxRecursiveFrameSize = 1024;
  /// Stack buffer (bytes) for a variable-size new / new[] / malloc, used
  /// when the size at run time fits; 0 keeps them on the heap.
  uint64_t MaxVariableSize = 256;
  /// Bytes of a function's frame arena (FrameArena.h), taken from what the
  /// frame budget leaves (MaxFrameSize, MaxRecursiveFrameSize if
  /// recursive); 0 disables arenas.
  uint64_t MaxArenaSize = 2048;
  /// Instructions that may be copied per module into callees without a
  /// deallocation, for objects a callee frees (ownership transfer); 0 keeps
  /// such objects on the heap.
  uint64_t MaxCloneInstructions = 2000;
  /// Instructions that may be inlined per module to bring a local object's
  /// allocation or free into its function (EscapeInlining.h); 0 disables.
  uint64_t MaxInlineInstructions = 4000;
  /// Demote at all (false: analyse and report only).
  bool Demote = true;
};

/// The defaults in force: the `-escape-...` cl::opt values (their own
/// defaults unless given). The clang plugin's arguments and `escape<...>`
/// pass parameters start from these; nothing writes them.
EscapeOptions escapeOptions();

/// The transform's decision on one allocation site (after the Attributor's
/// AAHeapToStack AllocationInfo status): what became of it and, when it
/// stayed on the heap although it does not escape, why. The analysis result
/// is never written.
struct SiteDecision {
  Outcome Result = Outcome::Escapes;
  /// KeptOnHeap: why the object stayed on the heap (never None then).
  KeepCause Keep;
  /// Moved or MovedFreed with a size known only at run time: the stack
  /// buffer in bytes, used when the size fits (larger sizes stay on the
  /// heap). 0 for a constant-size site.
  uint64_t StackBufferBytes = 0;
  /// Moved into the function's frame arena, whose size StackBufferBytes
  /// gives: arena memory while it lasts, the heap after (FrameArena.h).
  bool FrameArena = false;
};

/// `-passes=escape` or `escape<PARAMS>`, PARAMS separated by `;`:
/// `max-object-size=BYTES`, `max-frame-size=BYTES`,
/// `max-recursive-frame-size=BYTES`, `max-variable-size=BYTES`,
/// `max-arena-size=BYTES`, `max-clone-instructions=N`,
/// `max-inline-instructions=N`, `demote`,
/// `no-demote` (as `sroa<modify-cfg>` takes its options). Unset ones come
/// from the `-escape-...` options.
/// \p Sink, when given, receives every site's record (the clang report).
class EscapePass : public llvm::PassInfoMixin<EscapePass> {
  EscapeOptions Opts;
  ReportSink *Sink;

public:
  explicit EscapePass(EscapeOptions Opts = escapeOptions(),
                      ReportSink *Sink = nullptr)
      : Opts(Opts), Sink(Sink) {}
  llvm::PreservedAnalyses run(llvm::Module &M,
                              llvm::ModuleAnalysisManager &MAM);
  /// Prints `escape`, with the parameters that differ from the defaults,
  /// so -print-pipeline-passes output parses again to the same pass.
  void printPipeline(llvm::raw_ostream &OS,
                     llvm::function_ref<llvm::StringRef(llvm::StringRef)>);
};

/// Parses the parameters of `escape<...>` (the text between the angle
/// brackets) over the defaults \p Base. An unknown parameter or a size that
/// is not a number is an error naming it.
llvm::Expected<EscapeOptions> parseEscapePassParams(llvm::StringRef Params,
                                                    EscapeOptions Base);

} // namespace escape

#endif
