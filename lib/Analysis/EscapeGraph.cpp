//===- EscapeGraph.cpp - Locations and assignment edges of one function ---===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/EscapeGraph.h"
#include "GraphBuilder.h"
#include "escape/Messages.h"
#include "escape/SourceNames.h"

#include "llvm/IR/Argument.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalValue.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace escape {

EscapeGraph::EscapeGraph(const Function &F) : F(F) {
  addLocation(LocationKind::HeapSink, nullptr);
  addLocation(LocationKind::Result, nullptr);
  addLocation(LocationKind::UnknownObject, nullptr);
  addLocation(LocationKind::ThrownObject, nullptr);
}

LocationId EscapeGraph::addLocation(LocationKind K, const Value *IR) {
  Locations.push_back({K, IR});
  In.emplace_back();
  return Locations.size() - 1;
}

std::optional<LocationId> EscapeGraph::lookupValue(const Value *V) const {
  auto It = ValueLocs.find(V);
  if (It == ValueLocs.end())
    return std::nullopt;
  return It->second;
}

LocationId EscapeGraph::valueLocation(const Value *V) {
  auto [It, Inserted] = ValueLocs.try_emplace(V, 0);
  if (Inserted)
    It->second = addLocation(LocationKind::Value, V);
  return It->second;
}

std::optional<LocationId> EscapeGraph::lookupObject(const Value *V) const {
  auto It = ObjectLocs.find(V);
  if (It == ObjectLocs.end())
    return std::nullopt;
  return It->second;
}

std::optional<LocationId>
EscapeGraph::lookupParamContent(const Argument *A) const {
  auto It = ParamContentLocs.find(A);
  if (It == ParamContentLocs.end())
    return std::nullopt;
  return It->second;
}

LocationId EscapeGraph::paramContentLocation(const Argument *A) {
  auto [It, Inserted] = ParamContentLocs.try_emplace(A, 0);
  if (Inserted)
    It->second = addLocation(LocationKind::ParamContent, A);
  return It->second;
}

LocationId EscapeGraph::objectLocation(LocationKind K, const Value *V) {
  auto [It, Inserted] = ObjectLocs.try_emplace(V, 0);
  if (Inserted)
    It->second = addLocation(K, V);
  return It->second;
}

bool EscapeGraph::addEdge(LocationId Dst, LocationId Src, int Derefs,
                          FlowKind K, const Instruction *Where,
                          EscapeCause Cause, bool AsInteger) {
  assert(Derefs >= -1 && "an edge takes at most one address (derefs >= -1)");
  assert((Dst != heap() || K == FlowKind::Escape) &&
         "edges into {heap} carry a cause");
  // The strongest (fewest derefs) edge Dst = Src so far; an index instead
  // of a scan, as {heap} can have many thousands of incoming edges.
  const Location &D = location(Dst);
  AsInteger |= (D.Kind == LocationKind::Value && D.IR &&
                lookupValue(D.IR) == std::optional(Dst) &&
                holdsOnlyIntegers(D.IR->getType()));
  auto Stronger = [&](auto Found) {
    auto [It, Inserted] = Found;
    if (Inserted || Derefs < It->second) {
      It->second = Derefs;
      return true;
    }
    return false;
  };
  bool New = Dst == heap()
                 ? Stronger(HeapMinDerefs.try_emplace(
                       {Src, Where, unsigned(Cause.Kind), Cause.Subject,
                        unsigned(Cause.CalleeStoresToGlobal),
                        Cause.CalleeStoresThroughArg, unsigned(AsInteger)},
                       Derefs))
                 : Stronger(MinDerefs.try_emplace(
                       {Dst, Src, unsigned(AsInteger)}, Derefs));
  if (!New)
    return false;
  In[Dst].push_back({Src, Derefs, K, Where, Cause, AsInteger});
  return true;
}

