//===- FreeMatching.cpp - Deallocations of a demoted object ---------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A demoted object must never reach a deallocator: every free whose pointer
// may point to it is removed, so each such free must free nothing else (its
// points-to set is exactly the object, or null), and be of the allocation's
// family (delete for new, delete[] for new[], free for malloc). realloc of the
// object blocks demotion, and so does a call of a function that may free it
// (anything reachable from its argument), which cannot be removed. A direct
// call whose callee frees exactly the object it is passed (its summary's
// ObjectFrees), of the site's family, is matched as well: HeapToStack calls
// a copy of the callee without those deallocations instead.
//
// An object placed in a frame arena (FrameArena.cpp) needs less: its frees
// stay, made conditional on the pointer being outside the arena, so a free
// may release other objects too; but every one must be a call in the
// function, of the site's family, and none a realloc.
//
//===----------------------------------------------------------------------===//

#include "DemotionRules.h"

#include "escape/AllocationSites.h"

#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"

using namespace llvm;

namespace escape {

/// MismatchedFree when the deallocation \p FC is not of \p Site's family
/// (or of no known family), else no cause.
static KeepCause mismatchedFamily(const FreeCall &FC,
                                  const AllocationSite &Site,
                                  const TargetLibraryInfo &TLI) {
  std::optional<StringRef> Family = deallocationFamily(*FC.Call, TLI);
  if (Family && *Family == Site.Family)
    return KeepCause();
  const Function *Callee = FC.Call->getCalledFunction();
  return KeepCause::named(KeepCauseKind::MismatchedFree,
                          Callee ? prettyFunctionName(Callee->getName())
                                 : std::string("?"));
}

MatchedFrees matchFrees(const FunctionEscapeInfo &Info,
                        const AllocationSite &Site,
                        const TargetLibraryInfo &TLI) {
  MatchedFrees M;
  std::optional<LocationId> O = Info.Graph->lookupObject(Site.Call);
  if (!O)
    return M;
  for (const FreeCall &FC : Info.Graph->frees()) {
    SparseBitVector<> P = Info.freedObjects(FC);
    if (!P.test(*O))
      continue;
    if (FC.InCallee) {
      // A callee may free it: that call cannot be removed, and must never
      // receive a stack slot.
      const Function *Callee = FC.Call->getCalledFunction();
      M.Blocker = Callee
                      ? KeepCause::named(KeepCauseKind::MayBeFreedInCallee,
                                         prettyFunctionName(Callee->getName()))
                      : KeepCause(KeepCauseKind::MayBeFreedIndirectly);
      return M;
    }
    if (FC.CalleeArg) {
      const Function *Callee = FC.Call->getCalledFunction();
      if (!Callee) {
        M.Blocker = KeepCauseKind::MayBeFreedIndirectly;
        return M;
      }
      std::string Name = prettyFunctionName(Callee->getName());
      if (P.count() != 1) {
        M.Blocker = KeepCause::named(KeepCauseKind::MayBeFreedInCallee, Name);
        return M;
      }
      if (FC.Family != Site.Family) {
        M.Blocker = KeepCause::named(KeepCauseKind::MismatchedFree, Name);
        return M;
      }
      M.CalleeFrees.push_back({const_cast<CallBase *>(FC.Call), Callee,
                               *FC.CalleeArg, FC.CalleeLevel});
      continue;
    }
    if (FC.IsRealloc) {
      M.Blocker = KeepCauseKind::Reallocated;
      return M;
    }
    if (P.count() != 1) {
      M.Blocker = KeepCauseKind::FreedWithOthers;
      return M;
    }
    if ((M.Blocker = mismatchedFamily(FC, Site, TLI)))
      return M;
    M.Calls.push_back(const_cast<CallBase *>(FC.Call));
  }
  return M;
}

MatchedFrees matchArenaFrees(const FunctionEscapeInfo &Info,
                             const AllocationSite &Site,
                             const TargetLibraryInfo &TLI) {
  MatchedFrees M;
  std::optional<LocationId> O = Info.Graph->lookupObject(Site.Call);
  assert(O && "every allocation site has an object in the graph");
  if (!O) {
    M.Blocker = KeepCauseKind::MayBeFreedIndirectly;
    return M;
  }
  for (const FreeCall &FC : Info.Graph->frees()) {
    if (!Info.freedObjects(FC).test(*O))
      continue;
    const Function *Callee = FC.Call->getCalledFunction();
    if (FC.InCallee || FC.CalleeArg) {
      M.Blocker = Callee
                      ? KeepCause::named(KeepCauseKind::MayBeFreedInCallee,
                                         prettyFunctionName(Callee->getName()))
                      : KeepCause(KeepCauseKind::MayBeFreedIndirectly);
      return M;
    }
    if (FC.IsRealloc) {
      M.Blocker = KeepCauseKind::Reallocated;
      return M;
    }
    if ((M.Blocker = mismatchedFamily(FC, Site, TLI)))
      return M;
    M.Calls.push_back(const_cast<CallBase *>(FC.Call));
  }
  return M;
}

} // namespace escape
