//===- KnownTypeCalls.h - Virtual calls on objects of known type ----------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A virtual call on an object this function allocated itself (a `new` or
/// a stack slot) whose vtable pointer it stored, and that nothing else can
/// overwrite, goes to the function in that vtable: the call is made direct
/// before the escape analysis runs, so the callee's summary applies instead
/// of "passed to an indirect call". GVN does this when nothing lies between
/// the store and the load; `std::make_shared` puts an atomic acquire load
/// of the reference counts and out-of-line calls in between, and makes the
/// last-use path a call of `_M_release_last_use_cold(this)`, which makes
/// the same virtual calls on its parameter. Such a small callee that makes
/// virtual calls on an object of known type is inlined first (escape-driven
/// inlining), so that those calls become direct too.
///
/// The proof that the vtable pointer is the stored constant wherever it is
/// loaded: every use of the object's address, in this function and in every
/// callee it reaches (direct calls with a body that is not replaced; the
/// targets found so), is a load, a comparison, a store or atomic update of
/// other bytes, a deallocation, or such a call; the address is never stored
/// anywhere, so nothing else can reach the object; and the only stores to
/// the vtable slot store that one constant. A load before the store reads
/// uninitialized memory, for which the constant is a valid value.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_LIB_TRANSFORMS_KNOWNTYPECALLS_H
#define ESCAPE_LIB_TRANSFORMS_KNOWNTYPECALLS_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace llvm {
class Function;
class Module;
class TargetLibraryInfo;
} // namespace llvm

namespace escape {

/// What resolveKnownTypeCalls changed in a module.
struct KnownTypeCallStats {
  unsigned CallsMadeDirect = 0;
  unsigned CallsInlined = 0;
  unsigned InstructionsInlined = 0; ///< the code-size cost of inlining
  bool changed() const { return CallsMadeDirect || CallsInlined; }
};

/// Callees of at most this many instructions that make virtual calls on an
/// object of known type are inlined; at most MaxInlinesPerFunction calls per
/// function. A `noinline` callee only if it has an ODR linkage (an inline
/// or template function from a header); never an `optnone` one.
inline constexpr unsigned MaxKnownTypeInlineInstructions = 64;
inline constexpr unsigned MaxInlinesPerFunction = 8;

/// Makes the virtual calls on objects of known type in \p M's defined
/// functions direct (inlining small callees that make them first).
KnownTypeCallStats resolveKnownTypeCalls(
    llvm::Module &M,
    llvm::function_ref<const llvm::TargetLibraryInfo &(llvm::Function &)>
        GetTLI);

} // namespace escape

#endif
