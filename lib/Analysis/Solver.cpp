//===- Solver.cpp - Points-to for stores, shortest-deref walk -------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Two phases, both over the same graph:
//
// 1. Points-to (inclusion-based, Andersen 1994). pts(L) is the set of objects
//    L's value may point to:  edge derefs -1 adds the source object, 0 copies
//    pts(src), +k dereferences pts(src) k times (a parameter's object's
//    content is that parameter's ParamContent object, any other external
//    object's content the unknown object). Each store `*p = v` becomes the edge
//    `o = v` for every local object o in pts(p), or `{heap} = v` when pts(p)
//    holds an external object (or nothing the function can see). Clobbers add
//    the unknown object to the content of everything reachable from the
//    pointer. Repeated until nothing changes.
//
// 2. The walk (Go's solve.go, walkOne): from a root, a Bellman-Ford style
//    walk backwards over incoming edges keeps the minimal derefs at which
//    each location's value reaches the root. derefs < 0 means the location's
//    address reaches it: a local object then escapes (the root outlives it).
//    As in Go, derefs are clamped at 0 before following the object's own
//    incoming edges ("root = &l; l = x": x's value, not its address, flows
//    on), which makes escape transitive through stored pointers.
//
// Invariant: derefs never go below -1, and only decrease, so the walk ends.
//
//===----------------------------------------------------------------------===//

#include "Solver.h"
#include "GraphBuilder.h"
#include "OverwrittenStores.h"
#include "escape/Messages.h"
#include "escape/PointerUses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Argument.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/Debug.h"
#include <deque>
#include <map>
#include <set>

#define DEBUG_TYPE "escape"

using namespace llvm;

STATISTIC(NumSolverRounds, "Points-to rounds over escape graphs");

namespace escape {

namespace {

using PtsSet = SparseBitVector<>;

class Solver {
public:
  Solver(FunctionEscapeInfo &Info, SummaryLookup Summaries)
      : Info(Info), G(*Info.Graph), Summaries(Summaries),
        DL(Info.F->getParent()->getDataLayout()) {}

  void run() {
    solvePointsTo();
    resolveFieldEscapes();
    Walk Heap = walk(G.heap());
    Walk Res = walk(G.result());
    decideSites(Heap, Res);
    decideLocals(Heap, Res);
    // The parameters' leaks leave out the allocations handed to the caller
    // whose content the caller replays (FunctionSummary::FreshContents).
    std::vector<unsigned> Handoffs = freshHandoffs();
    if (Handoffs.empty()) {
      decideParams(Heap, Res);
      return;
    }
    Walk ParamHeap = walk(G.heap(), [&](unsigned I) {
      return llvm::is_contained(Handoffs, I);
    });
    decideParams(ParamHeap, Res);
  }

private:
  struct Walk {
    LocationId Root;
    std::vector<int> Derefs;
    std::vector<LocationId> Parent;
    std::vector<unsigned> ParentEdge;
    /// The edge into the root through which the best flow leaves it (its
    /// reason), kept apart from the parent chain, which a later decrease of
    /// derefs can bend into a cycle.
    std::vector<unsigned> RootEdge;
  };

  // --- Phase 1: points-to ------------------------------------------------

  PtsSet deref(const PtsSet &S) const {
    PtsSet Out;
    for (unsigned O : S)
      Out |= Pts[O]; // external objects: their fixed content (solvePointsTo)
    return Out;
  }

  bool propagate() {
    bool Changed = false;
    for (LocationId L = 0; L < G.size(); ++L) {
      for (const Edge &E : G.incoming(L)) {
        if (L == G.heap() || L == G.result())
          continue;
        if (E.Derefs < 0) {
          Changed |= Pts[L].test_and_set(E.Src);
        } else if (E.Derefs == 0) {
          if (E.Src != L)
            Changed |= Pts[L] |= Pts[E.Src];
        } else {
          PtsSet Add = deref(Pts[E.Src]);
          for (int K = 1; K < E.Derefs; ++K)
            Add = deref(Add);
          Changed |= Pts[L] |= Add;
        }
      }
    }
    return Changed;
  }

  /// Why a value stored into the external object \p O escapes.
  EscapeCause storeCause(LocationId O, const Instruction *Where) const {
    const Location &Loc = G.location(O);
    switch (Loc.Kind) {
    case LocationKind::ParamObject:
    case LocationKind::ParamContent:
      return {EscapeCauseKind::StoredThroughParam, Loc.IR, Where};
    case LocationKind::GlobalObject:
      return {EscapeCauseKind::StoredToGlobal, Loc.IR, Where};
    case LocationKind::ThrownObject:
      return {EscapeCauseKind::Thrown, nullptr, Where};
    default:
      return {EscapeCauseKind::StoredThroughUnknown, nullptr, Where};
    }
  }

  bool resolveStores() {
    bool Changed = false;
    for (const StoreConstraint &S : G.stores()) {
      const PtsSet &P = Pts[S.Ptr];
      for (unsigned O : P) {
        if (G.location(O).isLocalObject())
          Changed |= G.addEdge(O, S.Val, 0, FlowKind::Store, S.Where, {},
                               S.AsInteger);
        else if (!replayable(O, Pts[S.Val]))
          Changed |= addEscapeOnce(S.Val, 0, S.Where, storeCause(O, S.Where),
                                   S.AsInteger);
        // else: parameters' addresses or contents stored into a parameter's
        // object: the caller replays it (FunctionSummary::ParamStores,
        // ContentStores), or it writes back what was there.
      }
    }
    for (const ClobberConstraint &C : G.clobbers()) {
      // Everything reachable from the pointer may receive unknown pointers.
      PtsSet Seen, Work = Pts[C.Ptr];
      while (!Work.empty()) {
        unsigned O = Work.find_first();
        Work.reset(O);
        if (Seen.test(O))
          continue;
        Seen.set(O);
        if (!G.location(O).isLocalObject())
          continue;
        Changed |= Pts[O].test_and_set(G.unknown());
        Work |= Pts[O];
      }
    }
    return Changed;
  }

  /// A store into \p O of a value pointing to \p Val that the caller can
  /// replay: O is a parameter's object, and the value points only to
  /// parameters' objects or to parameters' contents, and perhaps to unknown
  /// memory (an integer from an unknown call added to a length read from
  /// the object, `len += strlen(s)`): the caller replays the parameters'
  /// part and clobbers the object for the unknown part (MayWrite), which
  /// was never local to anybody.
  bool replayable(LocationId O, const PtsSet &Val) const {
    if (G.location(O).Kind != LocationKind::ParamObject || Val.empty())
      return false;
    bool FromParams = false;
    for (unsigned V : Val) {
      LocationKind K = G.location(V).Kind;
      if (K == LocationKind::ParamObject || K == LocationKind::ParamContent)
        FromParams = true;
      else if (K != LocationKind::UnknownObject)
        return false;
    }
    return FromParams;
  }

  // --- Allocations handed to the caller (FunctionSummary::FreshContents) -

