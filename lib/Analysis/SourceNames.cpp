//===- SourceNames.cpp - IR entities by the names the user wrote ----------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/SourceNames.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Argument.h"
#include "llvm/IR/GlobalValue.h"

#include <cstdlib>

using namespace llvm;

namespace escape {

/// \p Demangled without the module attachments the demangler prints after
/// a name attached to a C++20 module (`mkeep@sites`, `f@mod:part`): the
/// user wrote `mkeep`. No other demangled name holds an `@`.
static std::string withoutModuleAttachments(StringRef Demangled) {
  std::string Out;
  Out.reserve(Demangled.size());
  auto IsNameChar = [](char C) { return isAlnum(C) || C == '_' || C == '.'; };
  for (size_t I = 0; I < Demangled.size();) {
    if (Demangled[I] != '@') {
      Out += Demangled[I++];
      continue;
    }
    // `@module` and an optional `:partition` (a single colon).
    ++I;
    while (I < Demangled.size() && IsNameChar(Demangled[I]))
      ++I;
    if (I + 1 < Demangled.size() && Demangled[I] == ':' &&
        Demangled[I + 1] != ':') {
      ++I;
      while (I < Demangled.size() && IsNameChar(Demangled[I]))
        ++I;
    }
  }
  return Out;
}

std::string sourceName(const Value *V) {
  if (const auto *GV = dyn_cast<GlobalValue>(V)) {
    if (!GV->hasName())
      return "<unnamed>"; // made by the optimizer (merged constants)
    return withoutModuleAttachments(demangle(GV->getName()));
  }
  if (const auto *A = dyn_cast<Argument>(V)) {
    if (A->hasName())
      return A->getName().str();
    return "#" + std::to_string(A->getArgNo());
  }
  if (V->hasName())
    return V->getName().str();
  return "value";
}

std::string prettyFunctionName(StringRef Mangled) {
  // A copy LLVM made of a function (`.specialized.1`, `.part.0`, `.cold`,
  // `.llvm.123`) is the function the user wrote: an Itanium name holds no
  // other dot.
  if (Mangled.starts_with("_Z"))
    Mangled = Mangled.take_until([](char C) { return C == '.'; });
  // The demangler keeps pointing into its input: keep it alive.
  std::string Input = Mangled.str();
  ItaniumPartialDemangler D;
  if (!D.partialDemangle(Input.c_str()) && D.isFunction()) {
    if (char *Name = D.getFunctionName(nullptr, nullptr)) {
      std::string S = withoutModuleAttachments(Name);
      std::free(Name);
      if (!S.empty() && S[0] != '<')
        return S;
    }
  }
  std::string Full = withoutModuleAttachments(demangle(Mangled));
  // Drop the parameter list of a demangled function name.
  if (!Full.empty() && Full.back() == ')') {
    int Depth = 0;
    for (size_t I = Full.size(); I-- > 0;) {
      Depth += Full[I] == ')' ? 1 : Full[I] == '(' ? -1 : 0;
      if (Depth == 0 && I > 0)
        return Full.substr(0, I);
    }
  }
  return Full;
}

} // namespace escape
