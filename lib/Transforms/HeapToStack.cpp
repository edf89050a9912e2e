//===- HeapToStack.cpp - Move non-escaping allocations to the stack -------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The `escape` pass: analysis, then for each function the demotion of the
// sites that pass the rules of HeapToStack.h, then SROA on the functions that
// changed (SROA promotes only entry-block allocas, which is where the slots
// go), then remarks and the report sink.
//
//===----------------------------------------------------------------------===//

#include "escape/HeapToStack.h"

#include "CalleeClones.h"
#include "DemotionRules.h"
#include "EscapeInlining.h"
#include "FrameArena.h"
#include "escape/LibraryCopies.h"
#include "KnownTypeCalls.h"
#include "escape/FunctionAnnotations.h"
#include "escape/LinkTimeReport.h"
#include "escape/Messages.h"
#include "escape/Report.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/CFG.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Debug.h"
#include "llvm/Transforms/IPO/InferFunctionAttrs.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Scalar/EarlyCSE.h"
#include "llvm/Transforms/Scalar/SROA.h"
#include "llvm/Transforms/Scalar/SimplifyCFG.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Local.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

STATISTIC(NumSitesEscaping, "Allocation sites that escape");
STATISTIC(NumSitesLocal, "Allocation sites that do not escape (moved or kept)");
STATISTIC(NumDemoted, "Heap allocations moved to the stack");
STATISTIC(NumDemotedBytes, "Bytes of heap allocations moved to the stack");
STATISTIC(NumFreesRemoved, "Deallocations removed with their demoted object");
STATISTIC(NumArenaSites, "Allocation sites given frame-arena memory");
STATISTIC(NumKeptOnHeap, "Non-escaping allocations kept on the heap");

