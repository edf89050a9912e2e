//===- CalleeClones.cpp - Callees copied without a deallocation -----------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "CalleeClones.h"

#include "escape/EscapeAnalysis.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Support/Debug.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/Local.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

STATISTIC(NumCalleeClones, "Callees copied without a deallocation");
STATISTIC(NumCloneInstructions, "Instructions in callee copies");

namespace escape {

CalleeClones::Key CalleeClones::keyOf(const CalleeFree &CF) {
  return {CF.Callee, CF.ArgNo, CF.Level};
}

/// The deallocations a copy for \p CF removes: the callee's summary's
/// ObjectFrees for that argument and level; empty when they cannot be
/// trusted (no summary, MayFree, or a listed call no longer in the body).
static ArrayRef<const CallBase *> listedFrees(const EscapeResult &R,
                                              const CalleeFree &CF) {
  const Function *Callee = CF.Callee;
  // A copy of a body that may be replaced would call the wrong one.
  if (!Callee || !hasReliableBody(*Callee) || CF.Level > 1)
    return {};
  const FunctionEscapeInfo *Info = R.lookup(Callee);
  if (!Info || CF.ArgNo >= Info->Summary.Params.size())
    return {};
  const ParamSummary &P = Info->Summary.Params[CF.ArgNo];
  if (P.MayFree)
    return {};
  return P.ObjectFrees[CF.Level];
}

bool CalleeClones::reserve(const CalleeFree &CF) {
  Key K = keyOf(CF);
  auto It = Reserved.find(K);
  if (It != Reserved.end())
    return It->second;
  bool OK = false;
  ArrayRef<const CallBase *> Frees = listedFrees(R, CF);
  const Function *Callee = CF.Callee;
  if (!Frees.empty()) {
    SmallPtrSet<const Instruction *, 32> Body;
    for (const Instruction &I : instructions(*Callee))
      Body.insert(&I);
    bool Present = llvm::all_of(
        Frees, [&](const CallBase *C) { return Body.contains(C); });
    uint64_t Cost = Callee->getInstructionCount();
    OK = Present && Used + Cost <= Budget;
    if (OK)
      Used += Cost;
    LLVM_DEBUG(if (!OK) dbgs()
               << "escape: no copy of " << Callee->getName() << " for arg "
               << CF.ArgNo << (Present ? ": over the budget" : ": stale frees")
               << "\n");
  }
  Reserved[K] = OK;
  return OK;
}

Function *CalleeClones::get(const CalleeFree &CF) {
  Key K = keyOf(CF);
  assert(Reserved.count(K) && Reserved.find(K)->second &&
         "a copy is made only if reserved");
  if (Function *C = Made[K])
    return C;
  Function &Callee = const_cast<Function &>(*CF.Callee);
  ValueToValueMapTy VMap;
  Function *C = CloneFunction(&Callee, VMap);
  C->setName(Callee.getName() + ".escape.nofree");
  C->setLinkage(GlobalValue::InternalLinkage);
  C->setVisibility(GlobalValue::DefaultVisibility);
  C->setDLLStorageClass(GlobalValue::DefaultStorageClass);
  C->setComdat(nullptr);
  C->setDSOLocal(true);
  for (const CallBase *Free : listedFrees(R, CF)) {
    auto *Copy = cast<CallBase>(VMap[Free]);
    if (auto *II = dyn_cast<InvokeInst>(Copy))
      Copy = changeToCall(II);
    Copy->eraseFromParent();
  }
  ++NumCalleeClones;
  NumCloneInstructions += C->getInstructionCount();
  Made[K] = C;
  return C;
}

} // namespace escape