  /// The escapes (indices of edges into {heap}) of this function's own
  /// allocations that are only stores into parameters' objects
  /// (FreshInto), when every such allocation holds
  /// only what the parameters point to; their content flows go to
  /// Info.Summary.FreshContents. Empty when any one does not qualify.
  std::vector<unsigned> freshHandoffs() {
    std::vector<unsigned> Edges;
    PtsSet Fresh;
    const std::vector<Edge> &In = G.incoming(G.heap());
    for (unsigned I = 0; I < In.size(); ++I) {
      const Edge &E = In[I];
      if (E.Kind != FlowKind::Escape || E.Derefs != 0 ||
          E.Cause.Kind != EscapeCauseKind::StoredThroughParam)
        continue;
      const PtsSet &P = Pts[E.Src];
      bool AllFresh = !P.empty();
      for (unsigned O : P)
        AllFresh &= G.location(O).Kind == LocationKind::HeapObject;
      if (!AllFresh || !storedOnlyIntoParams(E))
        continue;
      Edges.push_back(I);
      Fresh |= P;
    }
    if (Edges.empty())
      return Edges;
    // Per argument, the least derefs at which it flows into any of them.
    std::vector<int> Least(G.function().arg_size(), INT_MAX);
    for (unsigned N : Fresh)
      if (!contentFromParams(N, Least))
        return {};
    for (unsigned A = 0; A < Least.size(); ++A)
      if (Least[A] != INT_MAX)
        Info.Summary.FreshContents.push_back({A, Least[A]});
    return Edges;
  }

  /// The escape edge \p E comes only from stores of its value into
  /// parameters' objects (and local objects, which are edges of their own).
  bool storedOnlyIntoParams(const Edge &E) const {
    bool Any = false;
    for (const StoreConstraint &S : G.stores()) {
      if (S.Val != E.Src || S.Where != E.Where)
        continue;
      for (unsigned O : Pts[S.Ptr]) {
        LocationKind K = G.location(O).Kind;
        if (K == LocationKind::ParamObject)
          Any = true;
        else if (!G.location(O).isLocalObject())
          return false;
      }
    }
    return Any;
  }

  /// Whether what flows into the content of the allocation \p N comes
  /// only from the parameters (at some derefs), never the address of this
  /// function's own memory, a global's or unknown memory; lowers \p Least
  /// to the derefs at which each argument flows in.
  bool contentFromParams(LocationId N, std::vector<int> &Least) const {
    Walk W = walk(N);
    for (LocationId L = 0; L < G.size(); ++L) {
      int D = W.Derefs[L];
      if (D == INT_MAX || L == N)
        continue;
      const Location &Loc = G.location(L);
      switch (Loc.Kind) {
      case LocationKind::Value:
        if (const auto *A = dyn_cast_or_null<Argument>(Loc.IR))
          Least[A->getArgNo()] =
              std::min(Least[A->getArgNo()], std::max(D, 0));
        break;
      case LocationKind::ParamObject:
      case LocationKind::ParamContent: {
        unsigned A = cast<Argument>(Loc.IR)->getArgNo();
        int Level = Loc.Kind == LocationKind::ParamObject ? 1 : 2;
        Least[A] = std::min(Least[A], std::max(D + Level, 0));
        break;
      }
      case LocationKind::StackObject:
      case LocationKind::HeapObject:
        // Their content is followed by the walk; their address is not the
        // caller's to see.
        if (D < 0)
          return false;
        break;
      default: // globals, unknown memory, the exception, sinks
        return false;
      }
    }
    return W.Derefs[N] == 0; // N's own address never flows into itself
  }

  unsigned argNo(LocationId L) const {
    return cast<Argument>(G.location(L).IR)->getArgNo();
  }

  bool addEscapeOnce(LocationId V, int Derefs, const Instruction *Where,
                     EscapeCause Cause, bool AsInteger = false) {
    return G.addEdge(G.heap(), V, Derefs, FlowKind::Escape, Where, Cause,
                     AsInteger);
  }

  void solvePointsTo() {
    Pts.assign(G.size(), PtsSet());
    // External objects' contents are fixed: nothing the function does adds
    // to them (stores into them are escapes).
    for (LocationId L = 0; L < G.size(); ++L) {
      const Location &Loc = G.location(L);
      if (!Loc.isExternalObject())
        continue;
      std::optional<LocationId> C;
      if (Loc.Kind == LocationKind::ParamObject)
        C = G.lookupParamContent(cast<Argument>(Loc.IR));
      Pts[L].set(C ? *C : G.unknown());
    }
    bool Changed = true;
    while (Changed) {
      ++NumSolverRounds;
      Changed = false;
      while (propagate())
        Changed = true;
      Changed |= resolveStores();
      // New locations are never created while solving.
    }
    // A store through a pointer that points to nothing the function can
    // trace (only known once the solution is complete) goes to the heap.
    // Edges into {heap} do not change points-to sets: no new round.
    for (const StoreConstraint &S : G.stores())
      if (Pts[S.Ptr].empty())
        addEscapeOnce(
            S.Val, 0, S.Where,
            {EscapeCauseKind::StoredThroughUnknown, nullptr, S.Where});
  }

  // --- Field-sensitive content leaks (ParamSummary::ContentFields) -------

  /// Bytes [Offset, Offset + Size) of a stored value, from the start of
  /// the object \p Base points to, when the store is a store instruction
  /// through \p Base plus a constant.
  struct StoredField {
    LocationId Val;
    int64_t Offset;
    uint64_t Size;
    const Instruction *Store;
  };
  std::optional<StoredField> storedField(const StoreConstraint &C,
                                         const Value *Base) const {
    const auto *S = dyn_cast_or_null<StoreInst>(C.Where);
    if (!S)
      return std::nullopt;
    TypeSize Size = DL.getTypeStoreSize(S->getValueOperand()->getType());
    if (Size.isScalable())
      return std::nullopt;
    APInt Off(DL.getIndexTypeSizeInBits(S->getPointerOperandType()), 0);
    const Value *P = S->getPointerOperand()->stripAndAccumulateConstantOffsets(
        DL, Off, /*AllowNonInbounds=*/true);
    if (P != Base || Off.getSignificantBits() > 63)
      return std::nullopt;
    return StoredField{C.Val, Off.getSExtValue(), Size.getFixedValue(), S};
  }

