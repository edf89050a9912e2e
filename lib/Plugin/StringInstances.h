//===- StringInstances.h - basic_string's members in the TU (internal) ----===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// libstdc++ declares `extern template class basic_string<char>` (and
/// `<wchar_t>`) up to C++17: the members that grow a string (`_M_create`,
/// `_M_mutate`, `_M_append`, `reserve`) are then calls into libstdc++.so,
/// whose allocations no pass of this translation unit can move. libstdc++
/// has a switch for this: `_GLIBCXX_EXTERN_TEMPLATE` set to -1 drops the
/// explicit instantiation declarations of basic_string only (what
/// `_GLIBCXX_ASSERTIONS` does, and what C++20 does without being asked),
/// so its members are instantiated here, as linkonce_odr copies of the same
/// source. c++config.h defines the switch as 1 unconditionally; this
/// callback makes that definition expand to -1 instead.
///
/// Measured against modelling those members (summaries for calls that stay
/// out of line): a model describes what the library does with its
/// arguments but cannot move an allocation made inside libstdc++.so;
/// instantiated, the allocation is in the translation unit and the
/// demotion takes it (docs/Design.md, "Library strings").
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_LIB_PLUGIN_STRINGINSTANCES_H
#define ESCAPE_LIB_PLUGIN_STRINGINSTANCES_H

#include "llvm/ADT/StringSet.h"

namespace clang {
class ASTContext;
class CompilerInstance;
class Preprocessor;
} // namespace clang

namespace escape {

/// Whether \p CI's translation unit may take the switch: C++, and neither
/// building nor using modules, nor building a precompiled header. The
/// rewritten definition of the switch names a macro that only the
/// predefines of a compile with the plugin define; a module or PCH built so
/// and read by a compile without the plugin would see it undefined (0 in
/// `#if`, extern templates off for every class, `-Wundef` warnings). A PCH
/// built without the plugin and used with it leaves the switch as it is.
bool mayInstantiateLibraryStrings(const clang::CompilerInstance &CI);

/// Makes libstdc++'s `_GLIBCXX_EXTERN_TEMPLATE` expand to -1 in the
/// translation unit \p PP is about to preprocess (call before it enters the
/// main file). Without libstdc++, or when the definition is not the one
/// expected (a single `1`), nothing changes.
void instantiateLibraryStrings(clang::Preprocessor &PP);

/// Whether the switch is what turned the extern templates off in \p PP's
/// translation unit: `_GLIBCXX_EXTERN_TEMPLATE` ends up defined as the
/// rewritten token. Not so when libstdc++ redefines it to -1 itself
/// (`_GLIBCXX_ASSERTIONS`: it wants its members instantiated here, with
/// their assertions) or the user defined it: then the members are the
/// translation unit's own and no library copies are made.
bool switchedLibraryStrings(clang::Preprocessor &PP);

/// The symbols libstdc++.so exports for what the switch brought into this
/// translation unit: the non-template members of
/// `std::__cxx11::basic_string<char>` and `<wchar_t>` (with their standard
/// traits and allocator) that are not inline, which the `extern template
/// class` declarations the switch dropped would have left to the library
/// (libstdc++'s string-inst.cc instantiates them explicitly). Constructors
/// and destructors give their complete and base symbols. Empty without
/// libstdc++'s C++11-ABI string. For ExternalLibraryCopiesPass
/// (escape/LibraryCopies.h).
llvm::StringSet<> exportedStringMembers(clang::ASTContext &Ctx);

} // namespace escape

#endif