namespace escape {

static cl::opt<uint64_t> MaxObjectSize(
    "escape-max-object-size", cl::init(4096),
    cl::desc("Largest heap object (bytes) the escape pass moves to the stack"));
static cl::opt<uint64_t>
    MaxFrameSize("escape-max-frame-size", cl::init(16384),
                 cl::desc("Bytes of demoted objects one function may receive"));
static cl::opt<uint64_t> MaxRecursiveFrameSize(
    "escape-max-recursive-frame-size", cl::init(1024),
    cl::desc("Bytes of demoted objects a recursive function may receive"));
static cl::opt<uint64_t> MaxVariableSize(
    "escape-max-variable-size", cl::init(256),
    cl::desc("Stack buffer (bytes) for variable-size allocations, behind a "
             "runtime size check; 0 disables"));
static cl::opt<uint64_t> MaxArenaSize(
    "escape-max-arena-size", cl::init(2048),
    cl::desc("Bytes of a function's frame arena, for non-escaping objects no "
             "fixed slot can hold (within the frame budget); 0 disables"));
static cl::opt<uint64_t> MaxInlineInstructions(
    "escape-max-inline-instructions", cl::init(4000),
    cl::desc("Instructions the escape pass may inline per module to bring a "
             "local object's allocation or free into its function; 0 "
             "disables"));
static cl::opt<uint64_t> MaxCloneInstructions(
    "escape-max-clone-instructions", cl::init(2000),
    cl::desc("Instructions the escape pass may copy per module into callees "
             "without a deallocation (ownership transfer); 0 disables"));
static cl::opt<bool>
    Demote("escape-demote", cl::init(true),
           cl::desc("Move non-escaping allocations to the stack"));

EscapeOptions escapeOptions() {
  EscapeOptions Opts;
  Opts.MaxObjectSize = MaxObjectSize;
  Opts.MaxFrameSize = MaxFrameSize;
  Opts.MaxRecursiveFrameSize = MaxRecursiveFrameSize;
  Opts.MaxVariableSize = MaxVariableSize;
  Opts.MaxArenaSize = MaxArenaSize;
  Opts.MaxInlineInstructions = MaxInlineInstructions;
  Opts.MaxCloneInstructions = MaxCloneInstructions;
  Opts.Demote = Demote;
  return Opts;
}

/// A `[Bytes x i8]` slot in \p F's entry block (where SROA promotes), with
/// the alignment \p Site's allocator guarantees.
static AllocaInst *createEntrySlot(const AllocationSite &Site, uint64_t Bytes,
                                   Function &F) {
  const DataLayout &DL = F.getParent()->getDataLayout();
  IRBuilder<> Entry(&F.getEntryBlock(),
                    F.getEntryBlock().getFirstInsertionPt());
  AllocaInst *Slot = Entry.CreateAlloca(
      ArrayType::get(Entry.getInt8Ty(), Bytes), DL.getAllocaAddrSpace(),
      nullptr, Site.Call->getName() + ".stack");
  Slot->setAlignment(Site.Alignment);
  return Slot;
}

/// Replaces the allocation call of \p Site by an entry-block alloca.
/// \p Markers: lifetime markers at the allocation and the frees (not when a
/// callee frees it too, as the slot then stays live to the function's end).
static void demote(const AllocationSite &Site, ArrayRef<CallBase *> Frees,
                   Function &F, bool Markers) {
  CallBase *Call = Site.Call;
  uint64_t Size = std::max<uint64_t>(*Site.Size, 1);
  AllocaInst *Slot = createEntrySlot(Site, Size, F);

  // An invoke of an allocation function becomes a call: the stack slot
  // cannot throw std::bad_alloc.
  if (auto *II = dyn_cast<InvokeInst>(Call))
    Call = changeToCall(II);

  IRBuilder<> At(Call);
  At.SetCurrentDebugLocation(Call->getDebugLoc());
  Markers &= !Frees.empty();
  if (Markers)
    At.CreateLifetimeStart(Slot, At.getInt64(Size));
  if (Site.ZeroInit)
    At.CreateMemSet(Slot, At.getInt8(0), At.getInt64(Size), Site.Alignment);
  Call->replaceAllUsesWith(Slot);
  Call->eraseFromParent();

  for (CallBase *Free : Frees) {
    IRBuilder<> B(Free);
    B.SetCurrentDebugLocation(Free->getDebugLoc());
    if (Markers)
      B.CreateLifetimeEnd(Slot, B.getInt64(Size));
    if (auto *II = dyn_cast<InvokeInst>(Free))
      Free = changeToCall(II);
    Free->eraseFromParent();
    ++NumFreesRemoved;
  }
  ++NumDemoted;
  NumDemotedBytes += Size;
}

/// A variable-size site: `n <= Limit ? entry-block buffer : the original
/// call`, and each free runs only when the pointer is not the buffer. After
/// Go 1.25's stack buffer for small variable-size make.
static void demoteVariable(const AllocationSite &Site,
                           ArrayRef<CallBase *> Frees, Function &F,
                           uint64_t Limit) {
  auto *Call = cast<CallInst>(Site.Call);
  AllocaInst *Slot = createEntrySlot(Site, Limit, F);

  Value *Size = Call->getArgOperand(0);
  IRBuilder<> B(Call);
  B.SetCurrentDebugLocation(Call->getDebugLoc());
  Value *Small = B.CreateICmpULE(Size, ConstantInt::get(Size->getType(), Limit),
                                 "escape.small");
  Instruction *ThenTerm, *ElseTerm;
  SplitBlockAndInsertIfThenElse(Small, Call, &ThenTerm, &ElseTerm);
  BasicBlock *Join = Call->getParent();
  Call->moveBefore(ElseTerm);
  PHINode *P = PHINode::Create(Call->getType(), 2, Call->getName() + ".p");
  P->insertBefore(Join->begin());
  P->addIncoming(Slot, ThenTerm->getParent());
  Call->replaceAllUsesWith(P);
  P->addIncoming(Call, ElseTerm->getParent());
  // The heap path keeps its own semantics; it may not be a tail call
  // either way.
  Call->setTailCallKind(CallInst::TCK_None);

  for (CallBase *Free : Frees) {
    // free(p), operator delete(p, ...): the pointer is the first argument.
    IRBuilder<> FB(Free);
    FB.SetCurrentDebugLocation(Free->getDebugLoc());
    Value *OnHeap =
        FB.CreateICmpNE(Free->getArgOperand(0), Slot, "escape.onheap");
    if (auto *II = dyn_cast<InvokeInst>(Free))
      Free = changeToCall(II);
    Instruction *Then = SplitBlockAndInsertIfThen(OnHeap, Free, false);
    Free->moveBefore(Then);
    if (auto *CI = dyn_cast<CallInst>(Free))
      CI->setTailCallKind(CallInst::TCK_None);
    ++NumFreesRemoved;
  }
  ++NumDemoted;
}

namespace {
/// One site to move, the deallocations to remove with it, and the calls to
/// point at a copy of their callee without its deallocation.
struct PlannedMove {
  unsigned Site; ///< index into FunctionEscapeInfo::Sites
  SmallVector<CallBase *, 4> Frees;
  SmallVector<CalleeFree, 2> CalleeFrees;
};

/// The transform's decisions for one function, made before any IR changes
/// (the Attributor's updateImpl/manifest split): one decision per site, in
/// the order of FunctionEscapeInfo::Sites, and the moves that follow.
struct DemotionPlan {
  std::vector<SiteDecision> Decisions;
  SmallVector<PlannedMove, 8> Moves;
  /// The frame arena's size in bytes (0: none), the sites it takes and
  /// every deallocation that may see one of their objects.
  uint64_t ArenaBytes = 0;
  SmallVector<unsigned, 4> ArenaSites;
  SmallVector<CallBase *, 4> ArenaFrees;
};

/// Keep causes a frame arena answers: the object is local, and all that
/// failed is one fixed slot for it.
bool arenaAnswers(KeepCauseKind K) {
  switch (K) {
  case KeepCauseKind::NonConstantSize:
  case KeepCauseKind::FreedWithOthers:
  case KeepCauseKind::LiveAcrossIterations:
  case KeepCauseKind::StackBudgetExhausted:
    return true;
  default:
    return false;
  }
}

/// The sanitizers that check stack objects one by one: the arena's objects
/// would share one alloca's redzones, so these functions get no arena.
bool checksStackObjects(const Function &F) {
  return F.hasFnAttribute(Attribute::SanitizeAddress) ||
         F.hasFnAttribute(Attribute::SanitizeHWAddress) ||
         F.hasFnAttribute(Attribute::SanitizeMemTag);
}
} // namespace

/// Decides, for each site of \p Info, whether it can be moved. Reads the
/// analysis result and the IR; changes nothing.
static DemotionPlan planDemotions(const FunctionEscapeInfo &Info, Function &F,
                                  FunctionAnalysisManager &FAM,
                                  const EscapeOptions &Opts, FrameExits &Exits,
                                  CalleeClones &Clones) {
  DemotionPlan Result;
  std::vector<SiteDecision> &Decisions = Result.Decisions;
  Decisions.assign(Info.Sites.size(), SiteDecision());
  if (Info.Sites.empty())
    return Result;
  const TargetLibraryInfo &TLI = FAM.getResult<TargetLibraryAnalysis>(F);
  KeepCause Disabled;
  if (Info.Skipped != SkipReason::None)
    Disabled = KeepCause::notAnalysed(Info.Skipped);
  else if (F.hasOptNone())
    Disabled = KeepCauseKind::OptimizationDisabled;
  else if (!Opts.Demote)
    Disabled = KeepCauseKind::DemotionDisabled;
  else if (F.hasFnAttribute(KeepHeapAttr))
    Disabled = KeepCauseKind::DisabledForFunction;

  LoopInfo *LI = nullptr;
  bool Irreducible = false;
  uint64_t Budget =
      Info.Recursive ? Opts.MaxRecursiveFrameSize : Opts.MaxFrameSize;
  uint64_t Used = 0;
  SmallVector<PlannedMove, 8> &Plans = Result.Moves;
  // Constant-size sites planned for demotion: their calls will be allocas,
  // which cannot unwind.
  SmallPtrSet<const CallBase *, 8> Planned;
  // Calls planned to call a copy of their callee: the argument it is for.
  DenseMap<const CallBase *, std::pair<unsigned, unsigned>> Redirected;

  // Decides one site; a `return` leaves it undecided-for-now or decided.
  auto Consider = [&](unsigned I) {
    const SiteVerdict &V = Info.Sites[I];
    SiteDecision &D = Decisions[I];
    // An escaping object is still a candidate when the function frees it on
    // every path before returning: its frees are then the ones to remove.
    std::optional<FreedBeforeReturn> Freed;
    if (V.Escapes) {
      if (!Disabled && !V.Site.NotDemotable) {
        FreedBeforeReturn FB = freedBeforeReturn(V.Site, TLI, Exits, Planned);
        if (FB.Holds)
          Freed = std::move(FB);
      }
      if (!Freed) {
        D.Result = Outcome::Escapes;
        return;
      }
    }
    auto Keep = [&](KeepCause Why) {
      assert(Why && "a site kept on the heap has a cause");
      if (Freed) { // it escapes; the freed-before-return rule did not help
        LLVM_DEBUG(dbgs() << "escape: " << *V.Site.Call
                          << " freed before return, but kept: "
                          << describeKeep(Why) << "\n");
        D.Result = Outcome::Escapes;
        return;
      }
      LLVM_DEBUG(dbgs() << "escape: keeping " << *V.Site.Call
                        << " on the heap: " << describeKeep(Why) << "\n");
      D.Result = Outcome::KeptOnHeap;
      D.Keep = std::move(Why);
    };
    const AllocationSite &S = V.Site;
    if (Disabled) {
      Keep(Disabled);
      return;
    }
    if (S.NotDemotable) {
      Keep(S.NotDemotable);
      return;
    }
    // A variable size gets a stack buffer of MaxVariableSize bytes behind
    // a runtime check (demoteVariable); only plain calls of new, new[] and
    // malloc, whose size is their first argument.
    bool Variable = !S.Size;
    if (Variable &&
        (!Opts.MaxVariableSize || !isa<CallInst>(S.Call) ||
         (S.Kind != AllocKind::New && S.Kind != AllocKind::NewArray &&
          S.Kind != AllocKind::Malloc) ||
         S.Call->arg_size() != 1)) {
      Keep(KeepCauseKind::NonConstantSize);
      return;
    }
    uint64_t Bytes = Variable ? Opts.MaxVariableSize : *S.Size;
    if (Bytes > Opts.MaxObjectSize) {
      Keep(Variable ? KeepCause(KeepCauseKind::NonConstantSize)
                    : KeepCause::tooLarge(Bytes));
      return;
    }
    SmallVector<CallBase *, 4> Frees;
    SmallVector<CalleeFree, 2> CalleeFrees;
    if (Freed) {
      // Dead before the allocation can run again: one slot serves a loop.
      Frees = std::move(Freed->Calls);
    } else {
      MatchedFrees MF = matchFrees(Info, S, TLI);
      if (MF.Blocker) {
        Keep(MF.Blocker);
        return;
      }
      if (!LI) {
        LI = &FAM.getResult<LoopAnalysis>(F);
        ReversePostOrderTraversal<Function *> RPOT(&F);
        Irreducible = containsIrreducibleCFG<const BasicBlock *>(RPOT, *LI);
      }
      if (liveAcrossIterations(Info, S, *LI, Irreducible)) {
        Keep(KeepCauseKind::LiveAcrossIterations);
        return;
      }
      Frees = std::move(MF.Calls);
      CalleeFrees = std::move(MF.CalleeFrees);
    }
    // Freed inside callees: each call gets a copy of its callee without the
    // deallocation, one argument per call, and only for a constant size (a
    // variable-size site may still be on the heap, which the copy would
    // leak).
    auto FreedInside = [&](const CalleeFree &CF) {
      return KeepCause::named(KeepCauseKind::MayBeFreedInCallee,
                              prettyFunctionName(CF.Callee->getName()));
    };
    // The argument each call is redirected for, planned before or here.
    auto Conflicts = [&](const CalleeFree &CF) {
      std::pair<unsigned, unsigned> Want(CF.ArgNo, CF.Level);
      auto It = Redirected.find(CF.Call);
      if (It != Redirected.end() && It->second != Want)
        return true;
      return llvm::any_of(CalleeFrees, [&](const CalleeFree &O) {
        return O.Call == CF.Call && std::make_pair(O.ArgNo, O.Level) != Want;
      });
    };
    for (const CalleeFree &CF : CalleeFrees)
      if (Variable || Conflicts(CF)) {
        Keep(FreedInside(CF));
        return;
      }
    if (Used + Bytes > Budget) {
      Keep(KeepCauseKind::StackBudgetExhausted);
      return;
    }
    for (const CalleeFree &CF : CalleeFrees)
      if (!Clones.reserve(CF)) {
        Keep(Opts.MaxCloneInstructions
                 ? KeepCause::named(KeepCauseKind::CloneBudgetExhausted,
                                    FreedInside(CF).Name)
                 : FreedInside(CF));
        return;
      }
    for (const CalleeFree &CF : CalleeFrees)
      Redirected[CF.Call] = {CF.ArgNo, CF.Level};
    Used += Bytes;
    if (!Variable)
      Planned.insert(S.Call);
    // Also takes the site out of the retries below.
    D.Result = Freed ? Outcome::MovedFreed : Outcome::Moved;
    Plans.push_back({I, std::move(Frees), std::move(CalleeFrees)});
  };

  for (unsigned I = 0; I < Info.Sites.size(); ++I)
    Consider(I);
  // A walk that stopped at a `new` that may throw can pass once that `new`
  // is planned to become an alloca: retry the escaping sites while that
  // makes progress (objects made one after another, freed in reverse).
  for (unsigned Round = 0; Round < 8; ++Round) {
    size_t Before = Plans.size();
    for (unsigned I = 0; I < Info.Sites.size(); ++I)
      if (Info.Sites[I].Escapes && Decisions[I].Result == Outcome::Escapes)
        Consider(I);
    if (Plans.size() == Before)
      break;
  }
  for (const PlannedMove &P : Plans)
    if (!Info.Sites[P.Site].Site.Size)
      Decisions[P.Site].StackBufferBytes = Opts.MaxVariableSize;

  // What no fixed slot could take goes to one frame arena, within what is
  // left of the frame budget; a recursive function's arena, taken once per
  // level of recursion, is at most a quarter of its budget. A function that
  // calls setjmp gets none: the arena's state is kept in registers, which
  // a longjmp back would find as they were at the setjmp.
  uint64_t ArenaLimit =
      Info.Recursive ? Opts.MaxRecursiveFrameSize / 4 : Opts.MaxArenaSize;
  uint64_t ArenaBytes = alignDown(std::min({Opts.MaxArenaSize, ArenaLimit,
                                            Budget - std::min(Budget, Used)}),
                                  ArenaHeaderBytes);
  if (Disabled || ArenaBytes < MinArenaBytes || checksStackObjects(F) ||
      F.callsFunctionThatReturnsTwice())
    return Result;
  SetVector<CallBase *> ArenaFrees;
  for (unsigned I = 0; I < Info.Sites.size(); ++I) {
    SiteDecision &D = Decisions[I];
    const AllocationSite &S = Info.Sites[I].Site;
    if (D.Result != Outcome::KeptOnHeap || !arenaAnswers(D.Keep.Kind) ||
        !fitsFrameArena(S) ||
        (S.Size && *S.Size > ArenaBytes - ArenaHeaderBytes))
      continue;
    MatchedFrees MF = matchArenaFrees(Info, S, TLI);
    if (MF.Blocker) {
      LLVM_DEBUG(dbgs() << "escape: no frame arena for " << *S.Call << ": "
                        << describeKeep(MF.Blocker) << "\n");
      continue;
    }
    ArenaFrees.insert(MF.Calls.begin(), MF.Calls.end());
    Result.ArenaSites.push_back(I);
    D.Result = Outcome::Moved;
    D.Keep = KeepCause();
    D.FrameArena = true;
    D.StackBufferBytes = ArenaBytes;
  }
  if (!Result.ArenaSites.empty()) {
    Result.ArenaBytes = ArenaBytes;
    Result.ArenaFrees.assign(ArenaFrees.begin(), ArenaFrees.end());
  }
  return Result;
}

/// Moves the sites \p Plan says to move. Returns true if the IR changed.
static bool applyDemotionPlan(const FunctionEscapeInfo &Info,
                              const DemotionPlan &Plan, Function &F,
                              const EscapeOptions &Opts, CalleeClones &Clones) {
  if (Plan.Moves.empty() && Plan.ArenaSites.empty())
    return false;
  for (const PlannedMove &P : Plan.Moves) {
    const AllocationSite &S = Info.Sites[P.Site].Site;
    const SiteDecision &D = Plan.Decisions[P.Site];
    assert((D.Result == Outcome::Moved || D.Result == Outcome::MovedFreed) &&
           "a planned site is decided as moved");
    assert((!Info.Sites[P.Site].Escapes || D.Result == Outcome::MovedFreed) &&
           "an escaping site is moved only when freed before return");
    assert(Opts.Demote && "nothing is moved with demotion disabled");
    assert((S.Size || P.CalleeFrees.empty()) &&
           "a variable-size site is never freed in a callee copy");
    if (S.Size)
      demote(S, P.Frees, F, /*Markers=*/P.CalleeFrees.empty());
    else
      demoteVariable(S, P.Frees, F, D.StackBufferBytes);
    for (const CalleeFree &CF : P.CalleeFrees) {
      Function *Copy = Clones.get(CF);
      assert((CF.Call->getCalledFunction() == CF.Callee ||
              CF.Call->getCalledFunction() == Copy) &&
             "a call is pointed at one copy only");
      CF.Call->setCalledFunction(Copy);
    }
  }
  if (!Plan.ArenaSites.empty()) {
    assert(Plan.ArenaBytes >= MinArenaBytes && "an arena has room");
    FrameArena Arena(F, Plan.ArenaBytes);
    for (unsigned I : Plan.ArenaSites) {
      assert(Plan.Decisions[I].FrameArena && !Info.Sites[I].Escapes &&
             "only non-escaping objects go to the frame arena");
      Arena.allocate(Info.Sites[I].Site);
      ++NumArenaSites;
    }
    for (CallBase *Free : Plan.ArenaFrees)
      Arena.release(Free);
    Arena.finish();
  }
  // A demoted object may now be passed to a call marked `tail`, which
  // promises the callee does not access the caller's stack.
  for (Instruction &I : instructions(F))
    if (auto *CI = dyn_cast<CallInst>(&I))
      if (CI->isTailCall() && !CI->isMustTailCall())
        CI->setTailCallKind(CallInst::TCK_None);
  return true;
}

/// Remarks with pass name `escape`, one per site and per pointer parameter.
static void emitRemarks(Function &F, const FunctionEscapeInfo &Info,
                        const std::vector<SiteDecision> &Decisions,
                        const std::vector<std::string> &Spellings,
                        const std::vector<DebugLoc> &Locs,
                        const std::vector<BasicBlock *> &Blocks) {
  OptimizationRemarkEmitter ORE(&F);
  for (unsigned I = 0; I < Info.Sites.size(); ++I) {
    const SiteVerdict &V = Info.Sites[I];
    const SiteDecision &D = Decisions[I];
    BasicBlock *BB = Blocks[I];
    switch (D.Result) {
    case Outcome::Moved:
    case Outcome::MovedFreed:
      ORE.emit([&] {
        return OptimizationRemark(DEBUG_TYPE, "MovedToStack", Locs[I], BB)
               << Spellings[I] << " "
               << describeOutcome(D.Result, describeCause(V.Cause), D.Keep,
                                  D.StackBufferBytes, D.FrameArena);
      });
      break;
    case Outcome::Escapes:
      ORE.emit([&] {
        return OptimizationRemarkMissed(DEBUG_TYPE, "EscapesToHeap", Locs[I],
                                        BB)
               << Spellings[I]
               << " escapes to heap: " << describeCause(V.Cause);
      });
      break;
    case Outcome::KeptOnHeap:
    case Outcome::NoEscape:
      ORE.emit([&] {
        return OptimizationRemarkMissed(DEBUG_TYPE, "KeptOnHeap", Locs[I], BB)
               << Spellings[I]
               << " does not escape; kept on heap: " << describeKeep(D.Keep);
      });
      break;
    }
  }
  for (const ParamVerdict &P : Info.Params) {
    if (!P.Arg->getType()->isPointerTy())
      continue;
    if (!ORE.enabled())
      continue;
    OptimizationRemarkAnalysis R(DEBUG_TYPE, "Param",
                                 DiagnosticLocation(F.getSubprogram()),
                                 &F.getEntryBlock());
    R << describeParam(P.Summary, sourceName(P.Arg));
    ORE.emit(R);
  }
}

namespace {
/// The pass parameters that take a size, and where they go.
struct SizeParam {
  const char *Name;
  uint64_t EscapeOptions::*Field;
  const char *Unit;
};
const SizeParam SizeParams[] = {
    {"max-object-size", &EscapeOptions::MaxObjectSize, "bytes"},
    {"max-frame-size", &EscapeOptions::MaxFrameSize, "bytes"},
    {"max-recursive-frame-size", &EscapeOptions::MaxRecursiveFrameSize,
     "bytes"},
    {"max-variable-size", &EscapeOptions::MaxVariableSize, "bytes"},
    {"max-arena-size", &EscapeOptions::MaxArenaSize, "bytes"},
    {"max-clone-instructions", &EscapeOptions::MaxCloneInstructions,
     "instructions"},
    {"max-inline-instructions", &EscapeOptions::MaxInlineInstructions,
     "instructions"},
};
} // namespace

Expected<EscapeOptions> parseEscapePassParams(StringRef Params,
                                              EscapeOptions Base) {
  EscapeOptions Opts = Base;
  while (!Params.empty()) {
    StringRef P;
    std::tie(P, Params) = Params.split(';');
    if (P == "demote" || P == "no-demote") {
      Opts.Demote = P == "demote";
      continue;
    }
    auto [Name, Value] = P.split('=');
    const SizeParam *Found = nullptr;
    for (const SizeParam &S : SizeParams)
      if (Name == S.Name)
        Found = &S;
    if (!Found)
      return createStringError(inconvertibleErrorCode(),
                               "invalid escape pass parameter '%s'",
                               P.str().c_str());
    uint64_t Bytes;
    if (Value.empty() || Value.getAsInteger(10, Bytes))
      return createStringError(
          inconvertibleErrorCode(),
          "invalid size '%s' for escape pass parameter '%s' (%s)",
          Value.str().c_str(), Name.str().c_str(), Found->Unit);
    Opts.*(Found->Field) = Bytes;
  }
  return Opts;
}

void EscapePass::printPipeline(raw_ostream &OS,
                               function_ref<StringRef(StringRef)>) {
  const EscapeOptions Defaults;
  SmallVector<std::string, 4> Params;
  for (const SizeParam &S : SizeParams)
    if (Opts.*(S.Field) != Defaults.*(S.Field))
      Params.push_back(std::string(S.Name) + "=" +
                       std::to_string(Opts.*(S.Field)));
  if (Opts.Demote != Defaults.Demote)
    Params.push_back(Opts.Demote ? "demote" : "no-demote");
  OS << "escape";
  if (!Params.empty())
    OS << "<" << join(Params, ";") << ">";
}

PreservedAnalyses EscapePass::run(Module &M, ModuleAnalysisManager &MAM) {
  markAnnotatedFunctions(M);
  // At link time (LTO) no clang plugin is there to take the records: the
  // compile steps carried their source side in the module, and the report
  // is made here, once.
  ReportSink *Sink = this->Sink;
  std::vector<CarriedReport> Carried;
  std::unique_ptr<ReportSink> LinkSink;
  if (!Sink) {
    Carried = takeCarriedReports(M);
    if (!Carried.empty()) {
      LinkSink = std::make_unique<ReportSink>();
      LinkSink->Recording = true;
      Sink = LinkSink.get();
    }
  }
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  auto GetTLI = [&](Function &F) -> const TargetLibraryInfo & {
    return FAM.getResult<TargetLibraryAnalysis>(F);
  };
  // Library functions declared after the pipeline's InferFunctionAttrs
  // (InstCombine turns memcmp into bcmp, printf into puts) get the
  // attributes that pass gives the others (nocapture, readonly, ...):
  // what the analysis knows of a declaration.
  bool Changed = false;
  PreservedAnalyses Inferred = InferFunctionAttrsPass().run(M, MAM);
  if (!Inferred.areAllPreserved()) {
    Changed = true;
    MAM.invalidate(M, Inferred);
  }
  // Virtual calls on objects of known type become direct calls first, so
  // that the analysis applies their callees' summaries.
  if (Opts.Demote && resolveKnownTypeCalls(M, GetTLI).changed()) {
    Changed = true;
    MAM.invalidate(M, PreservedAnalyses::none());
  }
  // Calls that keep a local object on the heap (the allocation or a free
  // out of line) are inlined, the callers cleaned up, and the module
  // analysed again; nested helpers take another round.
  uint64_t InlineBudget = Opts.Demote ? Opts.MaxInlineInstructions : 0;
  // What inlining left behind in \p Fns, cleaned up for the analysis.
  auto CleanUp = [&](ArrayRef<Function *> Fns) {
    MAM.invalidate(M, PreservedAnalyses::none());
    FunctionPassManager Cleanup;
    Cleanup.addPass(SROAPass(SROAOptions::ModifyCFG));
    Cleanup.addPass(EarlyCSEPass());
    Cleanup.addPass(InstCombinePass());
    Cleanup.addPass(SimplifyCFGPass());
    for (Function *F : Fns) {
      Cleanup.run(*F, FAM);
      FAM.invalidate(*F, PreservedAnalyses::none());
    }
    MAM.invalidate(M, PreservedAnalyses::none());
  };
  // Library copies (LibraryCopies.h) were kept from the pipeline's inliner
  // for this: only escape-driven inlining takes them.
  bool Lifted = false;
  SmallVector<Function *, 8> Merged = liftLibraryCopies(M, Lifted);
  Changed |= Lifted;
  if (!Merged.empty())
    CleanUp(Merged);
  for (unsigned Round = 0; Round < 3 && InlineBudget; ++Round) {
    SmallSetVector<Function *, 8> Inlined = inlineForDemotion(
        M, MAM.getResult<EscapeAnalysis>(M), InlineBudget, FAM);
    if (Inlined.empty())
      break;
    Changed = true;
    CleanUp(Inlined.getArrayRef());
  }
  const EscapeResult &R = MAM.getResult<EscapeAnalysis>(M);

  FrameExits Exits(GetTLI);
  CalleeClones Clones(R, Opts.Demote ? Opts.MaxCloneInstructions : 0);
  for (const auto &KV : R.Functions) {
    const FunctionEscapeInfo &Info = KV.second;
    Function &F = const_cast<Function &>(*Info.F);
    // What the remarks need from the calls before they are replaced.
    std::vector<std::string> Spellings;
    std::vector<DebugLoc> Locs;
    std::vector<BasicBlock *> Blocks;
    for (const SiteVerdict &V : Info.Sites) {
      Spellings.push_back(describeAllocation(V.Site));
      Locs.push_back(V.Site.Call->getDebugLoc());
      Blocks.push_back(V.Site.Call->getParent());
    }
    // The report's view of each site, before the rewrite erases what the
    // sites' flow paths point to.
    std::vector<SiteRecord> Records;
    if (Sink && Sink->Recording)
      for (unsigned I = 0; I < Info.Sites.size(); ++I)
        Records.push_back(
            recordSiteSource(Info.Sites[I], Spellings[I], F.getName()));
    DemotionPlan Plan = planDemotions(Info, F, FAM, Opts, Exits, Clones);
    const std::vector<SiteDecision> &Decisions = Plan.Decisions;
    assert(Decisions.size() == Info.Sites.size() && "one decision per site");
    for (unsigned I = 0; I < Records.size(); ++I)
      recordSiteOutcome(*Sink, std::move(Records[I]), Decisions[I]);
    for (const SiteDecision &D : Decisions) {
      assert((D.Result == Outcome::KeptOnHeap) == bool(D.Keep) &&
             "a keep cause exactly for the sites kept on the heap");
      ++(D.Result == Outcome::Escapes ? NumSitesEscaping : NumSitesLocal);
      NumKeptOnHeap += D.Result == Outcome::KeptOnHeap;
    }
    bool FChanged = applyDemotionPlan(Info, Plan, F, Opts, Clones);
    emitRemarks(F, Info, Decisions, Spellings, Locs, Blocks);
    if (FChanged) {
      Changed = true;
      // The rewrite changed the CFG (size checks, invoke -> call): nothing
      // cached for F (dominator tree, loops) is valid for SROA.
      FAM.invalidate(F, PreservedAnalyses::none());
      FunctionPassManager FPM;
      FPM.addPass(SROAPass(SROAOptions::ModifyCFG));
      FPM.run(F, FAM);
      FAM.invalidate(F, PreservedAnalyses::none());
    }
  }
  if (Sink)
    Sink->EscapePassRan = true;
  if (LinkSink)
    reportAtLinkTime(M, std::move(Carried), *LinkSink);
  // What escape-driven inlining did not take is a call into the library
  // again; the analysis' results name those bodies, so they go last.
  if (dropLibraryCopies(M))
    Changed = true;
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace escape
