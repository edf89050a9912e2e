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

#include "llvm/ADT/SmallVector.h"

namespace llvm {
class CallBase;
class LoopInfo;
class TargetLibraryInfo;
} // namespace llvm

namespace escape {

/// The deallocations that free a site's object (FreeMatching.cpp).
struct MatchedFrees {
  llvm::SmallVector<llvm::CallBase *, 4> Calls;
  /// Non-empty when the frees forbid demotion: "reallocated",
  /// "freed by mismatched 'free'", "freed together with other objects".
  std::string Blocker;
};

/// Finds every free/delete/realloc whose pointer may point to the object of
/// \p Site and checks that each frees only that object, with a deallocator
/// of the site's family.
MatchedFrees matchFrees(const FunctionEscapeInfo &Info,
                        const AllocationSite &Site,
                        const llvm::TargetLibraryInfo &TLI);

/// True if one entry-block slot cannot serve every execution of \p Site:
/// the site is in a loop or cycle and its previous object may still be
/// reachable when it runs again (LoopSlots.cpp).
bool liveAcrossIterations(const FunctionEscapeInfo &Info,
                          const AllocationSite &Site, const llvm::LoopInfo &LI,
                          bool HasIrreducibleCycles);

} // namespace escape

#endif
