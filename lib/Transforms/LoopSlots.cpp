//===- LoopSlots.cpp - One stack slot for an allocation in a loop ---------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A demoted site gets one entry-block alloca, so an allocation that runs
// again (in a loop) reuses the memory of its previous object. That is only
// correct if the previous object is dead by then. In SSA form a value of
// iteration i can reach iteration i+1 only through a phi in the header of an
// enclosing loop, or through memory. So the slot is reused only when
//  - no object's content may point to the object (it is never stored), and
//  - no phi in the header of any loop containing the site may point to it.
// Cycles LoopInfo does not see (irreducible control flow) are refused
// outright. Unlike LLVM's Attributor heap-to-stack, a refused site stays on
// the heap: no dynamic alloca grows the stack per iteration.
//
//===----------------------------------------------------------------------===//

#include "DemotionRules.h"

#include "llvm/Analysis/CFG.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace escape {

/// True if \p BB can reach itself again.
static bool inCycle(const BasicBlock *BB) {
  for (const BasicBlock *S : successors(BB))
    if (isPotentiallyReachable(S, BB))
      return true;
  return false;
}

bool liveAcrossIterations(const FunctionEscapeInfo &Info,
                          const AllocationSite &Site, const LoopInfo &LI,
                          bool HasIrreducibleCycles) {
  const BasicBlock *BB = Site.Call->getParent();
  const Loop *L = LI.getLoopFor(BB);
  if (!L)
    return HasIrreducibleCycles && inCycle(BB);
  const EscapeGraph &G = *Info.Graph;
  std::optional<LocationId> O = G.lookupObject(Site.Call);
  if (!O)
    return true;
  for (LocationId X = 0; X < G.size(); ++X)
    if (G.location(X).isObject() && Info.pointsTo(X).test(*O))
      return true;
  for (const Loop *P = L; P; P = P->getParentLoop())
    for (const PHINode &Phi : P->getHeader()->phis())
      if (std::optional<LocationId> V = G.lookupValue(&Phi))
        if (Info.pointsTo(*V).test(*O))
          return true;
  return false;
}

} // namespace escape
