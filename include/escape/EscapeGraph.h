//===- EscapeGraph.h - Locations and assignment edges of one function -----===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The escape graph of one function, in the model of Go's
/// cmd/compile/internal/escape (graph.go): a set of *locations* joined by
/// assignment edges, each weighted by *derefs*:
///
///   dst = &src   derefs -1   (an alloca or allocation site: the SSA value is
///                             the address of its object)
///   dst = src    derefs  0   (GEP, casts, phi, select, freeze, aggregates)
///   dst = *src   derefs +1   (load)
///
/// A location is either an *object* (a stack slot, a heap allocation site, or
/// an external object the function cannot see: what a parameter, a global or
/// an unknown pointer points to), a *value* (an SSA value that may hold a
/// pointer), or one of two sinks: `{heap}` (anything that outlives the
/// function) and the function's result.
///
/// Stores `*p = v` are kept aside as StoreConstraints: unlike Go, which sends
/// every indirect store to the heap, the solver resolves them against the
/// points-to sets of `p` (an object `o` in pts(p) gets the edge `o = v`, an
/// external object sends `v` to `{heap}`), so a pointer stored into a local
/// object does not escape unless that object does.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_ESCAPEGRAPH_H
#define ESCAPE_ESCAPEGRAPH_H

#include "escape/EscapeCause.h"
#include "escape/Summary.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/SparseBitVector.h"
#include "llvm/IR/Instruction.h"
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace llvm {
class Argument;
class CallBase;
class Function;
class GlobalValue;
class ModuleSlotTracker;
class raw_ostream;
class Value;
} // namespace llvm