  /// What a FieldEscapeConstraint's argument reaches field by field: the
  /// one local object it points into (a stack slot, or an allocation of
  /// this function's own, not memory a callee filled), the argument's
  /// offset into it, and every store into that object, each a store
  /// instruction at a constant offset; none when anything may move pointers
  /// between its fields. Every write into a local object is a store
  /// constraint (stores, memcpy, callees' replayed stores), so the list is
  /// complete once points-to is.
  struct FieldObject {
    int64_t ArgOffset;
    std::vector<StoredField> Stores;
  };
  std::optional<FieldObject> fieldObject(const FieldEscapeConstraint &C,
                                         const PtsSet &Moved) const {
    const Value *Arg = C.Where->getArgOperand(C.ArgNo);
    APInt Off(DL.getIndexTypeSizeInBits(Arg->getType()), 0);
    const Value *Base = Arg->stripAndAccumulateConstantOffsets(
        DL, Off, /*AllowNonInbounds=*/true);
    if (Off.getSignificantBits() > 63)
      return std::nullopt;
    std::optional<LocationId> O = G.lookupObject(Base);
    if (!O || !G.location(*O).isLocalObject() || Moved.test(*O) ||
        Pts[C.Arg].count() != 1 || !Pts[C.Arg].test(*O))
      return std::nullopt;
    if (G.location(*O).Kind == LocationKind::HeapObject &&
        llvm::any_of(Info.Sites, [&](const SiteVerdict &V) {
          return V.Site.Call == Base && V.Site.Kind == AllocKind::Call;
        }))
      return std::nullopt;
    FieldObject FO{Off.getSExtValue(), {}};
    for (const StoreConstraint &S : G.stores()) {
      if (!Pts[S.Ptr].test(*O))
        continue;
      std::optional<StoredField> F = storedField(S, Base);
      if (!F) {
        LLVM_DEBUG(dbgs() << "escape: fields of " << G.name(*O)
                          << " not known apart: " << *S.Where << "\n");
        return std::nullopt;
      }
      FO.Stores.push_back(*F);
    }
    assert(
        llvm::all_of(G.incoming(*O),
                     [](const Edge &E) { return E.Kind == FlowKind::Store; }) &&
        "a local object receives values only through store constraints");
    return FO;
  }

  /// Sends to {heap} what each FieldEscapeConstraint's callee leaks: the
  /// values stored into the leaking fields of the argument's object when
  /// they are known apart, else the whole content. Runs once points-to is
  /// complete; edges into {heap} change no points-to set.
  void resolveFieldEscapes() {
    if (G.fieldEscapes().empty())
      return;
    PtsSet Moved;
    for (const ContentMoveConstraint &M : G.contentMoves())
      Moved |= Pts[M.Ptr];
    for (const FieldEscapeConstraint &C : G.fieldEscapes()) {
      std::optional<FieldObject> FO = fieldObject(C, Moved);
      if (!FO) {
        addEscapeOnce(C.Arg, C.WholeDerefs, C.Where, C.Cause);
        continue;
      }
      for (const StoredField &S : FO->Stores)
        for (const FieldLeak &F : C.Fields) {
          int64_t Begin = FO->ArgOffset + F.Offset;
          if (S.Offset < Begin + int64_t(F.Size) &&
              Begin < S.Offset + int64_t(S.Size))
            // At the store that put it in the field: where its address
            // was taken, for the dangling warning's position; the cause
            // names the call.
            addEscapeOnce(S.Val, F.Derefs, S.Store, C.Cause);
        }
    }
  }

  // --- Phase 2: the walk -------------------------------------------------

  /// The walk from \p Root; the edges into the root whose index \p Skip
  /// accepts are not followed, nor, with \p Integers false, any edge that
  /// carries its value as an integer (Edge::AsInteger), nor the edges into
  /// \p Closed (what that object holds).
  Walk walk(LocationId Root, function_ref<bool(unsigned)> Skip = nullptr,
            bool Integers = true, LocationId Closed = ~0u) const {
    Walk W = emptyWalk(Root);
    W.Derefs[Root] = 0;
    return extend(std::move(W), {Root}, Skip, Integers, Closed);
  }

  Walk emptyWalk(LocationId Root) const {
    Walk W;
    W.Root = Root;
    W.Derefs.assign(G.size(), INT_MAX);
    W.Parent.assign(G.size(), ~0u);
    W.ParentEdge.assign(G.size(), ~0u);
    W.RootEdge.assign(G.size(), ~0u);
    return W;
  }

  /// Continues \p W from the locations in \p Queue, whose derefs are set.
  Walk extend(Walk W, std::deque<LocationId> Queue,
              function_ref<bool(unsigned)> Skip, bool Integers,
              LocationId Closed = ~0u) const {
    LocationId Root = W.Root;
    std::vector<bool> Queued(G.size(), false);
    for (LocationId L : Queue)
      Queued[L] = true;
    while (!Queue.empty()) {
      LocationId L = Queue.front();
      Queue.pop_front();
      Queued[L] = false;
      if (L == Closed)
        continue;
      int Base = std::max(W.Derefs[L], 0);
      const std::vector<Edge> &In = G.incoming(L);
      for (unsigned I = 0; I < In.size(); ++I) {
        const Edge &E = In[I];
        if (Skip && L == Root && Skip(I))
          continue;
        if (!Integers && E.AsInteger)
          continue;
        // The root-to-root edges never matter; the result is not a source.
        int D = Base + E.Derefs;
        if (D < W.Derefs[E.Src]) {
          W.Derefs[E.Src] = D;
          W.Parent[E.Src] = L;
          W.ParentEdge[E.Src] = I;
          W.RootEdge[E.Src] = L == Root ? I : W.RootEdge[L];
          if (!Queued[E.Src]) {
            Queued[E.Src] = true;
            Queue.push_back(E.Src);
          }
        }
      }
    }
    return W;
  }

  static const char *kindName(FlowKind K) {
    switch (K) {
    case FlowKind::AddressOf:
      return "address-of";
    case FlowKind::Assign:
      return "assign";
    case FlowKind::Load:
      return "load";
    case FlowKind::Store:
      return "store";
    case FlowKind::Return:
      return "return";
    case FlowKind::Call:
      return "call";
    case FlowKind::Escape:
      return "escape";
    }
    return "flow";
  }

  /// The hops from the root down to \p L, and the cause of the first one.
  std::vector<FlowStep> path(const Walk &W, LocationId L,
                             EscapeCause &Cause) const {
    std::vector<FlowStep> Steps;
    bool ViaInteger = false;
    if (W.RootEdge[L] != ~0u) {
      Cause = W.Root == G.result() ? EscapeCause::returned()
                                   : G.incoming(W.Root)[W.RootEdge[L]].Cause;
      assert((W.Root == G.result() ||
              G.incoming(W.Root)[W.RootEdge[L]].Kind == FlowKind::Escape) &&
             "a walk from {heap} starts on an escape edge");
    }
    std::vector<bool> Seen(G.size(), false);
    for (LocationId Cur = L;
         Cur != W.Root && W.Parent[Cur] != ~0u && !Seen[Cur];
         Cur = W.Parent[Cur]) {
      Seen[Cur] = true;
      const Edge &E = G.incoming(W.Parent[Cur])[W.ParentEdge[Cur]];
      Steps.push_back({G.name(Cur), kindName(E.Kind), E.Where});
      if (E.Where && isa<PtrToIntInst>(E.Where))
        ViaInteger = true;
    }
    Cause.ViaInteger |= ViaInteger;
    std::reverse(Steps.begin(), Steps.end());
    return Steps;
  }

