//===- FreedBeforeReturn.cpp - Objects dead before their function returns -===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// An object whose address escapes (stored to a global, handed to a callee
// that keeps it, ...) may still live on the stack when the function itself
// frees it on every path before returning. Any access after that free is a
// use after free, and any second free a double free, in the original
// program: undefined behaviour that demotion does not have to preserve. The
// frame, on the other hand, lives until the function returns or the frame is
// abandoned, so the object's storage outlives every defined access.
//
// What must hold, checked by walking the CFG forward from the allocation:
//  - every path reaches a deallocation of the allocation's own value (the
//    call's result, through casts only: a must-alias, so the free frees this
//    object and not another one) of the site's family, before
//  - a `ret` or a `resume` (leaving with the object alive), or the
//    allocation running again (the free would then free a newer object);
//  - no `call` on the way may unwind (an invoke's unwind edge is walked like
//    any other edge, so a landing pad that frees the object is fine);
//  - no call on the way may leave the frame without returning or unwinding:
//    longjmp, directly or in a callee. Calls are trusted when they are
//    `willreturn`, intrinsics other than the SjLj longjmp, C library
//    functions TargetLibraryInfo knows (their callbacks are checked), calls
//    that end the process (exit, abort, ...: the frame is never popped), or
//    defined functions whose calls are all trusted in turn.
// A path that ends in `unreachable` never completes, so it needs no free;
// nor does the edge a branch takes when the allocation returned null.
// Other deallocations that might free the object (through a loaded pointer)
// are left alone: if they did free it, the program would free it twice.
//
//===----------------------------------------------------------------------===//

#include "DemotionRules.h"

#include "escape/AllocationSites.h"
#include "escape/EscapeAnalysis.h"
#include "escape/Messages.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

