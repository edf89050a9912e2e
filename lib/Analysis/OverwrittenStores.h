//===- OverwrittenStores.h - Stores undone before the function returns ---===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The publish-and-restore idiom: a function stores the address of its
/// local into its caller's memory or a global for the duration of a call,
/// then puts the old value back:
///
///     int *old = L->errorJmp; L->errorJmp = &lj; body(L); L->errorJmp = old;
///
/// The escape walk is flow-insensitive: it sees `&lj` stored through a
/// parameter. Whether the address is still there once the frame is gone
/// depends on statement order, which only the dangling-address warnings ask
/// about (a heap object published this way still escapes while the call
/// runs, and is never demoted on this ground).
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_LIB_ANALYSIS_OVERWRITTENSTORES_H
#define ESCAPE_LIB_ANALYSIS_OVERWRITTENSTORES_H

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>
#include <optional>

namespace llvm {
class CallBase;
class DataLayout;
class Function;
class Instruction;
class StoreInst;
class Value;
} // namespace llvm

namespace escape {

/// An address as a base and a constant byte offset, with a width in bytes:
/// what a store writes.
struct WrittenPlace {
  const llvm::Value *Base;
  llvm::APInt Offset;
  uint64_t Size;
};

/// \p P as a base plus a constant byte offset (added to \p Off), where a
/// load from an entry-block stack slot that is stored exactly once and
/// otherwise only loaded (clang's spill of a parameter before mem2reg)
/// stands for the value stored.
const llvm::Value *canonicalAddress(const llvm::Value *P,
                                    const llvm::DataLayout &DL,
                                    llvm::APInt &Off);

/// The place \p S writes; none for a scalable type.
std::optional<WrittenPlace> placeOf(const llvm::StoreInst &S);

/// Whether a call writes over \p Place on every path through its callee
/// (a summary's ParamSummary::MustWrite), as the caller's lookup decides.
using CallOverwrites =
    llvm::function_ref<bool(const llvm::CallBase &, const WrittenPlace &)>;

/// Whether every path from just after \p From (the function's entry when
/// null) to a `ret` of \p F passes a store of at least Place's width to
/// the same base and offset, or a call that \p Calls says overwrites it, so
/// that what was there is gone when the function returns normally. Paths
/// that leave by unwinding (`resume`) or never return (`unreachable`) are
/// not followed: they reach no `ret`. Conservative answer: false.
bool isOverwrittenOnEveryPath(const llvm::Function &F,
                              const llvm::Instruction *From,
                              const WrittenPlace &Place, CallOverwrites Calls);

/// Whether what \p S stored is overwritten on every path to a `ret`.
bool isOverwrittenBeforeReturn(const llvm::StoreInst &S, CallOverwrites Calls);

} // namespace escape

#endif
