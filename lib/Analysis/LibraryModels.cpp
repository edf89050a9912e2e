//===- LibraryModels.cpp - What library functions do with their arguments -===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The table of library models (LibraryModels.h). A wrong entry is a
// miscompile, so each one names the text that specifies the behaviour.
//
//===----------------------------------------------------------------------===//

#include "escape/LibraryModels.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

namespace escape {

namespace {

/// How a modelled function treats its arguments.
enum class ModelKind : unsigned char {
  /// printf-like: the format at FormatArg decides what happens to each
  /// argument after it; the fixed arguments keep their attributes.
  PrintfFormat,
  /// sprintf-like: as PrintfFormat, the text goes into argument 0.
  SprintfFormat,
  /// libstdc++'s `__snprintf_lite` formats (`%s`, `%zu`, `%%` only).
  LiteFormat,
  /// The message argument (0) is read into the exception's own string.
  ReadsMessage,
};

struct LibraryModel {
  StringRef Symbol;
  ModelKind Kind;
  /// The format argument (PrintfFormat, LiteFormat).
  unsigned FormatArg;
  /// Where the behaviour is specified.
  StringRef Source;
  /// A C function as TargetLibraryInfo knows it (it checks the prototype and
  /// honours -fno-builtin); NumLibFuncs for the others.
  LibFunc Known = NumLibFuncs;
};

constexpr StringRef FunctExcept = "libstdc++ functexcept.cc";

// The C library's formatted output (C17 7.21.6.1 fprintf, which the others
// refer to; POSIX.1-2017 dprintf; the LSB's __*printf_chk, "the same as
// *printf with overflow checking"): `%s` "the argument shall be a pointer to
// the initial element of an array of character type ... characters from the
// array are written" (to the stream; sprintf and snprintf write them into
// the array s instead, C17 7.21.6.5-6), `%n` "the argument shall be a
// pointer to signed integer into which is written the number of characters
// written", `%p` converts the pointer's value to characters. No conversion
// keeps the pointer after the call or frees it. Characters written to a
// stream as text are not followed: a pointer's value that becomes text is
// `%p` (or a number), which stays an escape.
//
// libstdc++'s `__throw_*(const char*)` (libstdc++-v3/src/c++11/functexcept.cc)
// construct the exception from `_(__s)`: logic_error(const char*) and
// runtime_error(const char*) copy the characters into their own string
// (src/c++11/cow-stdexcept.cc). `__throw_out_of_range_fmt(fmt, ...)` formats
// with __snprintf_lite (src/c++11/snprintf_lite.cc, which knows `%s`, `%zu`
// and `%%`) into an alloca'd buffer, then throws out_of_range from it.
const LibraryModel Table[] = {
    {"printf", ModelKind::PrintfFormat, 0, "C17 7.21.6.3", LibFunc_printf},
    {"fprintf", ModelKind::PrintfFormat, 1, "C17 7.21.6.1", LibFunc_fprintf},
    {"sprintf", ModelKind::SprintfFormat, 1, "C17 7.21.6.6", LibFunc_sprintf},
    {"snprintf", ModelKind::SprintfFormat, 2, "C17 7.21.6.5", LibFunc_snprintf},
    {"dprintf", ModelKind::PrintfFormat, 1, "POSIX.1-2017 dprintf"},
    {"__printf_chk", ModelKind::PrintfFormat, 1, "LSB 5.0 __printf_chk"},
    {"__fprintf_chk", ModelKind::PrintfFormat, 2, "LSB 5.0 __fprintf_chk"},
    {"__sprintf_chk", ModelKind::SprintfFormat, 3, "LSB 5.0 __sprintf_chk",
     LibFunc_sprintf_chk},
    {"__snprintf_chk", ModelKind::SprintfFormat, 4, "LSB 5.0 __snprintf_chk",
     LibFunc_snprintf_chk},
    {"__dprintf_chk", ModelKind::PrintfFormat, 2, "glibc debug/dprintf_chk.c"},
    {"_ZSt24__throw_out_of_range_fmtPKcz", ModelKind::LiteFormat, 0,
     "libstdc++ functexcept.cc, snprintf_lite.cc"},
    {"_ZSt19__throw_logic_errorPKc", ModelKind::ReadsMessage, 0, FunctExcept},
    {"_ZSt20__throw_domain_errorPKc", ModelKind::ReadsMessage, 0, FunctExcept},
    {"_ZSt24__throw_invalid_argumentPKc", ModelKind::ReadsMessage, 0,
     FunctExcept},
    {"_ZSt20__throw_length_errorPKc", ModelKind::ReadsMessage, 0, FunctExcept},
    {"_ZSt20__throw_out_of_rangePKc", ModelKind::ReadsMessage, 0, FunctExcept},
    {"_ZSt21__throw_runtime_errorPKc", ModelKind::ReadsMessage, 0, FunctExcept},
    {"_ZSt19__throw_range_errorPKc", ModelKind::ReadsMessage, 0, FunctExcept},
    {"_ZSt22__throw_overflow_errorPKc", ModelKind::ReadsMessage, 0,
     FunctExcept},
    {"_ZSt23__throw_underflow_errorPKc", ModelKind::ReadsMessage, 0,
     FunctExcept},
};

const LibraryModel *lookup(StringRef Name) {
  for (const LibraryModel &M : Table)
    if (M.Symbol == Name)
      return &M;
  return nullptr;
}

/// `__snprintf_lite` knows `%s`, `%zu` and `%%`; anything else is not
/// modelled.
std::optional<SmallVector<FormatConversion, 8>> parseLiteFormat(StringRef F) {
  SmallVector<FormatConversion, 8> Out;
  for (size_t I = 0; I < F.size(); ++I) {
    if (F[I] != '%')
      continue;
    StringRef Rest = F.drop_front(I + 1);
    if (Rest.starts_with("%")) {
      ++I;
    } else if (Rest.starts_with("s")) {
      Out.push_back(FormatConversion::String);
      ++I;
    } else if (Rest.starts_with("zu")) {
      Out.push_back(FormatConversion::Value);
      I += 2;
    } else {
      return std::nullopt;
    }
  }
  return Out;
}

} // namespace

std::optional<SmallVector<FormatConversion, 8>>
parsePrintfFormat(StringRef F) {
  SmallVector<FormatConversion, 8> Out;
  size_t I = 0;
  auto Digits = [&] {
    size_t Start = I;
    while (I < F.size() && isDigit(F[I]))
      ++I;
    return I != Start;
  };
  while (I < F.size()) {
    if (F[I++] != '%')
      continue;
    if (I < F.size() && F[I] == '%') {
      ++I;
      continue;
    }
    // %N$: arguments by position; not modelled.
    size_t Save = I;
    if (Digits() && I < F.size() && F[I] == '$')
      return std::nullopt;
    I = Save;
    // Flags.
    while (I < F.size() && StringRef("-+ #0'I").contains(F[I]))
      ++I;
    // Width.
    if (I < F.size() && F[I] == '*') {
      Out.push_back(FormatConversion::Value);
      ++I;
    } else {
      Digits();
    }
    // Precision.
    if (I < F.size() && F[I] == '.') {
      ++I;
      if (I < F.size() && F[I] == '*') {
        Out.push_back(FormatConversion::Value);
        ++I;
      } else {
        Digits();
      }
    }
    // Length modifier.
    while (I < F.size() && StringRef("hljztLq").contains(F[I]))
      ++I;
    if (I >= F.size())
      return std::nullopt;
    char C = F[I++];
    switch (C) {
    case 's':
    case 'S':
      Out.push_back(FormatConversion::String);
      break;
    case 'n':
      Out.push_back(FormatConversion::Count);
      break;
    case 'p':
      Out.push_back(FormatConversion::Address);
      break;
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    case 'a': case 'A': case 'c': case 'C':
      Out.push_back(FormatConversion::Value);
      break;
    case 'm': // glibc: strerror(errno), no argument
      break;
    default:
      LLVM_DEBUG(dbgs() << "escape: format conversion '%" << C
                        << "' not modelled in \"" << F << "\"\n");
      return std::nullopt;
    }
  }
  return Out;
}

std::optional<ArgUses> modelledArgUses(const CallBase &CB,
                                       const TargetLibraryInfo &TLI) {
  const Function *Callee = CB.getCalledFunction();
  if (!Callee || !Callee->isDeclaration())
    return std::nullopt;
  const LibraryModel *M = lookup(Callee->getName());
  if (!M)
    return std::nullopt;
  // The C functions: only as TargetLibraryInfo knows them (their prototype
  // checked; not under -fno-builtin); the others: their prototype here.
  if (M->Known != NumLibFuncs) {
    LibFunc Known;
    if (!TLI.getLibFunc(*Callee, Known) || Known != M->Known ||
        !TLI.has(Known))
      return std::nullopt;
  }
  FunctionType *FT = Callee->getFunctionType();
  if (M->FormatArg >= FT->getNumParams() ||
      !FT->getParamType(M->FormatArg)->isPointerTy() ||
      CB.arg_size() < FT->getNumParams())
    return std::nullopt;

  ArgUses Out;
  Out.Uses.assign(CB.arg_size(), ArgUse::Unmodelled);
  if (M->Kind == ModelKind::ReadsMessage) {
    if (FT->getNumParams() != 1 || FT->isVarArg())
      return std::nullopt;
    Out.Uses[0] = ArgUse::ReadsIntoException;
    return Out;
  }
  if (!FT->isVarArg() || M->FormatArg + 1 != FT->getNumParams())
    return std::nullopt;
  StringRef Format;
  if (!getConstantStringInfo(CB.getArgOperand(M->FormatArg), Format))
    return std::nullopt;
  auto Conversions = M->Kind == ModelKind::LiteFormat
                         ? parseLiteFormat(Format)
                         : parsePrintfFormat(Format);
  if (!Conversions)
    return std::nullopt;
  ArgUse Read = ArgUse::ReadsToStream;
  if (M->Kind == ModelKind::LiteFormat) {
    Read = ArgUse::ReadsIntoException;
  } else if (M->Kind == ModelKind::SprintfFormat) {
    if (!FT->getParamType(0)->isPointerTy())
      return std::nullopt;
    Read = ArgUse::ReadsIntoOutput;
    Out.Output = 0;
  }
  unsigned First = M->FormatArg + 1;
  for (auto [K, C] : llvm::enumerate(*Conversions)) {
    unsigned Arg = First + K;
    if (Arg >= CB.arg_size())
      break; // too few arguments: undefined behaviour; nothing modelled
    if (!CB.getArgOperand(Arg)->getType()->isPointerTy())
      continue;
    if (C == FormatConversion::String)
      Out.Uses[Arg] = Read;
    else if (C == FormatConversion::Count)
      Out.Uses[Arg] = ArgUse::WritesCount;
  }
  return Out;
}

} // namespace escape
