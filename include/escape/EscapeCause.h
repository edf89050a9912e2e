//===- EscapeCause.h - Why a location escapes, as data --------------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The cause of an escape is data: a kind, the IR entity it names (the
/// global stored to, the parameter stored through, the callee passed to)
/// and where it happens. The analysis decides on kinds; words are made only
/// when a message is printed (describeCause in Messages.h: with IR names for
/// remarks, with source names in the clang report), as Go's escape analysis
/// keeps `hole.note`s beside its decisions and formats them only in explain.
///
/// Every edge into `{heap}` carries one; the root of a walk (`{heap}` or
/// the result) gives a location's cause; a flow that went through
/// `ptrtoint` marks it ViaInteger.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_ESCAPECAUSE_H
#define ESCAPE_ESCAPECAUSE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include <cstdint>
#include <string>

namespace llvm {
class Argument;
class Instruction;
class Value;
} // namespace llvm

namespace escape {

/// Why a function was not analysed (all its sites escape, all its
/// parameters leak).
enum class SkipReason : uint8_t {
  None,
  NoBody,            ///< a declaration
  PresplitCoroutine, ///< a coroutine before CoroSplit
  TooLarge, ///< more instructions than AnalysisOptions::MaxFunctionSize
};

enum class EscapeCauseKind : uint8_t {
  /// Reaches the function's result.
  Returned,
  /// Stored into a global variable. Subject: the GlobalValue.
  StoredToGlobal,
  /// Stored into memory a parameter points to. Subject: the Argument.
  StoredThroughParam,
  /// Stored through a pointer of unknown origin.
  StoredThroughUnknown,
  /// Is (or is stored into) the C++ exception object.
  Thrown,
  /// Passed to a callee the analysis cannot see. Subject: the called
  /// operand (a Function, an InlineAsm, or anything else: indirect).
  PassedToUnknown,
  /// Passed to a defined callee whose body may not be the one that runs
  /// (weak, exported from a shared library: mayBeReplaced). Subject: the
  /// callee.
  PassedToReplaceable,
  /// Passed to a defined callee whose summary leaks it. Subject: callee.
  PassedToLeakingCallee,
  /// Passed as a variadic argument. Subject: callee.
  PassedAsVariadic,
  /// Its content is moved to a new object by realloc.
  MovedByRealloc,
  /// An operand of an instruction the graph builder does not model.
  /// Where: that instruction.
  UnsupportedInstruction,
  /// The function holding it was not analysed (Skip says why).
  NotAnalysed,
};

/// Why a location escapes. Subject and Where point into the IR: valid while
/// the module is (the report copies what it needs into CauseRecord).
struct EscapeCause {
  EscapeCauseKind Kind = EscapeCauseKind::StoredThroughUnknown;
  const llvm::Value *Subject = nullptr;
  const llvm::Instruction *Where = nullptr;
  /// The flow went through ptrtoint: an address carried as an integer.
  bool ViaInteger = false;
  SkipReason Skip = SkipReason::None;
  /// PassedToLeakingCallee: where the callee's summary says it goes. The
  /// callee stores it to a global (here or in its own callee) ...
  bool CalleeStoresToGlobal = false;
  /// ... or through its argument number CalleeStoresThroughArg (-1: no).
  int CalleeStoresThroughArg = -1;

  static EscapeCause returned() { return {EscapeCauseKind::Returned}; }
  static EscapeCause notAnalysed(SkipReason R) {
    EscapeCause C{EscapeCauseKind::NotAnalysed};
    C.Skip = R;
    return C;
  }

  /// The address outlives the frame for certain (returned, stored to a
  /// global or through a parameter), not merely that it reaches code the
  /// analysis cannot see. Dangling-pointer warnings need this.
  bool definitelyOutlives() const {
    return Kind == EscapeCauseKind::Returned ||
           Kind == EscapeCauseKind::StoredToGlobal ||
           Kind == EscapeCauseKind::StoredThroughParam;
  }
};

/// A cause as plain data that outlives the module (ReportSink). Names are
/// resolved: a global's demangled name, a callee's readable name; a
/// parameter is kept as its position so the report can give its source
/// name.
struct CauseRecord {
  EscapeCauseKind Kind = EscapeCauseKind::StoredThroughUnknown;
  /// The global's or callee's name; the opcode of an unsupported
  /// instruction; empty for an indirect call.
  std::string Name;
  /// StoredThroughParam: the parameter's position among the arguments that
  /// stand for source parameters (`this` counts, a hidden sret argument
  /// does not), and how many there are; its IR name (may be empty) and IR
  /// argument number for when no source name is known.
  unsigned ParamIndex = 0, NumSourceParams = 0, ArgNo = 0;
  std::string ParamIRName;
  bool ViaInteger = false;
  SkipReason Skip = SkipReason::None;

  bool definitelyOutlives() const {
    return EscapeCause{Kind}.definitelyOutlives();
  }
};

/// Resolves \p C into plain data.
CauseRecord recordCause(const EscapeCause &C);

} // namespace escape

#endif // ESCAPE_ESCAPECAUSE_H
