//===- CallTargets.cpp - The functions an indirect call may reach ---------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/CallTargets.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/Analysis/CallGraph.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

STATISTIC(NumIndirectResolved, "Indirect calls whose callees are all known");

namespace escape {

/// The functions `!callees` lists for \p CB, or none when it has no such
/// metadata, or an entry is not a function of the call's type.
static std::optional<SmallVector<const Function *, 4>>
calleesFromMetadata(const CallBase &CB) {
  const MDNode *MD = CB.getMetadata(LLVMContext::MD_callees);
  if (!MD || MD->getNumOperands() == 0)
    return std::nullopt;
  SmallVector<const Function *, 4> Fs;
  for (const MDOperand &Op : MD->operands()) {
    const auto *F = mdconst::dyn_extract_or_null<Function>(Op);
    if (!F || F->getFunctionType() != CB.getFunctionType()) {
      LLVM_DEBUG(dbgs() << "escape: !callees not usable on " << CB << "\n");
      return std::nullopt;
    }
    if (!llvm::is_contained(Fs, F))
      Fs.push_back(F);
  }
  return Fs;
}

CallTargets::CallTargets(const Module &M) {
  for (const Function &F : M)
    for (const Instruction &I : instructions(F)) {
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB || !CB->isIndirectCall())
        continue;
      if (auto Fs = calleesFromMetadata(*CB)) {
        Targets[CB] = std::move(*Fs);
        ++NumIndirectResolved;
      }
    }
}

const SmallVectorImpl<const Function *> *
CallTargets::lookup(const CallBase &CB) const {
  auto It = Targets.find(&CB);
  return It == Targets.end() ? nullptr : &It->second;
}

void CallTargets::addCallEdges(CallGraph &CG) const {
  for (const auto &KV : Targets) {
    CallBase *CB = const_cast<CallBase *>(KV.first);
    CallGraphNode *Caller = CG.getOrInsertFunction(CB->getFunction());
    for (const Function *T : KV.second)
      Caller->addCalledFunction(CB, CG.getOrInsertFunction(T));
  }
}

} // namespace escape
