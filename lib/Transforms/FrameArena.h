//===- FrameArena.h - One bounded stack arena per function (internal) -----===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A frame arena takes the non-escaping allocations that one fixed slot
/// cannot serve: a size known only at run time, an allocation in a loop
/// whose previous object may still be live, several objects freed by one
/// delete (a growing buffer: the new one is allocated while the old one is
/// alive). After Go 1.25/1.26's stack backing stores for `make` and
/// `append`, and LLVM's SmallVector, made automatic.
///
/// Layout: one entry-block `[Bytes x i8]` alloca (16-byte aligned, the
/// alignment of `operator new` and `malloc` on x86-64), and two i64 slots,
/// `top` (bytes in use) and `last` (offset of the last block's header plus
/// 16; 0 when empty). Each block is a 16-byte header `{i64 prev-last,
/// i64 freed}` and the object, rounded up to 16 bytes (16 for a zero-byte
/// object, whose address must still lie inside the arena).
///  - allocate(n): when the block fits behind `top`, bump and return the
///    object; otherwise the original call (the heap) runs;
///  - release(p): when p lies in the arena, mark its block freed and pop
///    freed blocks off the top (LIFO reuse: an object allocated and freed
///    once per iteration reuses the same bytes, and so do a buffer's old
///    copies once the last one is freed); otherwise the original free runs.
/// The arena never grows the stack: what does not fit goes to the heap.
/// Both operations are internal functions of the module
/// (`escape.arena.allocate`, `escape.arena.release`) inlined where used.
///
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_LIB_TRANSFORMS_FRAMEARENA_H
#define ESCAPE_LIB_TRANSFORMS_FRAMEARENA_H

#include "escape/AllocationSites.h"

#include "llvm/ADT/SmallVector.h"

#include <cstdint>

namespace llvm {
class AllocaInst;
class CallBase;
class CallInst;
class Function;
} // namespace llvm

namespace escape {

/// Bytes of each block's header, and the alignment of every object.
constexpr uint64_t ArenaHeaderBytes = 16;

/// Smallest arena worth making (bytes): room for one header and a small
/// object.
constexpr uint64_t MinArenaBytes = 64;

/// True if a site of this kind can take arena memory: plain new, new[] and
/// malloc with the size as their only argument, at most 16-byte alignment.
bool fitsFrameArena(const AllocationSite &Site);

/// The frame arena of one function, while it is being placed.
class FrameArena {
public:
  /// Creates the arena's allocas (\p Bytes of data, a multiple of 16) in
  /// \p F's entry block.
  FrameArena(llvm::Function &F, uint64_t Bytes);

  /// Makes \p Site's allocation take arena memory when its block fits, and
  /// call the original allocator (which may throw, or be an invoke)
  /// otherwise. \p Site must pass fitsFrameArena.
  void allocate(const AllocationSite &Site);

  /// Makes the deallocation \p Free (free / delete family; its pointer is
  /// the first argument) release arena memory when its pointer lies in
  /// the arena, and run as before otherwise.
  void release(llvm::CallBase *Free);

  /// Inlines the arena operations made by allocate and release. Call once,
  /// after the last of them.
  void finish();

private:
  llvm::Function &F;
  uint64_t Bytes;
  llvm::AllocaInst *Data, *Top, *Last;
  llvm::SmallVector<llvm::CallInst *, 8> Operations;
};

} // namespace escape

#endif