  void decideSites(const Walk &Heap, const Walk &Res) {
    for (SiteVerdict &V : Info.Sites) {
      std::optional<LocationId> O = G.lookupObject(V.Site.Call);
      assert(O && "the graph builder gives every site an object location");
      if (!O) { // never demote what the graph does not model
        V.Escapes = true;
        V.Cause = {EscapeCauseKind::UnsupportedInstruction, nullptr,
                   V.Site.Call};
        continue;
      }
      if (Heap.Derefs[*O] < 0) {
        V.Escapes = true;
        V.Path = path(Heap, *O, V.Cause);
      } else if (Res.Derefs[*O] < 0) {
        V.Escapes = true;
        V.Path = path(Res, *O, V.Cause);
      }
      LLVM_DEBUG(dbgs() << "escape: " << *V.Site.Call << ": "
                        << (V.Escapes ? "escapes: " + describeCause(V.Cause)
                                      : std::string("does not escape"))
                        << "\n");
    }
  }

  /// Where the values that leave through one edge into {heap} certainly
  /// end up, for the dangling-address warnings of the callers
  /// (ParamSummary::LeaksToGlobal, LeaksThroughArg).
  enum class DestinationKind : uint8_t {
    Uncertain, ///< memory the function cannot name, or nowhere for certain
    Global,    ///< a global, here or in a callee
    Param,     ///< a global or memory reached from the parameter ArgNo
  };
  struct Destination {
    DestinationKind Kind = DestinationKind::Uncertain;
    unsigned ArgNo = 0;
  };

  /// Where the argument \p C's call passes in position \p ArgNo points:
  /// only to globals, or only to globals and this function's parameter
  /// number K's object or content (Param K).
  Destination passedDestination(const EscapeCause &C, int ArgNo) const {
    const auto *CB = dyn_cast_or_null<CallBase>(C.Where);
    if (ArgNo < 0 || !CB || unsigned(ArgNo) >= CB->arg_size())
      return {};
    std::optional<LocationId> V = G.lookupValue(CB->getArgOperand(ArgNo));
    if (!V || Pts[*V].empty())
      return {};
    std::optional<unsigned> K;
    for (unsigned O : Pts[*V]) {
      const Location &Loc = G.location(O);
      if (Loc.Kind == LocationKind::GlobalObject)
        continue;
      if (Loc.Kind != LocationKind::ParamObject &&
          Loc.Kind != LocationKind::ParamContent)
        return {};
      unsigned N = cast<Argument>(Loc.IR)->getArgNo();
      if (K && *K != N)
        return {};
      K = N;
    }
    if (!K)
      return {DestinationKind::Global};
    return {DestinationKind::Param, *K};
  }

  /// The destination of the escape edge \p E: a store to a global or
  /// through a parameter here that stays after the return (not restored),
  /// or a call whose callee's summary names one.
  Destination destinationOf(const Edge &E) const {
    if (E.Kind != FlowKind::Escape || E.AsInteger || isRestored(E))
      return {};
    const EscapeCause &C = E.Cause;
    switch (C.Kind) {
    case EscapeCauseKind::StoredToGlobal:
      return {DestinationKind::Global};
    case EscapeCauseKind::StoredThroughParam:
      if (const auto *A = dyn_cast_or_null<Argument>(C.Subject))
        return {DestinationKind::Param, A->getArgNo()};
      return {};
    case EscapeCauseKind::PassedToLeakingCallee:
      if (C.CalleeStoresToGlobal)
        return {DestinationKind::Global};
      return passedDestination(C, C.CalleeStoresThroughArg);
    default:
      return {};
    }
  }

  /// The routes from {heap} in \p Heap that carry the value as an integer
  /// on some edge (Edge::AsInteger): the walk continued from the source of
  /// each such edge. What reaches {heap} by such a route may be an address
  /// or only a length, or a difference of two addresses.
  Walk integerRoutes(const Walk &Heap) const {
    Walk W = emptyWalk(G.heap());
    std::deque<LocationId> Queue;
    for (LocationId L = 0; L < G.size(); ++L) {
      if (Heap.Derefs[L] == INT_MAX)
        continue;
      int Base = std::max(Heap.Derefs[L], 0);
      const std::vector<Edge> &In = G.incoming(L);
      for (unsigned I = 0; I < In.size(); ++I) {
        const Edge &E = In[I];
        int D = Base + E.Derefs;
        if (!E.AsInteger || D >= W.Derefs[E.Src])
          continue;
        W.Derefs[E.Src] = D;
        W.Parent[E.Src] = L;
        W.ParentEdge[E.Src] = I;
        W.RootEdge[E.Src] = L == G.heap() ? I : Heap.RootEdge[L];
        Queue.push_back(E.Src);
      }
    }
    return extend(std::move(W), std::move(Queue), nullptr, true);
  }

  /// ParamSummary::LeaksToGlobal and LeaksThroughArg of the leaking
  /// parameters. One route to a global or a parameter's memory is not
  /// enough: the caller's address may take another one (`v.push_back(p)`
  /// on one branch and `unknown(p)` on the other, chosen by the caller), so
  /// a destination is recorded only when every route by which the
  /// parameter reaches {heap} at its least derefs ends there: the walk
  /// from {heap} without the edges to that destination no longer reaches
  /// it at those derefs. A caller's object that escapes through the call
  /// escapes at those derefs or deeper, so always along such a route.
  void certainDestinations(const Walk &Heap) {
    const Function &F = G.function();
    const std::vector<Edge> &Roots = G.incoming(G.heap());
    std::vector<Destination> Dest;
    std::optional<Walk> Uncertain, Integer, NotGlobal;
    std::map<unsigned, Walk> NotParam;
    auto Least = [](const Walk &W, LocationId V) {
      return W.Derefs[V] == INT_MAX ? ParamSummary::None
                                    : std::max(W.Derefs[V], 0);
    };
    auto Without = [&](auto Leaves) {
      return walk(G.heap(), [&](unsigned I) { return Leaves(Dest[I]); });
    };
    for (const Argument &A : F.args()) {
      ParamSummary &S = Info.Summary.Params[A.getArgNo()];
      std::optional<LocationId> V = G.lookupValue(&A);
      if (!V || !S.leaksToHeap())
        continue;
      // Field-sensitive callers send each field's content to {heap} at its
      // own derefs: a field that leaks only deeper than the others may
      // leak only by a route the walks below do not compare.
      if (S.ContentFields &&
          llvm::any_of(*S.ContentFields, [&](const FieldLeak &FL) {
            return FL.Derefs + 1 != S.HeapDerefs;
          })) {
        LLVM_DEBUG(dbgs() << "escape: no certain destination for "
                          << A.getName()
                          << ": fields leak at several levels\n");
        continue;
      }
      if (Dest.empty())
        for (const Edge &E : Roots)
          Dest.push_back(destinationOf(E));
      if (!Uncertain)
        Uncertain = Without([](const Destination &D) {
          return D.Kind != DestinationKind::Uncertain;
        });
      if (Least(*Uncertain, *V) <= S.HeapDerefs) {
        LLVM_DEBUG(dbgs() << "escape: no certain destination for "
                          << A.getName() << ": a route to "
                          << describeCause(Roots[Uncertain->RootEdge[*V]].Cause)
                          << "\n");
        continue;
      }
      if (!Integer)
        Integer = integerRoutes(Heap);
      if (Least(*Integer, *V) <= S.HeapDerefs) {
        LLVM_DEBUG(dbgs() << "escape: no certain destination for "
                          << A.getName() << ": a route carries it as an "
                          << "integer\n");
        continue;
      }
      if (!NotGlobal)
        NotGlobal = Without([](const Destination &D) {
          return D.Kind == DestinationKind::Global;
        });
      if (Least(*NotGlobal, *V) > S.HeapDerefs) {
        S.LeaksToGlobal = true;
        continue;
      }
      // A route at the least derefs into a parameter's memory: all the
      // others must end there too, or in a global.
      const Destination &Some = Dest[NotGlobal->RootEdge[*V]];
      if (Some.Kind != DestinationKind::Param)
        continue;
      unsigned K = Some.ArgNo;
      auto It = NotParam.find(K);
      if (It == NotParam.end())
        It = NotParam
                 .emplace(K, Without([K](const Destination &D) {
                            return D.Kind == DestinationKind::Global ||
                                   (D.Kind == DestinationKind::Param &&
                                    D.ArgNo == K);
                          }))
                 .first;
      if (Least(It->second, *V) > S.HeapDerefs)
        S.LeaksThroughArg = K;
      else
        LLVM_DEBUG(dbgs() << "escape: no certain destination for "
                          << A.getName() << ": into the memory of more than "
                          << "one parameter\n");
    }
  }

