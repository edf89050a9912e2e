//===- PointerUses.cpp - Uses of a pointer at constant offsets ------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/PointerUses.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Operator.h"

using namespace llvm;

namespace escape {

const Value *spilledValue(const AllocaInst &Slot) {
  const StoreInst *Only = nullptr;
  for (const User *U : Slot.users()) {
    if (const auto *LI = dyn_cast<LoadInst>(U)) {
      if (LI->getPointerOperand() != &Slot)
        return nullptr;
      continue;
    }
    if (const auto *SI = dyn_cast<StoreInst>(U)) {
      if (Only || SI->getPointerOperand() != &Slot ||
          SI->getParent() != Slot.getParent())
        return nullptr;
      Only = SI;
      continue;
    }
    if (const auto *II = dyn_cast<IntrinsicInst>(U))
      if (II->isLifetimeStartOrEnd() || isa<DbgInfoIntrinsic>(II))
        continue;
    return nullptr;
  }
  if (!Only || &Slot.getFunction()->getEntryBlock() != Slot.getParent())
    return nullptr;
  return Only->getValueOperand();
}

bool forEachUseAtOffset(const Value *Base, int64_t BaseOffset,
                        const DataLayout &DL,
                        function_ref<bool(const Use &, int64_t)> Visit) {
  SmallVector<std::pair<const Value *, int64_t>, 8> Work{{Base, BaseOffset}};
  DenseMap<const Value *, int64_t> Seen{{Base, BaseOffset}};
  // A derived pointer met again must be at the same offset (a pointer
  // advanced in a loop is not).
  auto Derived = [&](const Value *V, int64_t Offset) {
    auto [It, New] = Seen.try_emplace(V, Offset);
    if (New)
      Work.push_back({V, Offset});
    return It->second == Offset;
  };
  while (!Work.empty()) {
    auto [P, Offset] = Work.pop_back_val();
    for (const Use &U : P->uses()) {
      const User *Us = U.getUser();
      if (const auto *GEP = dyn_cast<GEPOperator>(Us);
          GEP && U.getOperandNo() == 0) {
        APInt Off(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
        if (!GEP->accumulateConstantOffset(DL, Off) ||
            Off.getSignificantBits() > 32 ||
            !Derived(GEP, Offset + Off.getSExtValue()))
          return false;
      } else if (isa<AddrSpaceCastInst>(Us) || isa<BitCastInst>(Us) ||
                 isa<PHINode>(Us) || isa<SelectInst>(Us)) {
        // A phi or select may also be another pointer: what is checked of
        // the object's field then holds for it or is not about the object.
        if (!Derived(Us, Offset))
          return false;
      } else if (const auto *SI = dyn_cast<StoreInst>(Us);
                 SI && SI->getValueOperand() == P &&
                 isa<AllocaInst>(SI->getPointerOperand()) &&
                 spilledValue(*cast<AllocaInst>(SI->getPointerOperand())) ==
                     P) {
        // Spilled: every load of the slot is the pointer again.
        for (const User *L : SI->getPointerOperand()->users())
          if (isa<LoadInst>(L) &&
              (L->getType() != P->getType() || !Derived(L, Offset)))
            return false; // read back as another type: not followed
      } else if (!Visit(U, Offset)) {
        return false;
      }
    }
  }
  return true;
}

} // namespace escape
