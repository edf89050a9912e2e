//===- SourceSites.h - Allocation sites and parameters in the AST ---------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The source side of the report (clang only): every allocation expression
/// in the user's code with its spelling (`new Widget`, `malloc(64)`,
/// `std::make_unique<Widget>`), declarations that may allocate through
/// library code (`std::vector<int> buffer`), and the functions with their
/// pointer parameters. The report matches these against the passes'
/// records by file, line and column.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_SOURCESITES_H
#define ESCAPE_SOURCESITES_H

#include "escape/SourceIndex.h"

#include "clang/Basic/SourceLocation.h"

#include <map>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class ParmVarDecl;
class QualType;
} // namespace clang

namespace escape {

/// A function with a body in user code, under each of its mangled names.
struct SourceFunction {
  const clang::FunctionDecl *Decl = nullptr;
  /// Source parameters in IR order: `this` first for instance methods
  /// (null decl), then the declared parameters.
  std::vector<const clang::ParmVarDecl *> Params;
  bool HasThis = false;
};

/// An expression that takes the address of a local variable: `&x`, an
/// array decaying to a pointer, a lambda capturing `x` by reference.
struct LocalAddress {
  clang::SourceLocation Loc;
  std::string File;
  unsigned Line = 0, Column = 0;
  std::string Name;
  bool LambdaCapture = false;
};

/// Collected from one translation unit.
struct SourceInventory {
  std::vector<SourceSite> Sites;
  std::vector<LocalAddress> LocalAddresses;
  std::map<std::string, SourceFunction> FunctionsByMangledName;
};

/// Walks the translation unit (template instantiations included). An
/// allocation that never runs is no site: one in an unevaluated or a
/// constant-evaluated operand, in a discarded `if constexpr` branch (in a
/// template, a branch no instantiation keeps) or in the compile-time branch
/// of `if consteval`.
SourceInventory collectSourceSites(clang::ASTContext &Ctx);

/// True if, by its source type, an object of type \p T holds no address:
/// arithmetic and enumeration types (but not `intptr_t` / `uintptr_t`), and
/// arrays, structs and unions made only of them (no pointers, references,
/// member pointers, virtual functions; complete types only). The analysis
/// tracks pointer-width integers as possible pointers, to stay sound; the
/// report uses this to speak of a parameter's content the way Go's typed
/// analysis would (an integer moved is not a leak).
bool holdsNoAddresses(clang::QualType T);

} // namespace escape

#endif