namespace escape {

/// Index of a location in an EscapeGraph.
using LocationId = unsigned;

/// What a location stands for.
enum class LocationKind {
  HeapSink,      ///< `{heap}`: outlives every local object.
  Result,        ///< The function's return value.
  StackObject,   ///< Memory of an alloca.
  HeapObject,    ///< Memory of an allocation site (new, malloc, ...).
  ParamObject,   ///< What a pointer parameter points to (external).
  ParamContent,  ///< What a ParamObject's content points to (external):
                 ///< one level further into the caller's memory.
  GlobalObject,  ///< A global variable's memory (external).
  UnknownObject, ///< Memory reached through unknown pointers (external).
  ThrownObject,  ///< The C++ exception object (external, escapes: thrown).
  Value,         ///< An SSA value that may hold a pointer.
};

/// One location of the graph.
struct Location {
  LocationKind Kind;
  /// The IR entity: the alloca / allocation call for objects, the SSA value
  /// for values, the Argument for ParamObject, the GlobalValue for
  /// GlobalObject; null for sinks and the unknown object.
  const llvm::Value *IR = nullptr;
  /// For a Value location that is a function argument: its object
  /// (ParamObject) and nothing else; set by the builder.
  bool isObject() const {
    return Kind == LocationKind::StackObject ||
           Kind == LocationKind::HeapObject || isExternalObject();
  }
  /// External objects belong to somebody else: anything stored into them
  /// reaches the heap.
  bool isExternalObject() const {
    return Kind == LocationKind::ParamObject ||
           Kind == LocationKind::ParamContent ||
           Kind == LocationKind::GlobalObject ||
           Kind == LocationKind::UnknownObject ||
           Kind == LocationKind::ThrownObject;
  }
  bool isLocalObject() const {
    return Kind == LocationKind::StackObject ||
           Kind == LocationKind::HeapObject;
  }
};

/// How a flow came about, for reasons and -m=2 paths.
enum class FlowKind {
  AddressOf, ///< the value is the address of the object
  Assign,    ///< copy (GEP, cast, phi, select, aggregate)
  Load,      ///< dst = *src
  Store,     ///< *p = v resolved into an object (or the heap)
  Return,    ///< ret v
  Call,      ///< argument or result of a call (summary applied)
  Escape,    ///< an edge into {heap} with a reason
};

/// An assignment edge `Dst = Src` with `Derefs` in {-1, 0, 1, 2, ...}.
struct Edge {
  LocationId Src;
  int Derefs;
  FlowKind Kind;
  /// Where the flow happens (for paths); may be null.
  const llvm::Instruction *Where = nullptr;
  /// For edges into {heap} (Kind Escape): why.
  EscapeCause Cause;
  /// The flow carries the value as an integer: into a value of integers,
  /// or a store of one (StoreConstraint::AsInteger) into an object or to
  /// {heap}. It may carry an address, or only a length or a difference of
  /// two: a route with such an edge is no certain escape of an address.
  bool AsInteger = false;
};

/// `*Ptr = Val`, resolved by the solver against pts(Ptr).
struct StoreConstraint {
  LocationId Ptr;
  LocationId Val;
  const llvm::Instruction *Where;
  /// The stored value is an integer, or aggregate of integers, which may
  /// carry an address (Edge::AsInteger).
  bool AsInteger = false;
};

/// Memory reachable from `Ptr` may be overwritten with pointers the function
/// cannot see (an unknown or summarised callee writes through it).
struct ClobberConstraint {
  LocationId Ptr;
  const llvm::Instruction *Where;
};

/// A call that hands `Arg` to a callee whose summary leaks only some fields
/// of the object it points to (ParamSummary::ContentFields). The solver
/// sends only what this function stored into those fields to {heap} when
/// it knows, per byte offset, everything stored into the one local object
/// `Arg` points to; otherwise the whole content, `{heap} = Arg` at
/// WholeDerefs (what Go does).
struct FieldEscapeConstraint {
  LocationId Arg;
  std::vector<FieldLeak> Fields;
  int WholeDerefs;
  const llvm::CallBase *Where;
  unsigned ArgNo;
  EscapeCause Cause;
};

/// A call or instruction that may move pointers between the fields of the
/// objects `Ptr` points to (a callee whose summary has no ContentFields for
/// it, memcpy): such objects' fields are not known apart.
struct ContentMoveConstraint {
  LocationId Ptr;
  const llvm::Instruction *Where;
};

/// A call that frees (or reallocates) the memory `Ptr` points to; or, when
/// InCallee, a call of a function that may free anything reachable from
/// `Ptr` (its summary says MayFree, or it is unknown and not `nofree`); or,
/// when CalleeArg is set, a call of a function whose summary lists the
/// deallocations of exactly the object its argument CalleeArg points to at
/// CalleeLevel derefs (ParamSummary::ObjectFrees): `Ptr` then stands for
/// that object's address, as for a deallocation call of its own.
struct FreeCall {
  LocationId Ptr;
  const llvm::CallBase *Call;
  bool IsRealloc;
  bool InCallee = false;
  /// The deallocation family (`_Znwm`, `malloc`, ...); empty if unknown.
  std::string Family;
  std::optional<unsigned> CalleeArg;
  unsigned CalleeLevel = 0;
};

/// The IR name of a call that returns nothing, which has no value slot:
/// `call @callee` (`call` when indirect). Such a call is a site of kind
/// Call when its callee allocates (push_back).
std::string voidCallName(const llvm::CallBase &CB);

/// The escape graph of one function. Built by GraphBuilder, solved by
/// EscapeSolver; owns no IR.
class EscapeGraph {
public:
  explicit EscapeGraph(const llvm::Function &F);
  ~EscapeGraph();

  const llvm::Function &function() const { return F; }

  /// The sinks and the shared unknown object always exist.
  LocationId heap() const { return 0; }
  LocationId result() const { return 1; }
  LocationId unknown() const { return 2; }
  LocationId thrown() const { return 3; }

  LocationId addLocation(LocationKind K, const llvm::Value *IR);
  /// The Value location of \p V, or none.
  std::optional<LocationId> lookupValue(const llvm::Value *V) const;
  /// The Value location of \p V, created on first use.
  LocationId valueLocation(const llvm::Value *V);
  /// The object location of an alloca, allocation call, argument or global.
  std::optional<LocationId> lookupObject(const llvm::Value *V) const;
  LocationId objectLocation(LocationKind K, const llvm::Value *V);
  /// The ParamContent location of argument \p A (created with its
  /// ParamObject by the builder), or none.
  std::optional<LocationId> lookupParamContent(const llvm::Argument *A) const;
  LocationId paramContentLocation(const llvm::Argument *A);

