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
/// lifetime.start/end mark the object's life, and `tail` is cleared on calls
/// of functions that received a demoted object.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_HEAPTOSTACK_H
#define ESCAPE_HEAPTOSTACK_H

#include "escape/EscapeAnalysis.h"

#include "llvm/IR/PassManager.h"

namespace escape {

/// The transform's decision on one allocation site (after the Attributor's
/// AAHeapToStack AllocationInfo status): what became of it and, when it
/// stayed on the heap although it does not escape, why. The analysis result
/// is never written.
struct SiteDecision {
  Outcome Result = Outcome::Escapes;
  /// Why a non-escaping object stayed on the heap; for a variable-size
  /// site moved behind a size check, the size limit.
  std::string KeptReason;
};

/// `-passes=escape`.
class EscapePass : public llvm::PassInfoMixin<EscapePass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  /// Prints `escape`, so -print-pipeline-passes output parses again.
  void printPipeline(llvm::raw_ostream &OS,
                     llvm::function_ref<llvm::StringRef(llvm::StringRef)>) {
    OS << "escape";
  }
};

} // namespace escape

#endif
