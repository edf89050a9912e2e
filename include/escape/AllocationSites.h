//===- AllocationSites.h - Heap allocation and deallocation calls ---------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Recognises allocation sites and deallocations through LLVM's
/// MemoryBuiltins and TargetLibraryInfo, and decides which of them the pass
/// may ever turn into a stack slot:
///
///  - a C++ new-expression: a call of the `_Znwm` / `_Znam` families (plain,
///    aligned, nothrow) that carries the `builtin` attribute. C++ allows
///    eliding only those; a direct `::operator new(n)` call is `nobuiltin`.
///  - `malloc`, `calloc`, `aligned_alloc` as TargetLibraryInfo knows them
///    (so `-fno-builtin` turns recognition off).
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_ALLOCATIONSITES_H
#define ESCAPE_ALLOCATIONSITES_H

#include "escape/KeepCause.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Alignment.h"
#include <optional>
#include <string>

namespace llvm {
class CallBase;
class DataLayout;
class TargetLibraryInfo;
class Value;
} // namespace llvm

namespace escape {

/// The source-level spelling family of an allocation site.
enum class AllocKind {
  New,
  NewArray,
  Malloc,
  Calloc,
  AlignedAlloc,
  Other,
  /// A call of a defined function that returns memory it allocated
  /// (FunctionSummary::ReturnsFresh / FreshInto): never demoted here.
  Call
};

/// One heap allocation call.
struct AllocationSite {
  llvm::CallBase *Call = nullptr;
  AllocKind Kind = AllocKind::Other;
  /// MemoryBuiltins' family name (`_Znwm`, `_Znam`, `malloc`, ...): the
  /// deallocation that may free it must be of the same family.
  std::string Family;
  /// The size in bytes when it is a compile-time constant.
  std::optional<uint64_t> Size;
  /// The alignment the allocator guarantees (bytes): the `align_val_t` of
  /// aligned new, the alignment argument of aligned_alloc, else the
  /// platform's default new/malloc alignment (16 on x86-64).
  llvm::Align Alignment;
  /// Zero-initialised (calloc).
  bool ZeroInit = false;
  /// None when the pass may demote this kind of call at all; otherwise why
  /// not (e.g. OperatorNewCalledDirectly).
  KeepCause NotDemotable;
};

/// Classifies \p V as a heap allocation call, or returns none.
std::optional<AllocationSite>
classifyAllocation(const llvm::Value *V, const llvm::TargetLibraryInfo &TLI,
                   const llvm::DataLayout &DL);

/// If \p CB frees memory (free, operator delete, ...), the freed pointer.
const llvm::Value *freedOperand(const llvm::CallBase &CB,
                                const llvm::TargetLibraryInfo &TLI);

/// The allocation family of a deallocation call (`_Znwm` for `_ZdlPv`, ...).
std::optional<llvm::StringRef>
deallocationFamily(const llvm::CallBase &CB,
                   const llvm::TargetLibraryInfo &TLI);

/// True if \p CB is realloc-like: it frees its first argument and returns
/// new memory.
bool isReallocation(const llvm::CallBase &CB,
                    const llvm::TargetLibraryInfo &TLI);

/// A short C/C++ spelling for an allocation site without source
/// information: `new (16 bytes)`, `malloc(64)`, `calloc(n, 8)`.
std::string describeAllocation(const AllocationSite &S);

} // namespace escape

#endif // ESCAPE_ALLOCATIONSITES_H