  /// The address outlives the frame for certain: returned, stored to a
  /// global or through a parameter here (EscapeCause::definitelyOutlives),
  /// or handed to a callee whose summary stores it to a global, or through
  /// an argument that points only to this function's parameters' memory or
  /// globals (`out.push_back(&local)` into the caller's vector).
  bool certainlyOutlives(const EscapeCause &C) const {
    if (C.definitelyOutlives())
      return true;
    if (C.Kind != EscapeCauseKind::PassedToLeakingCallee)
      return false;
    if (C.CalleeStoresToGlobal)
      return true;
    const auto *CB = dyn_cast_or_null<CallBase>(C.Where);
    if (C.CalleeStoresThroughArg < 0 || !CB ||
        unsigned(C.CalleeStoresThroughArg) >= CB->arg_size())
      return false;
    std::optional<LocationId> V =
        G.lookupValue(CB->getArgOperand(C.CalleeStoresThroughArg));
    if (!V || Pts[*V].empty())
      return false;
    for (unsigned O : Pts[*V]) {
      LocationKind K = G.location(O).Kind;
      if (K != LocationKind::ParamObject && K != LocationKind::ParamContent &&
          K != LocationKind::GlobalObject)
        return false;
    }
    return true;
  }

  /// Whether \p CB overwrites \p Place on every path through its callee:
  /// an argument points to Place's base at a constant offset, and the
  /// callee's summary says it overwrites those bytes of that parameter's
  /// object (ParamSummary::MustWrite).
  bool callOverwrites(const CallBase &CB, const WrittenPlace &Place) const {
    const Function *Callee = CB.getCalledFunction();
    const FunctionSummary *S = Callee ? Summaries(*Callee) : nullptr;
    if (!S || Place.Offset.getSignificantBits() > 63)
      return false;
    int64_t Want = Place.Offset.getSExtValue();
    for (unsigned I = 0; I < CB.arg_size() && I < S->Params.size(); ++I) {
      if (S->Params[I].MustWrite.empty() ||
          !CB.getArgOperand(I)->getType()->isPointerTy())
        continue;
      APInt Off(DL.getIndexTypeSizeInBits(CB.getArgOperand(I)->getType()), 0);
      if (canonicalAddress(CB.getArgOperand(I), DL, Off) != Place.Base ||
          Off.getSignificantBits() > 63)
        continue;
      for (auto [O, Size] : S->Params[I].MustWrite)
        if (Off.getSExtValue() + O <= Want &&
            Want + int64_t(Place.Size) <=
                Off.getSExtValue() + O + int64_t(Size))
          return true;
    }
    return false;
  }

  /// A store into the caller's memory or a global that the function undoes
  /// on every path to a return (OverwrittenStores.h): a store instruction,
  /// or a callee's store of an argument into another argument's object
  /// (FunctionSummary::ParamStorePlaces) undone after the call, by a store
  /// or by a callee that overwrites it (`enterblock(fs, &bl); ...;
  /// leaveblock(fs);`).
  bool isRestored(const Edge &E) const {
    if (E.Kind != FlowKind::Escape ||
        (E.Cause.Kind != EscapeCauseKind::StoredThroughParam &&
         E.Cause.Kind != EscapeCauseKind::StoredToGlobal))
      return false;
    auto Calls = [this](const CallBase &CB, const WrittenPlace &P) {
      return callOverwrites(CB, P);
    };
    if (const auto *S = dyn_cast_or_null<StoreInst>(E.Where)) {
      // Each store is scanned once: its escape edges, one per value and
      // cause, share the answer.
      auto [It, Inserted] = Restored.try_emplace(S, false);
      if (Inserted)
        It->second = isOverwrittenBeforeReturn(*S, Calls);
      return It->second;
    }
    const auto *CB = dyn_cast_or_null<CallBase>(E.Where);
    const Function *Callee = CB ? CB->getCalledFunction() : nullptr;
    const FunctionSummary *S = Callee ? Summaries(*Callee) : nullptr;
    if (!S)
      return false;
    bool Any = false;
    for (unsigned Src = 0; Src < CB->arg_size(); ++Src) {
      if (G.lookupValue(CB->getArgOperand(Src)) != std::optional(E.Src))
        continue;
      for (auto [Dst, From] : S->ParamStores) {
        if (From != Src || Dst >= CB->arg_size())
          continue;
        const Value *DstArg = CB->getArgOperand(Dst);
        APInt Off(DL.getIndexTypeSizeInBits(DstArg->getType()), 0);
        const Value *Base = canonicalAddress(DstArg, DL, Off);
        bool Placed = false;
        for (const FunctionSummary::StorePlace &P : S->ParamStorePlaces) {
          if (P.Dst != Dst || P.Src != Src)
            continue;
          Placed = true;
          WrittenPlace W{Base, Off + P.Offset, P.Size};
          if (!isOverwrittenOnEveryPath(G.function(), CB, W, Calls))
            return false;
        }
        if (!Placed)
          return false;
        Any = true;
      }
    }
    return Any;
  }

