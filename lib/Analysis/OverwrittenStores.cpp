//===- OverwrittenStores.cpp - Stores undone before the function returns -===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "OverwrittenStores.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

namespace escape {

/// The one value ever stored into \p Slot, when \p Slot is an entry-block
/// alloca stored once (in the entry block) and otherwise only loaded from
/// whole, so that every load after the store reads that value.
static const Value *onlyStoredValue(const AllocaInst &Slot) {
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

/// \p P as a base and a constant byte offset added to \p Off.
static const Value *canonicalAddress(const Value *P, const DataLayout &DL,
                                     APInt &Off, unsigned Depth = 0) {
  P = P->stripAndAccumulateConstantOffsets(DL, Off,
                                           /*AllowNonInbounds=*/true);
  if (Depth < 4)
    if (const auto *LI = dyn_cast<LoadInst>(P))
      if (const auto *Slot = dyn_cast<AllocaInst>(LI->getPointerOperand()))
        if (const Value *V = onlyStoredValue(*Slot))
          if (V->getType() == LI->getType() && V != Slot)
            return canonicalAddress(V, DL, Off, Depth + 1);
  return P;
}

bool isOverwrittenBeforeReturn(const StoreInst &S) {
  const DataLayout &DL = S.getModule()->getDataLayout();
  unsigned Bits = DL.getIndexTypeSizeInBits(S.getPointerOperandType());
  APInt Off(Bits, 0);
  const Value *Base = canonicalAddress(S.getPointerOperand(), DL, Off);
  TypeSize Size = DL.getTypeStoreSize(S.getValueOperand()->getType());
  if (Size.isScalable())
    return false;

  auto Overwrites = [&](const Instruction &I) {
    const auto *Other = dyn_cast<StoreInst>(&I);
    if (!Other ||
        DL.getIndexTypeSizeInBits(Other->getPointerOperandType()) != Bits)
      return false;
    APInt OtherOff(Bits, 0);
    if (canonicalAddress(Other->getPointerOperand(), DL, OtherOff) != Base ||
        OtherOff != Off)
      return false;
    TypeSize OtherSize =
        DL.getTypeStoreSize(Other->getValueOperand()->getType());
    return !OtherSize.isScalable() &&
           OtherSize.getFixedValue() >= Size.getFixedValue();
  };
  enum class Scan { Overwritten, Returns, FallsThrough };
  auto ScanFrom = [&](BasicBlock::const_iterator It, const BasicBlock &BB) {
    for (; It != BB.end(); ++It) {
      if (Overwrites(*It))
        return Scan::Overwritten;
      if (isa<ReturnInst>(*It))
        return Scan::Returns;
    }
    return Scan::FallsThrough;
  };

  SmallVector<const BasicBlock *, 8> Work;
  SmallPtrSet<const BasicBlock *, 16> Seen;
  switch (ScanFrom(std::next(S.getIterator()), *S.getParent())) {
  case Scan::Overwritten:
    return true;
  case Scan::Returns:
    return false;
  case Scan::FallsThrough:
    Work.append(succ_begin(S.getParent()), succ_end(S.getParent()));
  }
  while (!Work.empty()) {
    const BasicBlock *BB = Work.pop_back_val();
    if (!Seen.insert(BB).second)
      continue;
    switch (ScanFrom(BB->begin(), *BB)) {
    case Scan::Overwritten:
      break;
    case Scan::Returns:
      LLVM_DEBUG(dbgs() << "escape: " << S << " still holds at a return\n");
      return false;
    case Scan::FallsThrough:
      Work.append(succ_begin(BB), succ_end(BB));
    }
  }
  return true;
}

} // namespace escape
