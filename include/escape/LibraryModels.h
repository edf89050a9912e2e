//===- LibraryModels.h - What library functions do with their arguments ---===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Models of library functions whose bodies the analysis never sees and
/// whose declarations say too little: the variadic arguments of the printf
/// family (no attribute can be put on them) and libstdc++'s `__throw_*`
/// helpers (declared without attributes). A model says, per argument, that
/// the callee keeps no pointer to it and frees nothing, and where the
/// characters it reads go (ArgUse). The
/// entries live in one table in LibraryModels.cpp, each with the source that
/// specifies the behaviour; test/Analysis/library-models.ll has a test per
/// entry, and one where the argument does escape.
///
/// Only what a constant format string proves is modelled: an argument that a
/// `%s` consumes is read, one a `%n` consumes is written (an int), and every
/// other argument (`%p`, an integer that may hold an address, an argument no
/// conversion consumes, any argument of a format that is not a constant or
/// uses `%N$` positions) is left to the declaration's attributes, that is,
/// it escapes.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_LIBRARYMODELS_H
#define ESCAPE_LIBRARYMODELS_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace llvm {
class CallBase;
class TargetLibraryInfo;
} // namespace llvm

namespace escape {

/// What a modelled callee does with one pointer argument. In every case it
/// keeps no pointer to it after the call and frees nothing.
enum class ArgUse : unsigned char {
  /// Not modelled: the declaration's attributes decide.
  Unmodelled,
  /// Reads the characters it points to and writes them to a stream or a
  /// file descriptor as text (`%s` of printf, fprintf, dprintf): nothing of
  /// it flows anywhere in memory.
  ReadsToStream,
  /// Reads the characters it points to and copies them into the output
  /// buffer (ArgUses::Output; `%s` of sprintf, snprintf): *output holds
  /// what *arg held, as after memcpy.
  ReadsIntoOutput,
  /// Reads the characters into a new exception's message (libstdc++'s
  /// `__throw_*`): what it points to escapes, the argument itself does not.
  ReadsIntoException,
  /// Writes an integer into what it points to (`%n`).
  WritesCount,
};

/// The model of one call: a use per call argument.
struct ArgUses {
  llvm::SmallVector<ArgUse, 8> Uses;
  /// The argument ReadsIntoOutput copies into; -1 when there is none.
  int Output = -1;
};

/// The conversions a printf-like format applies to its arguments, in order
/// (C17 7.21.6.1).
enum class FormatConversion : unsigned char {
  /// `%s`, `%ls`: the argument points to a string that is read.
  String,
  /// `%n` and its length variants: the argument points to an integer that
  /// is written.
  Count,
  /// `%p`: the argument's address becomes text.
  Address,
  /// A number or a character (`%d`, `%zu`, `%f`, `%c`, ...), or a `*`
  /// width or precision: the argument's value becomes text.
  Value,
};

/// Parses a printf-like format: the conversion each argument after the
/// format gets, in argument order. None when the format uses `%N$`
/// positions or a conversion this parser does not know (the caller then
/// models nothing).
std::optional<llvm::SmallVector<FormatConversion, 8>>
parsePrintfFormat(llvm::StringRef Format);

/// The model of \p CB's callee: one ArgUse per call argument, or none when
/// the callee is not in the table (or the table cannot tell anything about
/// this call, e.g. its format is not a constant).
std::optional<ArgUses>
modelledArgUses(const llvm::CallBase &CB, const llvm::TargetLibraryInfo &TLI);

} // namespace escape

#endif