  /// Whether what the object \p O holds points, directly or through other
  /// objects' contents, back to \p O.
  bool holdsOwnAddress(LocationId O) const {
    PtsSet Seen, Work = Pts[O];
    while (!Work.empty()) {
      unsigned P = Work.find_first();
      Work.reset(P);
      if (P == O)
        return true;
      if (Seen.test(P))
        continue;
      Seen.set(P);
      Work |= Pts[P];
    }
    return false;
  }

  /// Dangling addresses: stack objects whose address outlives the frame for
  /// certain, by some route. The walk from {heap} is redone with only the
  /// edges that certainly outlive the frame: not a store the function
  /// undoes before it returns (publish and restore), which keeps the
  /// address alive only while the frame is, nor an escape to memory the
  /// analysis cannot name, which may be shorter than another route that is
  /// certain (`v.push_back(&x)` beside `printf("%p", &x)`). Neither walk,
  /// from {heap} nor from the result, follows an edge that carries the
  /// value as an integer (Edge::AsInteger): a length or a difference of two
  /// addresses is no address (std::string's constructor stores
  /// std::distance(first, last) into the string).
  void decideLocals(const Walk &AllHeap, const Walk &Res) {
    bool AnyEscapes = false;
    for (LocationId L = 0; L < G.size() && !AnyEscapes; ++L)
      AnyEscapes = G.location(L).Kind == LocationKind::StackObject &&
                   AllHeap.Derefs[L] < 0;
    const std::vector<Edge> &Roots = G.incoming(G.heap());
    auto Uncertain = [&](unsigned I) {
      return isRestored(Roots[I]) || !certainlyOutlives(Roots[I].Cause);
    };
    std::optional<Walk> Certain, CertainRes;
    if (AnyEscapes)
      Certain = walk(G.heap(), Uncertain, /*Integers=*/false);
    const Walk &Heap = Certain ? *Certain : AllHeap;
    bool AnyReturned = false;
    for (LocationId L = 0; L < G.size() && !AnyReturned; ++L)
      AnyReturned = G.location(L).Kind == LocationKind::StackObject &&
                    Res.Derefs[L] < 0;
    if (AnyReturned)
      CertainRes = walk(G.result(), nullptr, /*Integers=*/false);
    // An object that holds its own address (std::string's pointer to its
    // short-string buffer, a list's sentinel) is found by a route through
    // what it holds; the code that copies it points the copy to the copy's
    // own buffer on a branch the walk does not tell apart. Such a route is
    // not counted: the walk is redone without following what the object
    // holds.
    auto Escapes = [&](LocationId L, const Walk &W,
                       auto Redo) -> std::optional<Walk> {
      if (W.Derefs[L] >= 0)
        return std::nullopt;
      if (!holdsOwnAddress(L))
        return W;
      Walk Own = Redo(L);
      if (Own.Derefs[L] >= 0)
        return std::nullopt;
      return Own;
    };
    for (LocationId L = 0; L < G.size(); ++L) {
      const Location &Loc = G.location(L);
      if (Loc.Kind != LocationKind::StackObject)
        continue;
      LocalVerdict V;
      V.Alloca = cast<Instruction>(Loc.IR);
      if (std::optional<Walk> W =
              Escapes(L, Heap, [&](LocationId L) {
                return walk(G.heap(), Uncertain, /*Integers=*/false, L);
              }))
        V.Path = path(*W, L, V.Cause);
      else if (std::optional<Walk> W =
                   CertainRes ? Escapes(L, *CertainRes,
                                        [&](LocationId L) {
                                          return walk(G.result(), nullptr,
                                                      /*Integers=*/false, L);
                                        })
                              : std::nullopt)
        V.Path = path(*W, L, V.Cause);
      else
        continue;
      assert(certainlyOutlives(V.Cause) &&
             "the walks for locals follow only certain escapes");
      Info.Locals.push_back(std::move(V));
    }
  }

  /// ParamSummary::ContentFields of \p A: the fields of its object whose
  /// loaded content reaches {heap}, when every use of A (through constant
  /// offsets) is a load, a store of a non-pointer or a constant, a
  /// comparison, an atomic counter update, or a call
  /// whose callee has such facts for it and neither returns nor stores it;
  /// none otherwise (field-insensitive).
  std::optional<std::vector<FieldLeak>> contentFields(const Argument &A,
                                                      const Walk &Heap) const {
    std::vector<FieldLeak> Fields;
    auto Visit = [&](const Use &U, int64_t Offset) {
      const User *Us = U.getUser();
      if (const auto *L = dyn_cast<LoadInst>(Us)) {
        std::optional<LocationId> V = G.lookupValue(L);
        if (!V)
          return true; // no pointer in it
        TypeSize Size = DL.getTypeStoreSize(L->getType());
        if (Size.isScalable())
          return false;
        if (Heap.Derefs[*V] != INT_MAX)
          Fields.push_back(
              {Offset, Size.getFixedValue(), std::max(Heap.Derefs[*V], 0)});
        return true;
      }
      if (const auto *St = dyn_cast<StoreInst>(Us)) {
        // Constants (null, a vtable, a global's address) never carry the
        // caller's objects from one field to another.
        const Value *V = St->getValueOperand();
        return U.getOperandNo() == StoreInst::getPointerOperandIndex() &&
               (isa<Constant>(V) || !mayHoldPointer(V->getType(), DL));
      }
      if (const auto *RMW = dyn_cast<AtomicRMWInst>(Us))
        // A counter in the object (a reference count): no pointer moves.
        return U.getOperandNo() == AtomicRMWInst::getPointerOperandIndex() &&
               !mayHoldPointer(RMW->getType(), DL);
      if (const auto *CB = dyn_cast<CallBase>(Us))
        return calleeFields(*CB, U, Offset, Fields);
      return isa<ICmpInst>(Us);
    };
    if (!forEachUseAtOffset(&A, 0, DL, Visit)) {
      LLVM_DEBUG(dbgs() << "escape: fields of " << A.getName()
                        << " not known apart\n");
      return std::nullopt;
    }
    llvm::sort(Fields);
    Fields.erase(std::unique(Fields.begin(), Fields.end()), Fields.end());
    if (Fields.size() > ParamSummary::MaxContentFields) {
      LLVM_DEBUG(dbgs() << "escape: fields of " << A.getName() << ": more than "
                        << ParamSummary::MaxContentFields
                        << " leak, collapsed\n");
      return std::nullopt;
    }
    return Fields;
  }

