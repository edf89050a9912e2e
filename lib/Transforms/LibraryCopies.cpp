//===- LibraryCopies.cpp - Library members the library exports ------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/LibraryCopies.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/Analysis/InlineCost.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

namespace escape {

PreservedAnalyses ExternalLibraryCopiesPass::run(Module &M,
                                                 ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : M) {
    if (F.isDeclaration() || !Exported.contains(F.getName()))
      continue;
    // Only the copies the front end made of a template: their linkage says
    // so. Anything else of that name is left alone.
    if (!F.hasLinkOnceODRLinkage() && !F.hasWeakODRLinkage())
      continue;
    LLVM_DEBUG(dbgs() << "escape: library copy " << F.getName() << "\n");
    F.addFnAttr(Attribute::NoInline);
    F.addFnAttr(LibraryCopyAttr);
    Changed = true;
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

SmallVector<Function *, 8> liftLibraryCopies(Module &M, bool &Lifted) {
  Lifted = false;
  SmallVector<Function *, 8> Copies;
  for (Function &F : M)
    if (F.hasFnAttribute(LibraryCopyAttr) && !F.isDeclaration()) {
      F.removeFnAttr(Attribute::NoInline);
      Copies.push_back(&F);
      Lifted = true;
    }
  SmallSetVector<Function *, 8> Changed;
  // A few rounds: a copy that calls a copy that calls a copy.
  for (unsigned Round = 0; Round < 4; ++Round) {
    bool Any = false;
    for (Function *F : Copies) {
      SmallVector<CallBase *, 4> Calls;
      for (Instruction &I : instructions(*F))
        if (auto *CB = dyn_cast<CallBase>(&I))
          if (Function *Callee = CB->getCalledFunction())
            if (Callee != F && Callee->hasFnAttribute(LibraryCopyAttr) &&
                !Callee->isDeclaration() && !CB->isNoInline() &&
                Callee->getFunctionType() == CB->getFunctionType() &&
                isInlineViable(*Callee).isSuccess())
              Calls.push_back(CB);
      for (CallBase *CB : Calls) {
        InlineFunctionInfo IFI;
        if (InlineFunction(*CB, IFI).isSuccess()) {
          LLVM_DEBUG(dbgs() << "escape: library copy inlined into "
                            << F->getName() << "\n");
          Changed.insert(F);
          Any = true;
        }
      }
    }
    if (!Any)
      break;
  }
  return SmallVector<Function *, 8>(Changed.begin(), Changed.end());
}

bool dropLibraryCopies(Module &M) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    if (!F.hasFnAttribute(LibraryCopyAttr))
      continue;
    Changed = true;
    F.removeFnAttr(LibraryCopyAttr);
    // A clone of a copy (CalleeClones) is this module's own function.
    if (F.isDeclaration() ||
        (!F.hasLinkOnceODRLinkage() && !F.hasWeakODRLinkage()))
      continue;
    if (F.use_empty()) {
      F.eraseFromParent();
      continue;
    }
    // The library's definition is the one that runs (an explicit
    // instantiation libstdc++.so exports): this copy becomes its
    // declaration, as an `extern template` member is.
    F.deleteBody();
    F.setComdat(nullptr);
    F.setLinkage(GlobalValue::ExternalLinkage);
    F.setVisibility(GlobalValue::DefaultVisibility);
    F.setDSOLocal(false);
    F.removeFnAttr(Attribute::NoInline);
  }
  return Changed;
}

} // namespace escape
