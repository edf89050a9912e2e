//===- FunctionAnnotations.cpp - The user's per-function escape markers ---===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/FunctionAnnotations.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace escape {

void markAnnotatedFunctions(Module &M) {
  const GlobalVariable *GA = M.getNamedGlobal("llvm.global.annotations");
  if (!GA || !GA->hasInitializer())
    return;
  const auto *Arr = dyn_cast<ConstantArray>(GA->getInitializer());
  if (!Arr)
    return;
  for (const Use &U : Arr->operands()) {
    const auto *Entry = dyn_cast<ConstantStruct>(U.get());
    if (!Entry || Entry->getNumOperands() < 2)
      continue;
    auto *F = dyn_cast<Function>(Entry->getOperand(0)->stripPointerCasts());
    const auto *Str =
        dyn_cast<GlobalVariable>(Entry->getOperand(1)->stripPointerCasts());
    if (!F || !Str || !Str->hasInitializer())
      continue;
    const auto *CDA = dyn_cast<ConstantDataArray>(Str->getInitializer());
    if (!CDA || !CDA->isCString())
      continue;
    StringRef Text = CDA->getAsCString();
    if (Text == KeepHeapAnnotation)
      F->addFnAttr(KeepHeapAttr);
    else if (Text == NoHeapAnnotation)
      F->addFnAttr(NoHeapAttr);
  }
}

} // namespace escape
