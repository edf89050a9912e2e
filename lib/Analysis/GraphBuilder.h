//===- GraphBuilder.h - IR to escape graph (internal) ---------------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Builds the EscapeGraph of one function: one visit method per instruction
// kind (this file's .cpp), calls in Calls.cpp. Like Go's expr.go / stmt.go /
// call.go, the builder only records flows; deciding is the solver's job.
//
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_LIB_ANALYSIS_GRAPHBUILDER_H
#define ESCAPE_LIB_ANALYSIS_GRAPHBUILDER_H

#include "escape/EscapeAnalysis.h"

#include "llvm/IR/InstVisitor.h"

namespace llvm {
class DataLayout;
class TargetLibraryInfo;
class Type;
} // namespace llvm

namespace escape {

class CallTargets;

/// Whether values of \p T may carry a pointer: pointers, integers at least
/// as wide as a pointer, aggregates and vectors of those.
bool mayHoldPointer(const llvm::Type *T, const llvm::DataLayout &DL);

/// Whether values of \p T hold no pointer type, only integers (and
/// aggregates and vectors of them): an address they carry was converted to
/// an integer, and what they carry may as well be no address (a length, a
/// difference of two addresses).
bool holdsOnlyIntegers(const llvm::Type *T);

/// Looks up the summary of a defined callee; null if it has none (yet).
using SummaryLookup =
    llvm::function_ref<const FunctionSummary *(const llvm::Function &)>;

class GraphBuilder : public llvm::InstVisitor<GraphBuilder> {
public:
  /// \p Targets resolves indirect calls (null: none is resolved).
  GraphBuilder(const llvm::Function &F, const llvm::TargetLibraryInfo &TLI,
               SummaryLookup Summaries, const CallTargets *Targets = nullptr);

  /// Builds the graph; allocation sites found go to \p Sites.
  std::unique_ptr<EscapeGraph> build(std::vector<AllocationSite> &Sites);

  // Instruction kinds (InstVisitor).
  void visitAllocaInst(llvm::AllocaInst &I);
  void visitLoadInst(llvm::LoadInst &I);
  void visitStoreInst(llvm::StoreInst &I);
  void visitAtomicCmpXchgInst(llvm::AtomicCmpXchgInst &I);
  void visitAtomicRMWInst(llvm::AtomicRMWInst &I);
  void visitReturnInst(llvm::ReturnInst &I);
  void visitIntToPtrInst(llvm::IntToPtrInst &I);
  void visitCmpInst(llvm::CmpInst &) {}
  void visitBranchInst(llvm::BranchInst &) {}
  void visitSwitchInst(llvm::SwitchInst &) {}
  void visitUnreachableInst(llvm::UnreachableInst &) {}
  void visitResumeInst(llvm::ResumeInst &) {}
  void visitFenceInst(llvm::FenceInst &) {}
  void visitCallBase(llvm::CallBase &CB);
  /// GEP, casts, phi, select, freeze, aggregates, integer arithmetic.
  void visitInstruction(llvm::Instruction &I);

  // Used by Calls.cpp.
  /// The location holding \p V's value, or none if it cannot hold a
  /// pointer the function tracks (null, integers constants, functions).
  std::optional<LocationId> operand(const llvm::Value *V);
  /// Whether values of \p T may carry a pointer (pointers, pointer-sized or
  /// wider integers, aggregates and vectors of those).
  bool mayHoldPointer(const llvm::Type *T) const;
  /// The result location of \p I if its type may hold a pointer.
  std::optional<LocationId> result(const llvm::Instruction &I);
  void unknownResult(const llvm::Instruction &I);

private:
  void exchange(llvm::Instruction &I, llvm::Value *Ptr, llvm::Value *Val);
  // Calls.cpp
  bool visitIntrinsic(llvm::CallBase &CB);
  bool visitMemoryBuiltin(llvm::CallBase &CB);
  void applySummary(llvm::CallBase &CB, const llvm::Function &Callee,
                    const FunctionSummary &S);
  bool applyTargetSummaries(llvm::CallBase &CB);
  void applyAttributes(llvm::CallBase &CB);
  /// `*Dst = *Src` done by the callee of \p CB (a summary's ContentStores,
  /// sprintf's `%s`): a location labelled \p Label holds what Src points
  /// to and is stored into what Dst points to.
  void copyContent(LocationId Dst, LocationId Src, const llvm::CallBase &CB,
                   std::string Label, bool AsInteger = false);

  const llvm::Function &F;
  const llvm::TargetLibraryInfo &TLI;
  const llvm::DataLayout &DL;
  SummaryLookup Summaries;
  const CallTargets *Targets;
  std::unique_ptr<EscapeGraph> G;
  std::vector<AllocationSite> *Sites = nullptr;
};

} // namespace escape

#endif