namespace escape {

/// Process-ending functions: they never return, but the frames below them
/// stay where they are while the process ends.
static bool endsProcess(StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases("exit", "_Exit", "quick_exit", "abort", true)
      .Cases("__assert_fail", "__assert_perror_fail", "__stack_chk_fail", true)
      .Cases("_ZSt9terminatev", "__cxa_pure_virtual", "__cxa_deleted_virtual",
             true)
      .Default(false);
}

/// The C++ runtime's exception functions and libstdc++'s `__throw_*`
/// helpers: they unwind (checked separately) but never jump out otherwise.
static bool onlyUnwinds(StringRef Name) {
  if (Name.starts_with("_ZSt") && Name.contains("__throw_"))
    return true;
  return StringSwitch<bool>(Name)
      .Cases("__cxa_throw", "__cxa_rethrow", "__cxa_allocate_exception",
             "__cxa_free_exception", true)
      .Cases("__cxa_begin_catch", "__cxa_end_catch", "_Unwind_Resume",
             "__cxa_call_terminate", true)
      .Default(false);
}

/// C library functions that call back into user code: the argument number
/// of their function pointer.
static std::optional<unsigned> callbackArg(StringRef Name) {
  return StringSwitch<std::optional<unsigned>>(Name)
      .Cases("qsort", "qsort_r", 3u)
      .Cases("bsearch", "lfind", "lsearch", 4u)
      .Default(std::nullopt);
}

bool FrameExits::mayJumpOut(const CallBase &CB) {
  if (CB.isInlineAsm() || callsReplaceableBody(CB))
    return true;
  if (const auto *II = dyn_cast<IntrinsicInst>(&CB))
    return II->getIntrinsicID() == Intrinsic::eh_sjlj_longjmp;
  if (CB.hasFnAttr(Attribute::WillReturn))
    return false;
  const Function *Callee = CB.getCalledFunction();
  if (!Callee)
    return true;
  if (!Callee->isDeclaration())
    return mayJumpOut(*Callee);
  StringRef Name = Callee->getName();
  if (endsProcess(Name) || onlyUnwinds(Name))
    return false;
  const TargetLibraryInfo &TLI =
      GetTLI(*const_cast<Function *>(CB.getFunction()));
  // Allocation and deallocation functions (operator new/delete included).
  if (isAllocationFn(&CB, &TLI) || freedOperand(CB, TLI))
    return false;
  LibFunc LF;
  if (!TLI.getLibFunc(*Callee, LF) || !TLI.has(LF))
    return true;
  std::optional<unsigned> Callback = callbackArg(Name);
  if (!Callback)
    return false;
  // The callback runs inside the library call: it must be a known function
  // that cannot jump out either.
  if (*Callback >= CB.arg_size())
    return true;
  const auto *Fn =
      dyn_cast<Function>(CB.getArgOperand(*Callback)->stripPointerCasts());
  return !Fn || mayJumpOut(*Fn);
}

bool FrameExits::mayJumpOut(const Function &F) {
  if (F.hasFnAttribute(Attribute::WillReturn))
    return false;
  if (F.isDeclaration())
    return !endsProcess(F.getName()) && !onlyUnwinds(F.getName());
  if (!hasReliableBody(F))
    return true; // another body may run, and it may jump out
  auto [It, New] = Memo.try_emplace(&F, true);
  if (!New)
    return It->second; // computed, or in progress (recursion: assume yes)
  bool Jumps = false;
  for (const BasicBlock &BB : F) {
    for (const Instruction &I : BB)
      if (const auto *CB = dyn_cast<CallBase>(&I))
        if (mayJumpOut(*CB)) {
          Jumps = true;
          break;
        }
    if (Jumps)
      break;
  }
  Memo[&F] = Jumps;
  return Jumps;
}

/// If \p Term branches on whether \p Alloc's result is null, the successor
/// taken when it is: no object was made there (`p = malloc(n); if (!p)
/// return -1;`), so that path needs no free. Null otherwise.
static const BasicBlock *nullSuccessor(const Instruction *Term,
                                       const CallBase *Alloc) {
  const auto *Br = dyn_cast<BranchInst>(Term);
  if (!Br || !Br->isConditional())
    return nullptr;
  const auto *Cmp = dyn_cast<ICmpInst>(Br->getCondition());
  if (!Cmp || !Cmp->isEquality())
    return nullptr;
  const Value *L = Cmp->getOperand(0)->stripPointerCasts();
  const Value *R = Cmp->getOperand(1);
  if (isa<ConstantPointerNull>(L))
    std::swap(L, R);
  if (L->stripPointerCasts() != Alloc || !isa<ConstantPointerNull>(R))
    return nullptr;
  // eq: true when null; ne: false when null.
  return Br->getSuccessor(Cmp->getPredicate() == ICmpInst::ICMP_EQ ? 0 : 1);
}

FreedBeforeReturn
freedBeforeReturn(const AllocationSite &Site, const TargetLibraryInfo &TLI,
                  FrameExits &Exits,
                  const SmallPtrSetImpl<const CallBase *> &BecomeAllocas) {
  FreedBeforeReturn R;
  CallBase *Alloc = Site.Call;
  auto Fail = [&](const char *Why) {
    R.Calls.clear();
    R.Holds = false;
    LLVM_DEBUG(dbgs() << "escape: " << *Alloc
                      << " not freed before return: " << Why << "\n");
    (void)Why;
    return R;
  };

  // A deallocation of this very object, or none.
  enum class FreeKind { None, Matching, Mismatched, Realloc };
  auto classifyFree = [&](const CallBase &CB) {
    const Value *P = freedOperand(CB, TLI);
    if (!P || P->stripPointerCasts() != Alloc)
      return FreeKind::None;
    if (isReallocation(CB, TLI))
      return FreeKind::Realloc;
    std::optional<StringRef> Family = deallocationFamily(CB, TLI);
    return Family && *Family == Site.Family ? FreeKind::Matching
                                            : FreeKind::Mismatched;
  };

  // Cheap rejection first (most escaping objects are never freed here): the
  // walk needs a deallocation of the allocation's own value.
  bool HasOwnFree = false;
  for (const User *U : Alloc->users())
    if (const auto *CB = dyn_cast<CallBase>(U))
      HasOwnFree |= classifyFree(*CB) != FreeKind::None;
  if (!HasOwnFree)
    return Fail("not freed through its own pointer");

  // Work list of (block, first instruction to look at).
  SmallVector<std::pair<const BasicBlock *, BasicBlock::const_iterator>, 16>
      Work;
  SmallPtrSet<const BasicBlock *, 32> Seen;
  auto Enter = [&](const BasicBlock *BB) {
    if (Seen.insert(BB).second)
      Work.push_back({BB, BB->begin()});
  };
  if (const auto *II = dyn_cast<InvokeInst>(Alloc))
    Enter(II->getNormalDest()); // the unwind edge: no object was made
  else
    Work.push_back({Alloc->getParent(), std::next(Alloc->getIterator())});

  while (!Work.empty()) {
    auto [BB, It] = Work.pop_back_val();
    bool Freed = false;
    for (; It != BB->end() && !Freed; ++It) {
      const Instruction &I = *It;
      if (&I == Alloc)
        return Fail("allocated again before it is freed");
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB)
        continue;
      switch (classifyFree(*CB)) {
      case FreeKind::Matching:
        R.Calls.push_back(const_cast<CallBase *>(CB));
        Freed = true;
        continue;
      case FreeKind::Realloc:
        return Fail("reallocated");
      case FreeKind::Mismatched:
        return Fail("freed by a deallocator of another family");
      case FreeKind::None:
        break;
      }
      if (BecomeAllocas.count(CB))
        continue;
      if (isa<CallInst>(CB) &&
          (!CB->doesNotThrow() || callsReplaceableBody(*CB)))
        return Fail("a call may unwind before it is freed");
      if (Exits.mayJumpOut(*CB))
        return Fail("a call may leave the function without returning before "
                    "it is freed");
    }
    if (Freed)
      continue;
    const Instruction *Term = BB->getTerminator();
    if (isa<ReturnInst>(Term) || isa<ResumeInst>(Term))
      return Fail("a path returns without freeing it");
    if (isa<UnreachableInst>(Term))
      continue;
    if (Term->getNumSuccessors() == 0 || isa<CatchSwitchInst>(Term) ||
        isa<CleanupReturnInst>(Term))
      return Fail("unsupported terminator");
    const BasicBlock *NullSucc = nullSuccessor(Term, Alloc);
    for (const BasicBlock *S : successors(BB))
      if (S != NullSucc)
        Enter(S);
  }
  if (R.Calls.empty())
    return Fail("never freed");
  return R;
}

} // namespace escape