std::string EscapeGraph::valueName(const Value *V) const {
  std::string S;
  raw_string_ostream OS(S);
  if (V->hasName()) {
    OS << (isa<GlobalValue>(V) ? "@" : "%") << V->getName();
    return S;
  }
  // Unnamed values print as their slot number, numbered as the IR printer
  // does (arguments, then each block and each non-void instruction
  // without a name), in the function they belong to (this graph's, or a
  // callee's whose parameter a flow passes). LLVM's slot tracker would
  // number every global of the module first, at each call: quadratic in a
  // module of many functions (a full-LTO module).
  const Function *Owner = nullptr;
  if (const auto *A = dyn_cast<Argument>(V))
    Owner = A->getParent();
  else if (const auto *BB = dyn_cast<BasicBlock>(V))
    Owner = BB->getParent();
  else if (const auto *I = dyn_cast<Instruction>(V))
    Owner = I->getFunction();
  // A call that returns nothing (a site of kind Call: push_back) has no
  // slot: it is named by its callee.
  if (const auto *CB = dyn_cast<CallBase>(V); CB && CB->getType()->isVoidTy())
    return CB->getCalledFunction()
               ? "{call to '" +
                     prettyFunctionName(CB->getCalledFunction()->getName()) +
                     "'}"
               : std::string("{indirect call}");
  if (!Owner) {
    // Constants print without the module's slots; an unnamed global has
    // none to print anyway.
    if (isa<GlobalValue>(V))
      OS << "@<unnamed>";
    else
      V->printAsOperand(OS, /*PrintType=*/false, /*M=*/nullptr);
    return S;
  }
  DenseMap<const Value *, unsigned> &Slots = SlotsByFunction[Owner];
  if (Slots.empty()) {
    unsigned N = 0;
    for (const Argument &A : Owner->args())
      if (!A.hasName())
        Slots[&A] = N++;
    for (const BasicBlock &BB : *Owner) {
      if (!BB.hasName())
        Slots[&BB] = N++;
      for (const Instruction &I : BB)
        if (!I.getType()->isVoidTy() && !I.hasName())
          Slots[&I] = N++;
    }
  }
  auto It = Slots.find(V);
  OS << "%" << (It != Slots.end() ? std::to_string(It->second) : "?");
  return S;
}

std::string voidCallName(const CallBase &CB) {
  if (const Function *Callee = CB.getCalledFunction())
    return "call @" + Callee->getName().str();
  return "call";
}

EscapeGraph::~EscapeGraph() = default;

std::string EscapeGraph::name(LocationId L) const {
  auto Label = Labels.find(L);
  if (Label != Labels.end())
    return Label->second;
  const Location &Loc = Locations[L];
  switch (Loc.Kind) {
  case LocationKind::HeapSink:
    return "{heap}";
  case LocationKind::Result:
    return "~r0";
  case LocationKind::UnknownObject:
    return "{unknown}";
  case LocationKind::ThrownObject:
    return "{thrown}";
  case LocationKind::StackObject:
  case LocationKind::HeapObject:
    return "{storage for " + valueName(Loc.IR) + "}";
  case LocationKind::ParamObject:
    return "*" + valueName(Loc.IR);
  case LocationKind::ParamContent:
    return "**" + valueName(Loc.IR);
  case LocationKind::GlobalObject:
    return valueName(Loc.IR);
  case LocationKind::Value:
    return valueName(Loc.IR);
  }
  return "?";
}

void EscapeGraph::print(raw_ostream &OS) const {
  for (LocationId L = 0; L < size(); ++L)
    for (const Edge &E : In[L]) {
      OS << "    " << name(L) << " = " << name(E.Src) << " (derefs " << E.Derefs
         << ")";
      if (E.AsInteger)
        OS << " as an integer";
      if (E.Kind == FlowKind::Escape)
        OS << ": " << describeCause(E.Cause);
      OS << "\n";
    }
  for (const StoreConstraint &S : Stores)
    OS << "    *" << name(S.Ptr) << " = " << name(S.Val)
       << (S.AsInteger ? " (an integer)" : "") << "\n";
}

} // namespace escape
