//===- SourceIndex.h - What the report knows of a translation unit's source
//===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The source side of the report as plain data, without clang: the
/// allocation sites the user wrote with their spellings, the user's files,
/// the parameter names of the user's functions and the functions the front
/// end emitted. The clang plugin fills it from the AST (SourceSites.h); a
/// compile step under -flto carries it to the link in the module
/// (LinkTimeReport.h), where the report is made without an AST.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_SOURCEINDEX_H
#define ESCAPE_SOURCEINDEX_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace escape {

/// A clang::SourceLocation's raw encoding while the AST is alive (compile
/// time); 0 (no location) at link time, where diagnostics print the
/// position as text.
using SourceLocID = uint64_t;

/// The canonical form of a file name as the compiler saw it: made absolute
/// against the working directory (as clang's debug info does with a
/// relative presumed name), dots removed, symbolic links resolved when the
/// file exists. `<stdin>` and names from `#line` stay as absolute, clean
/// paths. Cached; never fails.
std::string canonicalFile(llvm::StringRef Name);

std::string canonicalFile(llvm::StringRef Name);

/// An allocation expression or allocating declaration in user code.
struct SourceSite {
  SourceLocID Loc = 0;
  std::string File; ///< canonicalFile() of the presumed name
  unsigned Line = 0, Column = 0;
  std::string Spelling;
  /// True for expressions that always allocate when they run (new,
  /// malloc, make_unique): they get a line even if the optimizer deleted
  /// them. Declarations (`std::vector<int> v(16)`) only name what the
  /// passes found at their position.
  bool Definite = true;
  /// A library call that allocates (std::make_unique, ...): the only kind
  /// of site a call of an allocating function (AllocKind::Call) may name.
  bool LibraryCall = false;
  /// Position of the enclosing function's declaration (to tell whether it
  /// was emitted at all).
  std::string FunctionFile;
  unsigned FunctionLine = 0;
};

/// A position in the user's source: the location diagnostics are given at
/// (0 at link time), and its presumed file (canonicalFile), line and
/// column (1-based).
struct SourcePlace {
  SourceLocID Loc = 0;
  std::string File;
  unsigned Line = 0, Column = 0;
};

/// A file and line.
using SourceLine = std::pair<std::string, unsigned>;

/// What the site report needs of one or more translation units' source.
struct SourceIndex {
  std::vector<SourceSite> Sites;
  /// The files outside system headers (canonical names).
  llvm::StringSet<> UserFiles;
  /// The source names of each user function's parameters in IR order,
  /// `this` first for instance methods, by mangled name; an unnamed
  /// parameter is "".
  std::map<std::string, std::vector<std::string>> ParamNames;
  /// Where each user function is declared, by mangled name.
  std::map<std::string, SourcePlace> FunctionPlaces;
  /// The functions the front end emitted (their declarations' file and
  /// line), and the lines that held an allocation before optimisation:
  /// a definite site with no verdict is "eliminated" only where its code
  /// was emitted.
  std::set<SourceLine> EmittedFunctions, EarlyPositions;
  /// The `[[escape::noheap]]` functions, by mangled name.
  std::set<std::string> NoHeapFunctions;
  /// In a ThinLTO backend, the sites and user files of the modules whose
  /// functions were imported: an inlined copy of one of their sites is
  /// reported at the call in this module, under the site's spelling.
  std::vector<SourceSite> ImportedSites;
  llvm::StringSet<> ImportedFiles;

  bool isUser(llvm::StringRef CanonicalFile) const {
    return UserFiles.contains(CanonicalFile);
  }
  /// The name of source parameter \p Index of \p IRFunction, which has
  /// \p NumSourceParams of them; "" when unknown (hidden arguments, a
  /// function not in user code).
  std::string paramName(llvm::StringRef IRFunction, unsigned Index,
                        unsigned NumSourceParams) const;
  /// Adds \p Other (another translation unit): sites at the same place
  /// with the same spelling are one.
  void merge(const SourceIndex &Other);
};

} // namespace escape

#endif // ESCAPE_SOURCEINDEX_H
