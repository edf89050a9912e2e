//===- CalleeClones.h - Callees copied without a deallocation -------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Ownership transfer: `consume(new Widget)` where `consume(Widget *w) {
/// use(w); delete w; }` stays out of line. The callee's summary lists the
/// deallocations that free exactly its argument's object
/// (ParamSummary::ObjectFrees); a caller whose object otherwise does not
/// escape moves it to the stack and calls a copy of the callee in which
/// those deallocation calls are removed. The destructor still runs: only
/// `operator delete` / `free` goes. Neither Go (no frees) nor the
/// Attributor's heap-to-stack (which needs `nofree` callees) does this.
///
/// One copy per (callee, argument, deref level), shared by every call that
/// needs it, named `<callee>.escape.nofree`, internal. The copies are
/// bounded by a budget of instructions copied per module
/// (EscapeOptions::MaxCloneInstructions).
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_LIB_TRANSFORMS_CALLEECLONES_H
#define ESCAPE_LIB_TRANSFORMS_CALLEECLONES_H

#include "DemotionRules.h"

#include <map>
#include <tuple>

namespace llvm {
class Function;
} // namespace llvm

namespace escape {

class EscapeResult;

class CalleeClones {
public:
  /// \p MaxInstructions: instructions that may be copied in total; 0 makes
  /// no copy at all.
  CalleeClones(const EscapeResult &R, uint64_t MaxInstructions)
      : R(R), Budget(MaxInstructions) {}

  /// Whether \p CF's call can be pointed at a copy of its callee without the
  /// deallocations of that argument's object: the copy exists, or the
  /// callee's summary lists those deallocations (still in its body) and
  /// copying it fits the budget, which is then taken. Changes no IR.
  bool reserve(const CalleeFree &CF);

  /// The copy for \p CF, made on first use. reserve(CF) returned true.
  llvm::Function *get(const CalleeFree &CF);

  /// Copies made, and instructions copied (the code-size cost).
  unsigned numClones() const { return Made.size(); }
  uint64_t instructionsCopied() const { return Used; }

private:
  using Key = std::tuple<const llvm::Function *, unsigned, unsigned>;
  static Key keyOf(const CalleeFree &CF);

  const EscapeResult &R;
  uint64_t Budget;
  uint64_t Used = 0;
  std::map<Key, bool> Reserved; ///< the answer of reserve, per key
  std::map<Key, llvm::Function *> Made;
};

} // namespace escape

#endif
