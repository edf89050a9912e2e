//===- SourceFiles.h - Source files as the AST and the debug info name them
//-===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The report meets two views of one position: the AST's (a SourceLocation,
/// whose presumed file name honours `#line` and may be `<stdin>`) and the
/// pass's (a DILocation: DIFile directory + file name, which clang derives
/// from the same presumed name). Both are turned into one canonical file
/// name, and the index answers, for a canonical name, whether it is user
/// code and where a (line, column) in it is, with no file-system lookup: a
/// file named by `#line`, stdin and `-save-temps` output have no file of
/// that name on disk.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_SOURCEFILES_H
#define ESCAPE_SOURCEFILES_H

#include "escape/SourceIndex.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace clang {
class SourceManager;
}

namespace escape {

/// Every file of one translation unit by canonical name: the files the
/// SourceManager read (named as at their first line), those a precompiled
/// header or a module read, and the names `#line` directives gave. Built
/// once per report.
class SourceFileIndex {
public:
  explicit SourceFileIndex(clang::SourceManager &SM);

  /// True if \p CanonicalName is a file of the translation unit outside
  /// system headers (and not a `#line` name inside a system header).
  /// Unknown names (a file the compiler never saw) are not user code.
  bool isUser(llvm::StringRef CanonicalName) const;

  /// The location of presumed (\p CanonicalName, \p Line, \p Column), or an
  /// invalid location when no file of the TU has that name and line. Line
  /// directives are followed: the result's presumed location has that file
  /// name and line. Column 0 is taken as 1.
  clang::SourceLocation locationOf(llvm::StringRef CanonicalName, unsigned Line,
                                   unsigned Column) const;

  /// The canonical names of the files outside system headers.
  std::vector<std::string> userFiles() const;

private:
  /// A file (or the part of one after a `#line`) with a name.
  struct Part {
    clang::FileID File;
    /// Offset of the first character the name applies to.
    unsigned Offset = 0;
    bool System = false;
  };
  clang::SourceManager &SM;
  llvm::StringMap<std::vector<Part>> Parts;
};

} // namespace escape

#endif // ESCAPE_SOURCEFILES_H
