//===- SourceNames.h - IR entities by the names the user wrote ------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Names for messages, from the IR alone (the clang report replaces
/// parameter names with the declarations' own): demangled globals and
/// functions, parameters by name or position.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_SOURCENAMES_H
#define ESCAPE_SOURCENAMES_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace llvm {
class Value;
} // namespace llvm

namespace escape {

/// The name a reason gives a value: a global's demangled name, a
/// parameter's name (or `#N`), else the IR name.
std::string sourceName(const llvm::Value *V);

/// A function's name as a reader knows it: demangled, without parameters,
/// the clone suffixes of LLVM's copies (`.specialized.1`, `.cold`) dropped.
std::string prettyFunctionName(llvm::StringRef Mangled);

} // namespace escape

#endif // ESCAPE_SOURCENAMES_H
