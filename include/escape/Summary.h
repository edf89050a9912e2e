//===- Summary.h - Go's leak summaries of functions and parameters -------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What a caller needs to know of a callee, as Go's leaks.go records per
/// parameter the minimum derefs at which it reaches the heap and the
/// result. Computed by the solver (Solver.cpp, from the walks of {heap} and
/// the result and the points-to sets), applied at direct call sites by the
/// graph builder (Calls.cpp), printed by describeParam (Messages.h).
/// Summaries only grow as a recursive component is iterated (more leaks,
/// lower derefs), which is what makes the iteration terminate.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_SUMMARY_H
#define ESCAPE_SUMMARY_H

#include "escape/EscapeCause.h"

#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace llvm {
class CallBase;
} // namespace llvm

namespace escape {

/// One field of a parameter's object whose content leaks: the value a load
/// takes from bytes [Offset, Offset + Size) of the object the parameter
/// points to (offsets from the parameter's own value, in bytes) reaches
/// {heap} at Derefs further derefs (0: the loaded pointer itself).
struct FieldLeak {
  int64_t Offset;
  uint64_t Size;
  int Derefs;
  bool operator==(const FieldLeak &O) const {
    return Offset == O.Offset && Size == O.Size && Derefs == O.Derefs;
  }
  bool operator<(const FieldLeak &O) const {
    return std::tie(Offset, Size, Derefs) <
           std::tie(O.Offset, O.Size, O.Derefs);
  }
};

/// Go's leak summary of one parameter. Deref levels are counted from the
/// parameter's value: 0 means the pointer itself flows, 1 what it points to.
struct ParamSummary {
  static constexpr int None = INT_MAX;
  int HeapDerefs = None;   ///< min derefs at which it reaches {heap}
  int ResultDerefs = None; ///< min derefs at which it reaches the result
  /// Memory reachable from it, its own object included, may be freed in a
  /// way ObjectFrees does not list.
  bool MayFree = false;
  bool MayWrite = false; ///< foreign pointers may be stored into it
  EscapeCause HeapCause; ///< why it leaks (callee's view), when it does
  /// Where that leak certainly goes, for the callers' dangling-address
  /// warnings: every route by which the parameter reaches {heap} at
  /// HeapDerefs ends in a global (LeaksToGlobal), or in a global or the
  /// memory reached from this function's argument LeaksThroughArg (-1:
  /// some route goes elsewhere, or to several arguments' memory). A route
  /// ends at a store to a global or through a parameter that is not undone
  /// before the return, or at a callee whose summary says so in turn.
  bool LeaksToGlobal = false;
  int LeaksThroughArg = -1;
  /// Arguments whose objects it is stored into (FunctionSummary::ParamStores).
  std::vector<unsigned> StoredInto;
  /// Arguments whose objects its content is copied into
  /// (FunctionSummary::ContentStores).
  std::vector<unsigned> ContentInto;
  /// The deallocation calls of this function that free exactly the object
  /// the parameter points to ([0]: `delete p`) or the object its content
  /// points to ([1]: `delete *p`, a unique_ptr's destructor), of one
  /// family each (FreedFamily). A caller whose object is freed only so can
  /// still move it to the stack, by calling a copy of this function without
  /// these calls (HeapToStack's callee clones): ownership handed over.
  std::vector<const llvm::CallBase *> ObjectFrees[2];
  std::string FreedFamily[2];
  /// Field-sensitive content leaks (issue 12 §3), when the function reads
  /// the parameter's object only at constant offsets, never stores a
  /// pointer into it, and hands it only to callees that have this list for
  /// it themselves (so nothing moves a pointer from one field to another):
  /// the fields whose content reaches {heap}, sorted, at most
  /// MaxContentFields. A caller that knows what each field of its object
  /// holds sends only those to the heap (`use(&q)` publishing `q->b` keeps
  /// what `q->a` points to local). None: field-insensitive, the content
  /// leaks at HeapDerefs as a whole. Only describes {heap}; the result
  /// (ResultDerefs) stays field-insensitive.
  std::optional<std::vector<FieldLeak>> ContentFields;
  static constexpr unsigned MaxContentFields = 16;
  /// Byte ranges [first, first + second) of the parameter's object that
  /// the function overwrites, by a store through the parameter plus a
  /// constant, on every path to a normal return: what a caller published
  /// there before the call is gone afterwards (`leaveblock(fs)` undoing
  /// `fs->bl = &bl`; OverwrittenStores.h). Dangling warnings only.
  std::vector<std::pair<int64_t, uint64_t>> MustWrite;

  /// Reaches {heap} at some deref level (the parameter itself at 0).
  bool leaksToHeap() const { return HeapDerefs != None; }
  /// Reaches the result at some deref level.
  bool leaksToResult() const { return ResultDerefs != None; }
  /// Leaks in any way -m reports: to the heap, to the result (Go's
  /// words), or itself or its content into another argument's object.
  bool leaks() const {
    return leaksToHeap() || leaksToResult() || !StoredInto.empty() ||
           !ContentInto.empty();
  }
  /// The summary of a parameter nothing is known about: it leaks itself,
  /// and what it reaches may be freed or written (a function not analysed,
  /// a recursive component given up).
  static ParamSummary unknown();
  /// Without the levels that describe its content (derefs >= 1), for a
  /// pointer to memory that holds no addresses.
  ParamSummary withoutContentLevels() const;

