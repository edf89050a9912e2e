//===- SourceNames.cpp - IR entities by the names the user wrote ----------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/SourceNames.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Argument.h"
#include "llvm/IR/GlobalValue.h"

#include <cstdlib>

using namespace llvm;

namespace escape {

std::string sourceName(const Value *V) {
  if (const auto *GV = dyn_cast<GlobalValue>(V)) {
    std::string D = demangle(GV->getName());
    return D;
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
  // The demangler keeps pointing into its input: keep it alive.
  std::string Input = Mangled.str();
  ItaniumPartialDemangler D;
  if (!D.partialDemangle(Input.c_str()) && D.isFunction()) {
    if (char *Name = D.getFunctionName(nullptr, nullptr)) {
      std::string S(Name);
      std::free(Name);
      if (!S.empty() && S[0] != '<')
        return S;
    }
  }
  std::string Full = demangle(Mangled);
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
