//===- FunctionAnnotations.h - The user's per-function escape markers -----===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The two per-function markers a user writes in C++, and the IR function
/// attributes they become:
///
///  - `[[escape::keep_heap]]` (or
///  `__attribute__((annotate("escape::keep_heap")))`)
///    -> "escape-keep-heap": no allocation of the function is demoted;
///  - `[[escape::noheap]]` (or `__attribute__((annotate("escape::noheap")))`)
///    -> "escape-noheap": every allocation that stays on the heap in the
///    function, after inlining and demotion, is a compile error (the gate;
///    the clang plugin reports it).
///
/// Clang lists annotations in the @llvm.global.annotations array (function,
/// annotation string, file, line); other IR producers can set the
/// attributes directly.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_FUNCTIONANNOTATIONS_H
#define ESCAPE_FUNCTIONANNOTATIONS_H

namespace llvm {
class Module;
} // namespace llvm

namespace escape {

/// The annotation strings, as the C++ attributes spell them.
inline constexpr const char *KeepHeapAnnotation = "escape::keep_heap";
inline constexpr const char *NoHeapAnnotation = "escape::noheap";

/// The IR function attributes (string attributes without value).
inline constexpr const char *KeepHeapAttr = "escape-keep-heap";
inline constexpr const char *NoHeapAttr = "escape-noheap";

/// Gives every function annotated in @llvm.global.annotations with one of
/// the annotation strings above its IR attribute. Idempotent; entries of
/// any other shape are skipped.
void markAnnotatedFunctions(llvm::Module &M);

} // namespace escape

#endif // ESCAPE_FUNCTIONANNOTATIONS_H
