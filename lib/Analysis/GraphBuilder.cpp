//===- GraphBuilder.cpp - IR instructions to escape-graph flows -----------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// One method per instruction kind. The rule for anything not modelled here
// is conservative: an operand that may hold a pointer escapes ("used by
// unsupported instruction"), and a result that may hold one points to
// unknown memory. IR the pass does not understand is therefore never a
// reason to demote.
//
//===----------------------------------------------------------------------===//

#include "GraphBuilder.h"

#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "escape"

using namespace llvm;

namespace escape {

GraphBuilder::GraphBuilder(const Function &F, const TargetLibraryInfo &TLI,
                           SummaryLookup Summaries, const CallTargets *Targets)
    : F(F), TLI(TLI), DL(F.getParent()->getDataLayout()), Summaries(Summaries),
      Targets(Targets) {}

std::unique_ptr<EscapeGraph>
GraphBuilder::build(std::vector<AllocationSite> &OutSites) {
  G = std::make_unique<EscapeGraph>(F);
  Sites = &OutSites;
  // Parameters: the value of a pointer parameter is the address of an
  // object the caller owns.
  for (const Argument &A : F.args())
    if (mayHoldPointer(A.getType())) {
      LocationId V = G->valueLocation(&A);
      LocationId O = G->objectLocation(LocationKind::ParamObject, &A);
      G->addEdge(V, O, -1, FlowKind::AddressOf, nullptr);
      G->paramContentLocation(&A);
    }
  visit(const_cast<Function &>(F));
  return std::move(G);
}

bool mayHoldPointer(const Type *T, const DataLayout &DL) {
  if (T->isPtrOrPtrVectorTy())
    return true;
  if (T->isIntOrIntVectorTy())
    return T->getScalarSizeInBits() >= DL.getPointerSizeInBits();
  if (const auto *ST = dyn_cast<StructType>(T))
    return any_of(ST->elements(),
                  [&](Type *E) { return mayHoldPointer(E, DL); });
  if (const auto *AT = dyn_cast<ArrayType>(T))
    return mayHoldPointer(AT->getElementType(), DL);
  return false;
}

bool holdsOnlyIntegers(const Type *T) {
  if (T->isIntOrIntVectorTy())
    return true;
  if (const auto *ST = dyn_cast<StructType>(T))
    return ST->getNumElements() != 0 &&
           all_of(ST->elements(),
                  [](const Type *E) { return holdsOnlyIntegers(E); });
  if (const auto *AT = dyn_cast<ArrayType>(T))
    return holdsOnlyIntegers(AT->getElementType());
  return false;
}

bool GraphBuilder::mayHoldPointer(const Type *T) const {
  return escape::mayHoldPointer(T, DL);
}

std::optional<LocationId> GraphBuilder::operand(const Value *V) {
  if (!mayHoldPointer(V->getType()))
    return std::nullopt;
  if (isa<Instruction>(V) || isa<Argument>(V))
    return G->valueLocation(V);
  if (isa<ConstantPointerNull>(V) || isa<UndefValue>(V) ||
      isa<ConstantInt>(V) || isa<Function>(V) || isa<ConstantAggregateZero>(V))
    return std::nullopt;
  if (const auto *GV = dyn_cast<GlobalVariable>(V)) {
    LocationId L = G->valueLocation(GV);
    LocationId O = G->objectLocation(LocationKind::GlobalObject, GV);
    G->addEdge(L, O, -1, FlowKind::AddressOf, nullptr);
    return L;
  }
  if (const auto *GA = dyn_cast<GlobalAlias>(V))
    return operand(GA->getAliasee());
  if (const auto *CE = dyn_cast<ConstantExpr>(V)) {
    // Constant GEPs and casts of a global address the global.
    if (isa<GEPOperator>(CE) || CE->isCast())
      return operand(CE->getOperand(0));
  }
  if (isa<Constant>(V)) {
    // Aggregates or expressions of addresses: point to what their pointer
    // operands point to, and to unknown memory.
    LocationId L = G->valueLocation(V);
    G->addEdge(L, G->unknown(), -1, FlowKind::AddressOf, nullptr);
    for (const Use &U : cast<Constant>(V)->operands())
      if (auto Op = operand(U.get()))
        G->addEdge(L, *Op, 0, FlowKind::Assign, nullptr);
    return L;
  }
  // Metadata, inline asm, basic-block addresses ...
  LocationId L = G->valueLocation(V);
  G->addEdge(L, G->unknown(), -1, FlowKind::AddressOf, nullptr);
  return L;
}

std::optional<LocationId> GraphBuilder::result(const Instruction &I) {
  if (!mayHoldPointer(I.getType()))
    return std::nullopt;
  return G->valueLocation(&I);
}

void GraphBuilder::unknownResult(const Instruction &I) {
  if (auto R = result(I))
    G->addEdge(*R, G->unknown(), -1, FlowKind::AddressOf, &I);
}

void GraphBuilder::visitAllocaInst(AllocaInst &I) {
  LocationId V = G->valueLocation(&I);
  LocationId O = G->objectLocation(LocationKind::StackObject, &I);
  G->addEdge(V, O, -1, FlowKind::AddressOf, &I);
}

void GraphBuilder::visitLoadInst(LoadInst &I) {
  auto R = result(I);
  if (!R)
    return;
  if (auto P = operand(I.getPointerOperand()))
    G->addEdge(*R, *P, 1, FlowKind::Load, &I);
  else
    G->addEdge(*R, G->unknown(), -1, FlowKind::AddressOf, &I);
}

void GraphBuilder::visitStoreInst(StoreInst &I) {
  auto V = operand(I.getValueOperand());
  if (!V)
    return;
  if (auto P = operand(I.getPointerOperand()))
    G->addStore(*P, *V, &I, holdsOnlyIntegers(I.getValueOperand()->getType()));
  else
    G->addEscape(*V, 0, &I, {EscapeCauseKind::StoredThroughUnknown});
}

/// `*Ptr = Val` and the instruction's result = the old `*Ptr`.
void GraphBuilder::exchange(Instruction &I, Value *Ptr, Value *Val) {
  auto P = operand(Ptr);
  if (auto V = operand(Val)) {
    if (P)
      G->addStore(*P, *V, &I, holdsOnlyIntegers(Val->getType()));
    else
      G->addEscape(*V, 0, &I, {EscapeCauseKind::StoredThroughUnknown});
  }
  if (auto R = result(I)) {
    if (P)
      G->addEdge(*R, *P, 1, FlowKind::Load, &I);
    else
      G->addEdge(*R, G->unknown(), -1, FlowKind::AddressOf, &I);
  }
}

void GraphBuilder::visitAtomicCmpXchgInst(AtomicCmpXchgInst &I) {
  exchange(I, I.getPointerOperand(), I.getNewValOperand());
}

void GraphBuilder::visitAtomicRMWInst(AtomicRMWInst &I) {
  exchange(I, I.getPointerOperand(), I.getValOperand());
}

void GraphBuilder::visitReturnInst(ReturnInst &I) {
  if (Value *RV = I.getReturnValue())
    if (auto V = operand(RV))
      G->addEdge(G->result(), *V, 0, FlowKind::Return, &I);
}

void GraphBuilder::visitIntToPtrInst(IntToPtrInst &I) {
  // An address made from an integer may point anywhere; if the integer came
  // from a tracked pointer (ptrtoint), it also points where that did.
  LocationId R = G->valueLocation(&I);
  G->addEdge(R, G->unknown(), -1, FlowKind::AddressOf, &I);
  if (auto Op = operand(I.getOperand(0)))
    G->addEdge(R, *Op, 0, FlowKind::Assign, &I);
}

void GraphBuilder::visitInstruction(Instruction &I) {
  // Value-preserving instructions: the result holds whatever its operands
  // hold (field-insensitive for aggregates and vectors).
  if (isa<GetElementPtrInst>(I) || isa<CastInst>(I) || isa<PHINode>(I) ||
      isa<SelectInst>(I) || isa<FreezeInst>(I) || isa<ExtractValueInst>(I) ||
      isa<InsertValueInst>(I) || isa<ExtractElementInst>(I) ||
      isa<InsertElementInst>(I) || isa<ShuffleVectorInst>(I) ||
      isa<BinaryOperator>(I) || isa<UnaryOperator>(I)) {
    auto R = result(I);
    // A select condition or a GEP index never carries the address.
    unsigned First = isa<SelectInst>(I) ? 1 : 0;
    unsigned Last = isa<GetElementPtrInst>(I) ? 1 : I.getNumOperands();
    for (unsigned Idx = First; Idx < Last; ++Idx) {
      auto Op = operand(I.getOperand(Idx));
      if (!Op)
        continue;
      if (R)
        G->addEdge(*R, *Op, 0, FlowKind::Assign, &I);
      // A pointer narrowed below pointer width cannot be rebuilt: no flow.
    }
    return;
  }
  // Not modelled: be conservative.
  LLVM_DEBUG(dbgs() << "escape: not modelled, its pointer operands escape: "
                    << I << "\n");
  for (const Use &U : I.operands())
    if (auto Op = operand(U.get()))
      G->addEscape(*Op, 0, &I,
                   {EscapeCauseKind::UnsupportedInstruction, nullptr, &I});
  unknownResult(I);
}

} // namespace escape
