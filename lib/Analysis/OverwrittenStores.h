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

namespace llvm {
class StoreInst;
} // namespace llvm

namespace escape {

/// Whether every path from \p S to a `ret` of its function passes another
/// store of at least \p S's width to the same address, so that what \p S
/// stored is gone when the function returns normally.
///
/// "The same address" is the same base plus the same constant byte offset,
/// where a load from an entry-block stack slot that is stored exactly once
/// and otherwise only loaded (clang's spill of a parameter before mem2reg)
/// stands for the value stored. Paths that leave by unwinding (`resume`) or
/// never return (`unreachable`) are not followed: they reach no `ret`.
/// Conservative answer: false.
bool isOverwrittenBeforeReturn(const llvm::StoreInst &S);

} // namespace escape

#endif