  /// A call that \p U hands a pointer \p Offset bytes into a parameter's
  /// object: intrinsics that move no pointer, or a callee whose summary
  /// has ContentFields for that argument and neither returns nor stores
  /// it; its leaking fields are added, shifted by \p Offset.
  bool calleeFields(const CallBase &CB, const Use &U, int64_t Offset,
                    std::vector<FieldLeak> &Fields) const {
    if (const auto *II = dyn_cast<IntrinsicInst>(&CB)) {
      switch (II->getIntrinsicID()) {
      case Intrinsic::lifetime_start:
      case Intrinsic::lifetime_end:
      case Intrinsic::dbg_declare:
      case Intrinsic::dbg_value:
      case Intrinsic::dbg_assign:
      case Intrinsic::assume:
      case Intrinsic::invariant_start:
      case Intrinsic::invariant_end:
      case Intrinsic::objectsize:
      case Intrinsic::prefetch:
      case Intrinsic::memset:
      case Intrinsic::memset_inline:
        return !CB.isBundleOperand(&U) ||
               II->getIntrinsicID() == Intrinsic::assume;
      default:
        return false;
      }
    }
    const Function *Callee = CB.getCalledFunction();
    if (!Callee || !CB.isArgOperand(&U) || CB.isMustTailCall() ||
        CB.hasOperandBundles() || !hasReliableBody(*Callee))
      return false;
    const FunctionSummary *S = Summaries(*Callee);
    unsigned ArgNo = CB.getArgOperandNo(&U);
    if (!S || S->Params.size() != Callee->arg_size() ||
        ArgNo >= S->Params.size())
      return false;
    const ParamSummary &P = S->Params[ArgNo];
    if (!P.ContentFields || P.HeapDerefs == 0 || P.leaksToResult() ||
        !P.StoredInto.empty() || !P.ContentInto.empty())
      return false;
    for (const FieldLeak &F : *P.ContentFields)
      Fields.push_back({Offset + F.Offset, F.Size, F.Derefs});
    return true;
  }

  /// Records where the store constraint \p S puts parameter \p Src into
  /// parameter \p Dst's object, or that the place is not known.
  void notePlace(const StoreConstraint &S, unsigned Dst, unsigned Src,
                 std::vector<FunctionSummary::StorePlace> &Places,
                 std::set<std::pair<unsigned, unsigned>> &Unplaced) const {
    const auto *SI = dyn_cast_or_null<StoreInst>(S.Where);
    std::optional<WrittenPlace> P = SI ? placeOf(*SI) : std::nullopt;
    if (!P || P->Base != G.function().getArg(Dst) ||
        P->Offset.getSignificantBits() > 63) {
      Unplaced.insert({Dst, Src});
      return;
    }
    Places.push_back({Dst, Src, P->Offset.getSExtValue(), P->Size});
  }

  /// ParamSummary::MustWrite: the places a store through a pointer
  /// parameter writes that every path to a return writes (at most
  /// MaxMustWrite per parameter, in functions of at most
  /// MaxMustWriteFunctionSize instructions).
  void computeMustWrite() {
    static constexpr unsigned MaxMustWrite = 4;
    static constexpr unsigned MaxMustWriteFunctionSize = 2000;
    const Function &F = G.function();
    if (F.getInstructionCount() > MaxMustWriteFunctionSize)
      return;
    auto Calls = [this](const CallBase &CB, const WrittenPlace &P) {
      return callOverwrites(CB, P);
    };
    for (const BasicBlock &BB : F)
      for (const Instruction &I : BB) {
        const auto *SI = dyn_cast<StoreInst>(&I);
        std::optional<WrittenPlace> P = SI ? placeOf(*SI) : std::nullopt;
        const auto *A = P ? dyn_cast<Argument>(P->Base) : nullptr;
        if (!A || P->Offset.getSignificantBits() > 63)
          continue;
        auto &MW = Info.Summary.Params[A->getArgNo()].MustWrite;
        std::pair<int64_t, uint64_t> R{P->Offset.getSExtValue(), P->Size};
        if (MW.size() == MaxMustWrite || llvm::is_contained(MW, R))
          continue;
        if (isOverwrittenOnEveryPath(F, nullptr, *P, Calls))
          MW.push_back(R);
      }
  }

  /// A returned allocation of this function's (or of its callees', handed
  /// over to it) that the caller may take as a new object of its own, with
  /// nothing in it: it holds no pointer (nothing was stored into it, nothing
  /// unknown may have been written into it), it reaches {heap} by no route
  /// (no global, no argument's object and no unknown callee keeps its
  /// address) and nothing here may free it. The caller's allocation site
  /// for the call (FunctionSummary::ReturnsFresh) then stands for all of
  /// it, as for a `new` of its own (an allocation wrapper, the buffer
  /// `_M_allocate` returns to `push_back`). Otherwise the result points to
  /// unknown memory too (ReturnsUnknown).
  bool handedOverFresh(LocationId O, const Walk &Heap,
                       const PtsSet &Freed) const {
    if (!Pts[O].empty() || Heap.Derefs[O] < 0 || Freed.test(O)) {
      LLVM_DEBUG(dbgs() << "escape: result of " << G.function().getName()
                        << " not handed over fresh: " << G.name(O) << "\n");
      return false;
    }
    return true;
  }

