//===- PointerUses.h - Uses of a pointer at constant offsets --------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The walk that field-sensitive summaries (Solver.cpp, ContentFields) and
/// known-type calls (KnownTypeCalls.cpp) share: every use of a pointer and
/// of the pointers derived from it by constant offsets, each with its byte
/// offset into the object.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_POINTERUSES_H
#define ESCAPE_POINTERUSES_H

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>

namespace llvm {
class AllocaInst;
class DataLayout;
class Use;
class Value;
} // namespace llvm

namespace escape {

/// The one value ever stored into \p Slot, when \p Slot is an entry-block
/// alloca stored once (in the entry block) and otherwise only loaded from
/// whole, so that every load after the store reads that value: clang's
/// spill of a parameter or a local pointer before mem2reg.
const llvm::Value *spilledValue(const llvm::AllocaInst &Slot);

/// Calls \p Visit for every use of \p Base and of the pointers derived from
/// it through GEPs with constant indices, no-op casts, phis and selects
/// (which may also be other pointers: a check of the object's field then
/// holds for them too, or is not about the object) and spill slots
/// (spilledValue: the slot's loads are the value; all walked, not visited),
/// with the byte offset of the used pointer from the start
/// of the object (\p BaseOffset for \p Base itself). Stops and returns
/// false when \p Visit does, at a GEP with a variable index or an offset
/// beyond 32 bits, or at a derived pointer met again at another offset (a
/// pointer advanced in a loop): the field is not known. True when every use
/// was visited.
bool forEachUseAtOffset(
    const llvm::Value *Base, int64_t BaseOffset, const llvm::DataLayout &DL,
    llvm::function_ref<bool(const llvm::Use &, int64_t Offset)> Visit);

} // namespace escape

#endif // ESCAPE_POINTERUSES_H
