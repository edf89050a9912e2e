//===- PointerUses.cpp - Uses of a pointer at constant offsets ------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/PointerUses.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Operator.h"

using namespace llvm;

namespace escape {

bool forEachUseAtOffset(const Value *Base, int64_t BaseOffset,
                        const DataLayout &DL,
                        function_ref<bool(const Use &, int64_t)> Visit) {
  SmallVector<std::pair<const Value *, int64_t>, 8> Work{{Base, BaseOffset}};
  SmallPtrSet<const Value *, 8> Seen{Base};
  while (!Work.empty()) {
    auto [P, Offset] = Work.pop_back_val();
    for (const Use &U : P->uses()) {
      const User *Us = U.getUser();
      if (const auto *GEP = dyn_cast<GEPOperator>(Us);
          GEP && U.getOperandNo() == 0) {
        APInt Off(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
        if (!GEP->accumulateConstantOffset(DL, Off) ||
            Off.getSignificantBits() > 32)
          return false;
        if (Seen.insert(GEP).second)
          Work.push_back({GEP, Offset + Off.getSExtValue()});
      } else if (isa<AddrSpaceCastInst>(Us) || isa<BitCastInst>(Us)) {
        if (Seen.insert(Us).second)
          Work.push_back({Us, Offset});
      } else if (!Visit(U, Offset)) {
        return false;
      }
    }
  }
  return true;
}

} // namespace escape
