//===- KeepCause.h - Why a non-escaping allocation stays on the heap ------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The transform's reasons, as data, for leaving on the heap an object that
/// does not escape (after the Attributor's AAHeapToStack, whose
/// AllocationInfo keeps a Status rather than a message). Two producers: the
/// allocation classifier (AllocationSites.cpp: kinds of call the pass never
/// demotes) and the demotion rules (HeapToStack.cpp, FreeMatching.cpp).
/// Only the report turns a cause into words (describeKeep, Messages.h).
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_KEEPCAUSE_H
#define ESCAPE_KEEPCAUSE_H

#include "escape/EscapeCause.h"

#include <cstdint>
#include <string>

namespace escape {

/// Each kind lists the fields of KeepCause it uses.
enum class KeepCauseKind : uint8_t {
  None,                      ///< nothing keeps it (moved, or escapes)
  NotAnalysed,               ///< Skip: its function was not analysed
  OptimizationDisabled,      ///< the function is `optnone`
  DemotionDisabled,          ///< `no-demote`, `-escape-demote=0`, demote=0
  DisabledForFunction,       ///< the function has "escape-keep-heap"
  InvalidAlignment,          ///< aligned allocation, not a power of two
  NonConstantAlignment,      ///< aligned allocation, alignment unknown
  OperatorNewCalledDirectly, ///< `::operator new(n)`, not a new-expression
  AllocationFunction,        ///< Name: an allocator the pass does not demote
  AllocatedInCallee,         ///< Name: the callee that allocated it
  NonConstantSize,           ///< size unknown and no stack buffer allowed
  TooLarge,                  ///< Bytes: its size, over max-object-size
  MayBeFreedInCallee,        ///< Name: the callee that may free it
  MayBeFreedIndirectly,      ///< an indirect call may free it
  Reallocated,               ///< realloc may move it
  FreedWithOthers,           ///< a free that may release other objects too
  MismatchedFree,            ///< Name: a deallocator of another family
  LiveAcrossIterations,      ///< its previous iteration's object is live
  StackBudgetExhausted,      ///< the function's frame budget is used up
  CloneBudgetExhausted, ///< Name: freed in this callee, no copy left to make
};

/// Why an object that does not escape was not demoted.
struct KeepCause {
  KeepCauseKind Kind = KeepCauseKind::None;
  SkipReason Skip = SkipReason::None; ///< NotAnalysed
  uint64_t Bytes = 0;                 ///< TooLarge: the object's size
  std::string Name; ///< the function named (demangled, no parameters)

  KeepCause() = default;
  KeepCause(KeepCauseKind K) : Kind(K) {}
  static KeepCause notAnalysed(SkipReason R) {
    KeepCause C(KeepCauseKind::NotAnalysed);
    C.Skip = R;
    return C;
  }
  static KeepCause tooLarge(uint64_t Bytes) {
    KeepCause C(KeepCauseKind::TooLarge);
    C.Bytes = Bytes;
    return C;
  }
  static KeepCause named(KeepCauseKind K, std::string Name) {
    KeepCause C(K);
    C.Name = std::move(Name);
    return C;
  }
  explicit operator bool() const { return Kind != KeepCauseKind::None; }
};

} // namespace escape

#endif // ESCAPE_KEEPCAUSE_H
