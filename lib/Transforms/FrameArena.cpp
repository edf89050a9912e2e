//===- FrameArena.cpp - One bounded stack arena per function -------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The arena operations are built once per module as internal functions, so
// that their IR reads as one piece (`opt -passes=escape` on a module with no
// inlining after it shows them as they are), and each call is inlined with
// llvm::InlineFunction right after the rewrite; SROA then promotes `top`
// and `last` to registers.
//
//===----------------------------------------------------------------------===//

#include "FrameArena.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/Local.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

namespace escape {

static constexpr const char *AllocateName = "escape.arena.allocate";
static constexpr const char *ReleaseName = "escape.arena.release";

bool fitsFrameArena(const AllocationSite &Site) {
  return (Site.Kind == AllocKind::New || Site.Kind == AllocKind::NewArray ||
          Site.Kind == AllocKind::Malloc) &&
         Site.Call->arg_size() == 1 &&
         Site.Call->getArgOperand(0)->getType()->isIntegerTy(64) &&
         Site.Alignment.value() <= ArenaHeaderBytes;
}

/// A new internal function \p Name of type \p Ty in \p M, or the one made
/// before.
static Function *internalFunction(Module &M, StringRef Name, FunctionType *Ty) {
  if (Function *F = M.getFunction(Name)) {
    assert(F->getFunctionType() == Ty && F->hasLocalLinkage() &&
           "the arena operations have one definition per module");
    return F;
  }
  Function *F = Function::Create(Ty, GlobalValue::InternalLinkage, Name, M);
  F->addFnAttr(Attribute::NoUnwind);
  F->addFnAttr(Attribute::WillReturn);
  F->addFnAttr(Attribute::AlwaysInline);
  return F;
}

/// `ptr @escape.arena.allocate(ptr %data, ptr %top, ptr %last, i64 %bytes,
/// i64 %n)`: a block for \p n bytes behind `*top`, or null when it does
/// not fit in \p bytes.
static Function *allocateFunction(Module &M) {
  LLVMContext &C = M.getContext();
  Type *Ptr = PointerType::getUnqual(C), *I64 = Type::getInt64Ty(C);
  Function *F = internalFunction(
      M, AllocateName,
      FunctionType::get(Ptr, {Ptr, Ptr, Ptr, I64, I64}, false));
  if (!F->empty())
    return F;
  Argument *Data = F->getArg(0), *Top = F->getArg(1), *Last = F->getArg(2),
           *Bytes = F->getArg(3), *N = F->getArg(4);
  BasicBlock *Entry = BasicBlock::Create(C, "entry", F);
  BasicBlock *Measure = BasicBlock::Create(C, "measure", F);
  BasicBlock *Take = BasicBlock::Create(C, "take", F);
  BasicBlock *Full = BasicBlock::Create(C, "full", F);
  IRBuilder<> B(Entry);
  // n > bytes can never fit, and rounding it up could wrap.
  B.CreateCondBr(B.CreateICmpUGT(N, Bytes, "huge"), Full, Measure);
  B.SetInsertPoint(Measure);
  Value *Used = B.CreateLoad(I64, Top, "used");
  // At least one unit, also for a zero-byte object: its address must lie
  // inside the arena (below data + bytes) for release to recognise it.
  Value *Rounded = B.CreateBinaryIntrinsic(
      Intrinsic::umax,
      B.CreateAnd(B.CreateAdd(N, B.getInt64(ArenaHeaderBytes - 1)),
                  B.getInt64(-int64_t(ArenaHeaderBytes))),
      B.getInt64(ArenaHeaderBytes), nullptr, "rounded");
  Value *Need = B.CreateAdd(Rounded, B.getInt64(ArenaHeaderBytes), "need");
  Value *Free = B.CreateSub(Bytes, Used, "free");
  B.CreateCondBr(B.CreateICmpULE(Need, Free, "fits"), Take, Full);
  B.SetInsertPoint(Take);
  Value *Header = B.CreateInBoundsGEP(B.getInt8Ty(), Data, Used, "header");
  B.CreateAlignedStore(B.CreateLoad(I64, Last, "prev"), Header, Align(16));
  B.CreateAlignedStore(
      B.getInt64(0),
      B.CreateInBoundsGEP(B.getInt8Ty(), Header, B.getInt64(8), "freed"),
      Align(8));
  Value *Object = B.CreateAdd(Used, B.getInt64(ArenaHeaderBytes), "object");
  B.CreateStore(Object, Last);
  B.CreateStore(B.CreateAdd(Used, Need, "used.next"), Top);
  B.CreateRet(B.CreateInBoundsGEP(B.getInt8Ty(), Data, Object, "p"));
  B.SetInsertPoint(Full);
  B.CreateRet(ConstantPointerNull::get(cast<PointerType>(Ptr)));
  return F;
}

/// `i1 @escape.arena.release(ptr %data, ptr %top, ptr %last, i64 %bytes,
/// ptr %p)`: false when \p p is not in the arena; else marks its block
/// freed, pops the freed blocks at the top, and returns true.
static Function *releaseFunction(Module &M) {
  LLVMContext &C = M.getContext();
  Type *Ptr = PointerType::getUnqual(C), *I64 = Type::getInt64Ty(C);
  Function *F = internalFunction(
      M, ReleaseName,
      FunctionType::get(Type::getInt1Ty(C), {Ptr, Ptr, Ptr, I64, Ptr}, false));
  if (!F->empty())
    return F;
  Argument *Data = F->getArg(0), *Top = F->getArg(1), *Last = F->getArg(2),
           *Bytes = F->getArg(3), *P = F->getArg(4);
  BasicBlock *Entry = BasicBlock::Create(C, "entry", F);
  BasicBlock *Mark = BasicBlock::Create(C, "mark", F);
  BasicBlock *Outside = BasicBlock::Create(C, "outside", F);
  BasicBlock *Loop = BasicBlock::Create(C, "pop.loop", F);
  BasicBlock *Check = BasicBlock::Create(C, "pop.check", F);
  BasicBlock *Pop = BasicBlock::Create(C, "pop", F);
  BasicBlock *Done = BasicBlock::Create(C, "done", F);
  IRBuilder<> B(Entry);
  // Unsigned: a pointer below the arena gives a huge offset.
  Value *Offset = B.CreateSub(B.CreatePtrToInt(P, I64),
                              B.CreatePtrToInt(Data, I64), "offset");
  B.CreateCondBr(B.CreateICmpULT(Offset, Bytes, "inside"), Mark, Outside);
  B.SetInsertPoint(Outside);
  B.CreateRet(B.getFalse());
  B.SetInsertPoint(Mark);
  Value *Header = B.CreateInBoundsGEP(
      B.getInt8Ty(), Data, B.CreateSub(Offset, B.getInt64(ArenaHeaderBytes)),
      "header");
  B.CreateAlignedStore(
      B.getInt64(1),
      B.CreateInBoundsGEP(B.getInt8Ty(), Header, B.getInt64(8), "freed"),
      Align(8));
  B.CreateBr(Loop);
  // while (last != 0 && block(last).freed) { top = header(last); last = prev; }
  B.SetInsertPoint(Loop);
  Value *L = B.CreateLoad(I64, Last, "last");
  B.CreateCondBr(B.CreateICmpEQ(L, B.getInt64(0), "empty"), Done, Check);
  B.SetInsertPoint(Check);
  Value *HeaderAt = B.CreateSub(L, B.getInt64(ArenaHeaderBytes), "at");
  Value *LastHeader =
      B.CreateInBoundsGEP(B.getInt8Ty(), Data, HeaderAt, "last.header");
  Value *Freed = B.CreateAlignedLoad(
      I64, B.CreateInBoundsGEP(B.getInt8Ty(), LastHeader, B.getInt64(8)),
      Align(8), "last.freed");
  B.CreateCondBr(B.CreateICmpNE(Freed, B.getInt64(0)), Pop, Done);
  B.SetInsertPoint(Pop);
  B.CreateStore(HeaderAt, Top);
  B.CreateStore(B.CreateAlignedLoad(I64, LastHeader, Align(16), "prev"), Last);
  B.CreateBr(Loop);
  B.SetInsertPoint(Done);
  B.CreateRet(B.getTrue());
  return F;
}

FrameArena::FrameArena(Function &F, uint64_t Bytes) : F(F), Bytes(Bytes) {
  assert(Bytes % ArenaHeaderBytes == 0 && Bytes >= MinArenaBytes &&
         "an arena holds whole 16-byte units");
  const DataLayout &DL = F.getParent()->getDataLayout();
  IRBuilder<> Entry(&F.getEntryBlock(),
                    F.getEntryBlock().getFirstInsertionPt());
  unsigned AS = DL.getAllocaAddrSpace();
  Data = Entry.CreateAlloca(ArrayType::get(Entry.getInt8Ty(), Bytes), AS,
                            nullptr, "escape.arena");
  Data->setAlignment(Align(ArenaHeaderBytes));
  Top = Entry.CreateAlloca(Entry.getInt64Ty(), AS, nullptr, "escape.arena.top");
  Last =
      Entry.CreateAlloca(Entry.getInt64Ty(), AS, nullptr, "escape.arena.last");
  Entry.CreateStore(Entry.getInt64(0), Top);
  Entry.CreateStore(Entry.getInt64(0), Last);
}

void FrameArena::allocate(const AllocationSite &Site) {
  assert(fitsFrameArena(Site) && "only plain new/new[]/malloc take the arena");
  CallBase *Call = Site.Call;
  Module &M = *F.getParent();
  BasicBlock *BB = Call->getParent();
  // The block that receives the result: after the call, or the normal
  // destination of an invoke, reached through a block of its own.
  BasicBlock *Join;
  if (auto *II = dyn_cast<InvokeInst>(Call))
    Join = SplitEdge(BB, II->getNormalDest());
  else
    Join = SplitBlock(BB, Call->getNextNode());
  BasicBlock *Heap =
      SplitBlock(BB, Call->getIterator(), static_cast<DominatorTree *>(nullptr),
                 nullptr, nullptr, "escape.arena.heap");
  // BB now ends in `br Heap`: try the arena first.
  Instruction *Br = BB->getTerminator();
  IRBuilder<> B(Br);
  B.SetCurrentDebugLocation(Call->getDebugLoc());
  Value *Args[] = {Data, Top, Last, B.getInt64(Bytes), Call->getArgOperand(0)};
  CallInst *P =
      B.CreateCall(allocateFunction(M), Args, Call->getName() + ".arena");
  Operations.push_back(P);
  B.CreateCondBr(B.CreateIsNotNull(P, "escape.in.arena"), Join, Heap);
  Br->eraseFromParent();
  PHINode *Phi = PHINode::Create(Call->getType(), 2, Call->getName() + ".p");
  Phi->insertBefore(Join->begin());
  Call->replaceUsesWithIf(Phi, [&](Use &U) { return U.getUser() != Phi; });
  Phi->addIncoming(P, BB);
  Phi->addIncoming(Call, Heap);
  // The heap path may now receive a stack address nowhere, but it is no
  // tail call either way.
  if (auto *CI = dyn_cast<CallInst>(Call))
    CI->setTailCallKind(CallInst::TCK_None);
}

void FrameArena::release(CallBase *Free) {
  Module &M = *F.getParent();
  // Deallocation functions do not throw: an invoke of one becomes a call.
  if (auto *II = dyn_cast<InvokeInst>(Free))
    Free = changeToCall(II);
  IRBuilder<> B(Free);
  B.SetCurrentDebugLocation(Free->getDebugLoc());
  Value *Args[] = {Data, Top, Last, B.getInt64(Bytes), Free->getArgOperand(0)};
  CallInst *Released =
      B.CreateCall(releaseFunction(M), Args, "escape.released");
  Operations.push_back(Released);
  Instruction *Then =
      SplitBlockAndInsertIfThen(B.CreateNot(Released), Free, false);
  Free->moveBefore(Then);
  if (auto *CI = dyn_cast<CallInst>(Free))
    CI->setTailCallKind(CallInst::TCK_None);
}

void FrameArena::finish() {
  for (CallInst *Op : Operations) {
    InlineFunctionInfo IFI;
    InlineResult R = InlineFunction(*Op, IFI);
    assert(R.isSuccess() && "the arena operations always inline");
    (void)R;
  }
  Operations.clear();
  Module &M = *F.getParent();
  for (const char *Name : {AllocateName, ReleaseName})
    if (Function *Op = M.getFunction(Name))
      if (Op->use_empty())
        Op->eraseFromParent();
}

} // namespace escape