  /// Adds `Dst = Src` with \p Derefs. Returns false if an edge at least as
  /// strong (same source, no more derefs) already exists; into {heap}, one
  /// with the same cause too: where a value's escapes end is judged route by
  /// route (dangling addresses), so a second cause is not dropped; nor is a
  /// flow of a pointer beside one of an integer (\p AsInteger, also set for
  /// a destination that is a value of integers).
  bool addEdge(LocationId Dst, LocationId Src, int Derefs, FlowKind K,
               const llvm::Instruction *Where, EscapeCause Cause = {},
               bool AsInteger = false);
  /// `{heap} = V` (Derefs 0: V itself escapes; 1: what it points to).
  void addEscape(LocationId V, int Derefs, const llvm::Instruction *Where,
                 EscapeCause Cause) {
    addEdge(heap(), V, Derefs, FlowKind::Escape, Where, Cause);
  }
  void addStore(LocationId Ptr, LocationId Val, const llvm::Instruction *I,
                bool AsInteger = false) {
    Stores.push_back({Ptr, Val, I, AsInteger});
  }
  void addClobber(LocationId Ptr, const llvm::Instruction *I) {
    Clobbers.push_back({Ptr, I});
  }
  void addFieldEscape(FieldEscapeConstraint C) {
    FieldEscapes.push_back(std::move(C));
  }
  void addContentMove(LocationId Ptr, const llvm::Instruction *I) {
    ContentMoves.push_back({Ptr, I});
  }
  void addFree(LocationId Ptr, const llvm::CallBase *CB, bool IsRealloc,
               bool InCallee = false, std::string Family = "") {
    Frees.push_back({Ptr, CB, IsRealloc, InCallee, std::move(Family)});
  }
  /// \p CB frees the object \p Ptr points to inside its callee, which
  /// frees exactly that object of its argument \p ArgNo at \p Level derefs.
  void addCalleeFree(LocationId Ptr, const llvm::CallBase *CB,
                     std::string Family, unsigned ArgNo, unsigned Level) {
    FreeCall FC{Ptr, CB, /*IsRealloc=*/false, /*InCallee=*/false,
                std::move(Family)};
    FC.CalleeArg = ArgNo;
    FC.CalleeLevel = Level;
    Frees.push_back(std::move(FC));
  }

  unsigned size() const { return Locations.size(); }
  const Location &location(LocationId L) const { return Locations[L]; }
  /// Incoming edges of \p L (the sources that flow into it).
  const std::vector<Edge> &incoming(LocationId L) const { return In[L]; }
  const std::vector<StoreConstraint> &stores() const { return Stores; }
  const std::vector<ClobberConstraint> &clobbers() const { return Clobbers; }
  const std::vector<FieldEscapeConstraint> &fieldEscapes() const {
    return FieldEscapes;
  }
  const std::vector<ContentMoveConstraint> &contentMoves() const {
    return ContentMoves;
  }
  const std::vector<FreeCall> &frees() const { return Frees; }

  /// A short human name: `{heap}`, `~r0`, `%call`, `&{storage for %x}`.
  std::string name(LocationId L) const;
  /// Names a location that stands for no IR value of its own (a value a
  /// summary replays at a call).
  void setLabel(LocationId L, std::string Label) {
    Labels[L] = std::move(Label);
  }
  void print(llvm::raw_ostream &OS) const;

private:
  std::string valueName(const llvm::Value *V) const;

  const llvm::Function &F;
  /// Slot numbers of unnamed values (valueName), per function (this one, a
  /// callee a flow passes through), made on first use.
  mutable llvm::DenseMap<const llvm::Function *,
                         llvm::DenseMap<const llvm::Value *, unsigned>>
      SlotsByFunction;
  std::vector<Location> Locations;
  std::vector<std::vector<Edge>> In;
  std::vector<StoreConstraint> Stores;
  std::vector<ClobberConstraint> Clobbers;
  std::vector<FieldEscapeConstraint> FieldEscapes;
  std::vector<ContentMoveConstraint> ContentMoves;
  std::vector<FreeCall> Frees;
  llvm::DenseMap<std::tuple<LocationId, LocationId, unsigned>, int> MinDerefs;
  /// The same for edges into {heap}, one per source and cause: (source,
  /// where, kind, subject, callee's global flag, callee's argument, as an
  /// integer).
  using HeapEdgeKey =
      std::tuple<LocationId, const llvm::Instruction *, unsigned,
                 const llvm::Value *, unsigned, int, unsigned>;
  llvm::DenseMap<HeapEdgeKey, int> HeapMinDerefs;
  llvm::DenseMap<const llvm::Value *, LocationId> ValueLocs;
  llvm::DenseMap<const llvm::Value *, LocationId> ObjectLocs;
  llvm::DenseMap<const llvm::Value *, LocationId> ParamContentLocs;
  llvm::DenseMap<LocationId, std::string> Labels;
};

} // namespace escape

#endif // ESCAPE_ESCAPEGRAPH_H