  void decideParams(const Walk &Heap, const Walk &Res) {
    const Function &F = G.function();
    Info.Summary.Params.assign(F.arg_size(), ParamSummary());
    for (const Argument &A : F.args()) {
      std::optional<LocationId> V = G.lookupValue(&A);
      if (!V)
        continue;
      ParamSummary &S = Info.Summary.Params[A.getArgNo()];
      S.HeapDerefs = Heap.Derefs[*V] == INT_MAX ? ParamSummary::None
                                                : std::max(Heap.Derefs[*V], 0);
      S.ResultDerefs = Res.Derefs[*V] == INT_MAX ? ParamSummary::None
                                                 : std::max(Res.Derefs[*V], 0);
      if (A.getType()->isPointerTy()) {
        S.ContentFields = contentFields(A, Heap);
        // The fields account for every way the content leaks, or they are
        // not kept (a safety net: a flow the scan did not see).
        int Least = ParamSummary::None;
        if (S.ContentFields)
          for (const FieldLeak &F : *S.ContentFields)
            Least = std::min(Least, F.Derefs + 1);
        if (S.ContentFields && Least != S.HeapDerefs) {
          assert(false && "the fields of a parameter's object explain every "
                          "leak of its content");
          S.ContentFields.reset();
        }
      }
      ParamVerdict PV;
      PV.Arg = &A;
      if (S.HeapDerefs != ParamSummary::None) {
        PV.Path = path(Heap, *V, S.HeapCause);
      } else if (S.ResultDerefs != ParamSummary::None) {
        PV.Path = path(Res, *V, S.HeapCause);
      }
      Info.Params.push_back(std::move(PV));
    }
    certainDestinations(Heap);
    // What the callee does to memory its arguments point to.
    auto MarkExternal = [&](const PtsSet &P, bool ParamsOnly, auto Mark) {
      for (unsigned O : P) {
        const Location &Loc = G.location(O);
        if (Loc.Kind == LocationKind::ParamObject ||
            Loc.Kind == LocationKind::ParamContent)
          Mark(Info.Summary.Params[cast<Argument>(Loc.IR)->getArgNo()]);
        else if (Loc.Kind == LocationKind::UnknownObject && !ParamsOnly)
          for (ParamSummary &S : Info.Summary.Params)
            Mark(S);
      }
    };
    for (const FreeCall &FC : G.frees()) {
      // A deallocation call of this function's own that frees exactly a
      // parameter's object, or exactly what its content points to, with a
      // known family: listed, so that a caller may hand the object over.
      const PtsSet &P = Pts[FC.Ptr];
      if (!FC.InCallee && !FC.IsRealloc && !FC.CalleeArg &&
          !FC.Family.empty() && P.count() == 1) {
        const Location &Loc = G.location(P.find_first());
        if (Loc.Kind == LocationKind::ParamObject ||
            Loc.Kind == LocationKind::ParamContent) {
          unsigned Level = Loc.Kind == LocationKind::ParamContent;
          ParamSummary &S =
              Info.Summary.Params[cast<Argument>(Loc.IR)->getArgNo()];
          if (S.ObjectFrees[Level].empty() ||
              S.FreedFamily[Level] == FC.Family) {
            S.FreedFamily[Level] = FC.Family;
            S.ObjectFrees[Level].push_back(FC.Call);
            continue;
          }
        }
      }
      MarkExternal(FC.InCallee
                       ? FunctionEscapeInfo::reachableObjects(G, Pts, FC.Ptr)
                       : P,
                   false, [](ParamSummary &S) { S.MayFree = true; });
    }
    std::set<std::pair<unsigned, unsigned>> ParamStores, PointerParamStores,
        ContentStores, PointerContentStores, Unplaced;
    std::vector<FunctionSummary::StorePlace> Places;
    for (const StoreConstraint &S : G.stores()) {
      bool OnlyParams = false;
      for (unsigned D : Pts[S.Ptr])
        OnlyParams |= replayable(D, Pts[S.Val]);
      if (OnlyParams) {
        // Replayed by the caller (a parameter's own content written back
        // moves nothing); only unknown destinations clobber.
        for (unsigned D : Pts[S.Ptr])
          if (G.location(D).Kind == LocationKind::ParamObject)
            for (unsigned V : Pts[S.Val]) {
              if (G.location(V).Kind == LocationKind::UnknownObject) {
                // What the caller cannot name: its object may now point
                // anywhere (replayable).
                Info.Summary.Params[argNo(D)].MayWrite = true;
              } else if (G.location(V).Kind == LocationKind::ParamObject) {
                ParamStores.insert({argNo(D), argNo(V)});
                if (!S.AsInteger)
                  PointerParamStores.insert({argNo(D), argNo(V)});
                notePlace(S, argNo(D), argNo(V), Places, Unplaced);
              } else if (argNo(D) != argNo(V)) {
                ContentStores.insert({argNo(D), argNo(V)});
                if (!S.AsInteger)
                  PointerContentStores.insert({argNo(D), argNo(V)});
              }
            }
        PtsSet NonParam;
        for (unsigned D : Pts[S.Ptr])
          if (G.location(D).Kind != LocationKind::ParamObject)
            NonParam.set(D);
        MarkExternal(NonParam, false,
                     [](ParamSummary &P) { P.MayWrite = true; });
        continue;
      }
      MarkExternal(Pts[S.Ptr], false,
                   [](ParamSummary &P) { P.MayWrite = true; });
    }
    Info.Summary.ParamStores.assign(ParamStores.begin(), ParamStores.end());
    Info.Summary.IntegerParamStores.clear();
    for (auto Pair : ParamStores)
      if (!PointerParamStores.count(Pair))
        Info.Summary.IntegerParamStores.push_back(Pair);
    for (const FunctionSummary::StorePlace &P : Places)
      if (!Unplaced.count({P.Dst, P.Src}) &&
          !llvm::is_contained(Info.Summary.ParamStorePlaces, P))
        Info.Summary.ParamStorePlaces.push_back(P);
    computeMustWrite();
    Info.Summary.ContentStores.assign(ContentStores.begin(),
                                      ContentStores.end());
    Info.Summary.IntegerContentStores.clear();
    for (auto Pair : ContentStores)
      if (!PointerContentStores.count(Pair))
        Info.Summary.IntegerContentStores.push_back(Pair);
    for (auto [Dst, Src] : ParamStores)
      Info.Summary.Params[Src].StoredInto.push_back(Dst);
    for (auto [Dst, Src] : ContentStores)
      Info.Summary.Params[Src].ContentInto.push_back(Dst);
    for (const ClobberConstraint &C : G.clobbers())
      MarkExternal(Pts[C.Ptr], false,
                   [](ParamSummary &P) { P.MayWrite = true; });
    // A result pointing to anything but the parameters' own objects and
    // fresh objects handed over untouched.
    PtsSet Freed;
    for (const FreeCall &FC : G.frees())
      Freed |= FC.InCallee
                   ? FunctionEscapeInfo::reachableObjects(G, Pts, FC.Ptr)
                   : Pts[FC.Ptr];
    for (const Edge &E : G.incoming(G.result()))
      for (unsigned O : Pts[E.Src]) {
        LocationKind K = G.location(O).Kind;
        if (K == LocationKind::HeapObject) {
          Info.Summary.ReturnsFresh = true;
          if (!handedOverFresh(O, Heap, Freed))
            Info.Summary.ReturnsUnknown = true;
        } else if (K == LocationKind::ParamContent) {
          // What the parameter's object holds, which the caller finds at
          // ResultDerefs 1 (replayed stores and clobbers included); at 0
          // the caller would take only the parameter itself.
          if (Info.Summary.Params[argNo(O)].ResultDerefs != 1)
            Info.Summary.ReturnsUnknown = true;
        } else if (K != LocationKind::ParamObject) {
          Info.Summary.ReturnsUnknown = true;
        }
      }
    // Own allocations stored into the callers' objects.
    std::set<unsigned> FreshInto;
    for (const StoreConstraint &S : G.stores()) {
      bool Fresh = false;
      for (unsigned V : Pts[S.Val])
        Fresh |= G.location(V).Kind == LocationKind::HeapObject;
      if (!Fresh)
        continue;
      for (unsigned D : Pts[S.Ptr])
        if (G.location(D).Kind == LocationKind::ParamObject)
          FreshInto.insert(cast<Argument>(G.location(D).IR)->getArgNo());
    }
    Info.Summary.FreshInto.assign(FreshInto.begin(), FreshInto.end());
    for (ParamVerdict &PV : Info.Params)
      PV.Summary = Info.Summary.Params[PV.Arg->getArgNo()];
    Info.PointsTo = std::move(Pts);
  }

  FunctionEscapeInfo &Info;
  EscapeGraph &G;
  SummaryLookup Summaries;
  const DataLayout &DL;
  std::vector<PtsSet> Pts;
  /// isRestored's answers, per store.
  mutable DenseMap<const StoreInst *, bool> Restored;
};

} // namespace

void solveEscapeGraph(FunctionEscapeInfo &Info, SummaryLookup Summaries) {
  Solver S(Info, Summaries);
  S.run();
  LLVM_DEBUG({
    dbgs() << "escape graph of " << Info.F->getName() << ":\n";
    Info.Graph->print(dbgs());
  });
}

} // namespace escape