  bool operator==(const ParamSummary &O) const {
    return HeapDerefs == O.HeapDerefs && ResultDerefs == O.ResultDerefs &&
           MayFree == O.MayFree && MayWrite == O.MayWrite &&
           ObjectFrees[0] == O.ObjectFrees[0] &&
           ObjectFrees[1] == O.ObjectFrees[1] &&
           FreedFamily[0] == O.FreedFamily[0] &&
           FreedFamily[1] == O.FreedFamily[1] &&
           ContentFields == O.ContentFields && MustWrite == O.MustWrite &&
           LeaksToGlobal == O.LeaksToGlobal &&
           LeaksThroughArg == O.LeaksThroughArg;
  }
  bool operator!=(const ParamSummary &O) const { return !(*this == O); }
};

/// The summary of a function, one entry per formal argument.
struct FunctionSummary {
  std::vector<ParamSummary> Params;
  /// The result may hold pointers the caller cannot see (not derived from
  /// the arguments).
  bool ReturnsUnknown = false;
  /// `*param[Dst] = param[Src]`: pairs (Dst, Src) of argument numbers. Go
  /// sends such a store to the heap ("leaking param"); here the caller
  /// replays it as a store between its own arguments, so linking two local
  /// objects through a helper keeps both local.
  std::vector<std::pair<unsigned, unsigned>> ParamStores;
  /// The ParamStores pairs whose every store stores an integer derived
  /// from the source parameter (StoreConstraint::AsInteger: a length, a
  /// difference of addresses), never a pointer: the caller replays them as
  /// such, no certain escape of the address.
  std::vector<std::pair<unsigned, unsigned>> IntegerParamStores;
  /// Where in the destination's object each ParamStores pair is stored, by
  /// a store through the destination parameter plus a constant: a pair
  /// with any store elsewhere (through a loaded pointer, an unknown offset,
  /// a callee) has no entry. Lets a caller see the publication undone
  /// (dangling warnings only).
  struct StorePlace {
    unsigned Dst, Src;
    int64_t Offset;
    uint64_t Size;
    bool operator==(const StorePlace &O) const {
      return Dst == O.Dst && Src == O.Src && Offset == O.Offset &&
             Size == O.Size;
    }
  };
  std::vector<StorePlace> ParamStorePlaces;
  /// `*param[Dst] = *param[Src]`, Dst != Src: what one argument's object
  /// holds copied into another's (a pointer swap, `dst = src` through
  /// references). Replayed by the caller as a load and a store, so the
  /// source's content does not leak. A parameter's content written back
  /// into its own object (`*s += x`) needs nothing.
  std::vector<std::pair<unsigned, unsigned>> ContentStores;
  /// The ContentStores pairs copied only as integers (IntegerParamStores).
  std::vector<std::pair<unsigned, unsigned>> IntegerContentStores;
  /// The function hands the caller memory it allocated itself: through its
  /// result (a factory), or stored into an argument's object (sret, as
  /// std::make_unique at -O0). The caller then sees an allocation site at
  /// the call (AllocKind::Call) whose own verdict it decides.
  bool ReturnsFresh = false;
  std::vector<unsigned> FreshInto;
  /// What the allocations handed over through FreshInto may hold: what
  /// argument Src points to at Derefs derefs (0: Src's value itself) and
  /// deeper. `s->buf = new char[n]; memcpy(s->buf, old, n)` with `old =
  /// s->buf` before: {Src s, Derefs 2}. Present only when that is all they
  /// hold (nothing of this function's own frame, globals or unknown memory),
  /// and then those allocations' escape through the parameter is no leak of
  /// what flows into them: the caller replays the store (FreshInto) and
  /// their content, and decides. After Go's escape analysis, which gives
  /// such content flows to the caller as part of the result's leaks.
  struct FreshContent {
    unsigned Src;
    int Derefs;
    bool operator==(const FreshContent &O) const {
      return Src == O.Src && Derefs == O.Derefs;
    }
  };
  std::vector<FreshContent> FreshContents;
  /// The summary of a function nothing is known about, with \p NumArgs
  /// arguments: every parameter ParamSummary::unknown(), result unknown.
  static FunctionSummary unknown(unsigned NumArgs);

  bool operator==(const FunctionSummary &O) const {
    return Params == O.Params && ReturnsUnknown == O.ReturnsUnknown &&
           ParamStores == O.ParamStores &&
           IntegerParamStores == O.IntegerParamStores &&
           ParamStorePlaces == O.ParamStorePlaces &&
           ContentStores == O.ContentStores &&
           IntegerContentStores == O.IntegerContentStores &&
           ReturnsFresh == O.ReturnsFresh && FreshInto == O.FreshInto &&
           FreshContents == O.FreshContents;
  }
};

} // namespace escape

#endif // ESCAPE_SUMMARY_H
