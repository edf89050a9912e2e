//===- DemotionRules.h - Safety checks before demotion (internal) ---------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_LIB_TRANSFORMS_DEMOTIONRULES_H
#define ESCAPE_LIB_TRANSFORMS_DEMOTIONRULES_H

#include "escape/EscapeAnalysis.h"
#include "escape/KeepCause.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace llvm {
class CallBase;
class Function;
class LoopInfo;
class TargetLibraryInfo;
} // namespace llvm

namespace escape {

/// A call of a function that frees the object it is passed: the argument
/// \c ArgNo at \c Level derefs (ParamSummary::ObjectFrees). Demoting the
/// object means calling a copy of the callee without those deallocations.
struct CalleeFree {
  llvm::CallBase *Call;
  /// The callee, as analysed (the call is pointed at a copy later).
  const llvm::Function *Callee;
  unsigned ArgNo;
  unsigned Level;
};

/// The deallocations that free a site's object (FreeMatching.cpp).
struct MatchedFrees {
  llvm::SmallVector<llvm::CallBase *, 4> Calls;
  /// Calls that free it inside their callee, which frees nothing else
  /// through that argument.
  llvm::SmallVector<CalleeFree, 2> CalleeFrees;
  /// Set when the frees forbid demotion: Reallocated, MismatchedFree,
  /// FreedWithOthers, MayBeFreedInCallee, MayBeFreedIndirectly.
  KeepCause Blocker;
};

/// Finds every free/delete/realloc whose pointer may point to the object of
/// \p Site and checks that each frees only that object, with a deallocator
/// of the site's family.
MatchedFrees matchFrees(const FunctionEscapeInfo &Info,
                        const AllocationSite &Site,
                        const llvm::TargetLibraryInfo &TLI);

/// The deallocations of an object placed in a frame arena: every free in
/// the function whose pointer may point to \p Site's object (each may free
/// other objects too), all of its family. A free inside a callee, through
/// an indirect call, a realloc or another family block it (FreeMatching.cpp).
MatchedFrees matchArenaFrees(const FunctionEscapeInfo &Info,
                             const AllocationSite &Site,
                             const llvm::TargetLibraryInfo &TLI);

/// True if one entry-block slot cannot serve every execution of \p Site:
/// the site is in a loop or cycle and its previous object may still be
/// reachable when it runs again (LoopSlots.cpp).
bool liveAcrossIterations(const FunctionEscapeInfo &Info,
                          const AllocationSite &Site, const llvm::LoopInfo &LI,
                          bool HasIrreducibleCycles);

/// Which calls may leave their caller's frame without returning to it and
/// without unwinding through it: longjmp, directly or in a callee
/// (FreedBeforeReturn.cpp). Memoised per defined function; recursion is
/// answered "may".
class FrameExits {
public:
  using TLIGetter =
      llvm::function_ref<const llvm::TargetLibraryInfo &(llvm::Function &)>;
  explicit FrameExits(TLIGetter GetTLI) : GetTLI(GetTLI) {}
  /// True unless \p CB is known to come back (return or unwind) or to end
  /// the process.
  bool mayJumpOut(const llvm::CallBase &CB);
  /// The same for every call of \p F.
  bool mayJumpOut(const llvm::Function &F);

private:
  TLIGetter GetTLI;
  llvm::DenseMap<const llvm::Function *, bool> Memo;
};

/// The deallocations that free a site's object on every path before its
/// function returns (FreedBeforeReturn.cpp).
struct FreedBeforeReturn {
  /// The frees of the allocation's own value met on the walk (to remove).
  llvm::SmallVector<llvm::CallBase *, 4> Calls;
  /// The rule applies. Why it does not (a path returns without freeing it,
  /// a call may unwind first, ...) is traced with -debug-only=escape.
  bool Holds = true;
};

/// Checks that every path from \p Site's allocation frees that very object,
/// with a deallocator of its family, before the function returns or
/// unwinds, and that no call in between may unwind or jump out of the frame.
/// Then the object is dead before its frame is, wherever its address went.
/// \p BecomeAllocas: allocation calls that are being demoted (with constant
/// size), which will neither unwind nor jump out.
FreedBeforeReturn freedBeforeReturn(
    const AllocationSite &Site, const llvm::TargetLibraryInfo &TLI,
    FrameExits &Exits,
    const llvm::SmallPtrSetImpl<const llvm::CallBase *> &BecomeAllocas);

} // namespace escape

#endif
