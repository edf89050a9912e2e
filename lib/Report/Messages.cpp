//===- Messages.cpp - The words of the report -----------------------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every message text of docs/Messages.md that is made from typed data. The
// words here are the user-facing contract: tests match them byte for byte.
//
//===----------------------------------------------------------------------===//

#include "escape/Messages.h"
#include "escape/EscapeAnalysis.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

namespace escape {

const char *describeSkip(SkipReason R) {
  switch (R) {
  case SkipReason::None:
    return "";
  case SkipReason::NoBody:
    return "no body";
  case SkipReason::PresplitCoroutine:
    return "coroutine before splitting";
  case SkipReason::TooLarge:
    return "function too large to analyse";
  }
  llvm_unreachable("unknown skip reason");
}

std::string
describeCause(const CauseRecord &C,
              function_ref<std::string(const CauseRecord &)> ParamName) {
  std::string S;
  switch (C.Kind) {
  case EscapeCauseKind::Returned:
    S = "returned";
    break;
  case EscapeCauseKind::StoredToGlobal:
    S = "stored to global '" + C.Name + "'";
    break;
  case EscapeCauseKind::StoredThroughParam: {
    std::string Name = ParamName ? ParamName(C) : std::string();
    if (Name.empty())
      Name =
          C.ParamIRName.empty() ? "#" + std::to_string(C.ArgNo) : C.ParamIRName;
    S = "stored through parameter '" + Name + "'";
    break;
  }
  case EscapeCauseKind::StoredThroughUnknown:
    S = "stored through unknown pointer";
    break;
  case EscapeCauseKind::Thrown:
    S = "thrown";
    break;
  case EscapeCauseKind::PassedToUnknown:
    S = C.Name.empty() ? std::string("passed to an indirect call")
                       : "passed to unknown function '" + C.Name + "'";
    break;
  case EscapeCauseKind::PassedToReplaceable:
    S = "passed to '" + C.Name +
        "', which may be replaced at link or load time";
    break;
  case EscapeCauseKind::PassedToLeakingCallee:
    S = "passed to '" + C.Name + "' which leaks it";
    break;
  case EscapeCauseKind::PassedAsVariadic:
    S = "passed to '" + C.Name + "' as a variadic argument";
    break;
  case EscapeCauseKind::MovedByRealloc:
    S = "content moved by realloc";
    break;
  case EscapeCauseKind::UnsupportedInstruction:
    S = "used by unsupported instruction '" + C.Name + "'";
    break;
  case EscapeCauseKind::NotAnalysed:
    S = describeSkip(C.Skip);
    break;
  }
  if (C.ViaInteger)
    S = "converted to integer (" + S + ")";
  return S;
}

std::string describeCause(const EscapeCause &C) {
  return describeCause(recordCause(C));
}

std::string describeKeep(const KeepCause &C) {
  switch (C.Kind) {
  case KeepCauseKind::None:
    return "";
  case KeepCauseKind::NotAnalysed:
    return describeSkip(C.Skip);
  case KeepCauseKind::OptimizationDisabled:
    return "optimization disabled";
  case KeepCauseKind::DemotionDisabled:
    return "demotion disabled";
  case KeepCauseKind::DisabledForFunction:
    return "demotion disabled for this function";
  case KeepCauseKind::InvalidAlignment:
    return "invalid alignment";
  case KeepCauseKind::NonConstantAlignment:
    return "non-constant alignment";
  case KeepCauseKind::OperatorNewCalledDirectly:
    return "operator new called directly";
  case KeepCauseKind::AllocationFunction:
    return "allocation function '" + C.Name + "'";
  case KeepCauseKind::AllocatedInCallee:
    return "allocated inside '" + C.Name + "'";
  case KeepCauseKind::NonConstantSize:
    return "non-constant size";
  case KeepCauseKind::TooLarge:
    return "too large for stack (" + std::to_string(C.Bytes) + " bytes)";
  case KeepCauseKind::MayBeFreedInCallee:
    return "may be freed inside '" + C.Name + "'";
  case KeepCauseKind::MayBeFreedIndirectly:
    return "may be freed by an indirect call";
  case KeepCauseKind::Reallocated:
    return "reallocated";
  case KeepCauseKind::FreedWithOthers:
    return "freed together with other objects";
  case KeepCauseKind::MismatchedFree:
    return "mismatched free ('" + C.Name + "')";
  case KeepCauseKind::LiveAcrossIterations:
    return "live across loop iterations";
  case KeepCauseKind::StackBudgetExhausted:
    return "stack budget exhausted";
  case KeepCauseKind::CloneBudgetExhausted:
    return "freed inside '" + C.Name +
           "', and the budget for copies of callees is used up";
  }
  llvm_unreachable("unknown keep cause");
}

std::string describeStackBuffer(uint64_t Bytes) {
  return "when at most " + std::to_string(Bytes) +
         " bytes; larger sizes stay on the heap";
}

std::string describeFrameArena(uint64_t Bytes) {
  return "frame arena of " + std::to_string(Bytes) +
         " bytes; the heap when it is full";
}

std::string describeOutcome(Outcome O, StringRef Reason, const KeepCause &Keep,
                            uint64_t StackBufferBytes, bool FrameArena) {
  assert((!FrameArena || (O == Outcome::Moved && StackBufferBytes)) &&
         "a frame arena holds non-escaping objects and has a size");
  // A variable-size site moves only up to its buffer's size.
  std::string Bound =
      StackBufferBytes ? describeStackBuffer(StackBufferBytes) : std::string();
  switch (O) {
  case Outcome::Escapes:
    return ("escapes to heap: " + Reason).str();
  case Outcome::Moved:
    if (FrameArena)
      return "does not escape; moved to stack (" +
             describeFrameArena(StackBufferBytes) + ")";
    if (!Bound.empty())
      return "does not escape; moved to stack " + Bound;
    return "does not escape; moved to stack";
  case Outcome::MovedFreed:
    return ("freed on every path before return; moved to stack" +
            (Bound.empty() ? "" : " " + Bound) + " (address " + Reason + ")")
        .str();
  case Outcome::KeptOnHeap:
    assert(Keep && "a site kept on the heap has a cause");
    return "does not escape; kept on heap: " + describeKeep(Keep);
  case Outcome::NoEscape:
    return "does not escape";
  }
  return "";
}

std::string describeParam(const ParamSummary &S, StringRef Name,
                          function_ref<std::string(unsigned)> ArgName) {
  // `*q, *r`: the objects of the arguments it goes into.
  auto Targets = [&](const std::vector<unsigned> &Args) {
    std::string Out;
    for (unsigned I = 0; I < Args.size(); ++I)
      Out += (I ? ", *" : "*") +
             (ArgName ? ArgName(Args[I]) : "#" + std::to_string(Args[I]));
    return Out;
  };
  if (S.HeapDerefs == ParamSummary::None && !S.StoredInto.empty())
    return ("leaking param: " + Name + " to " + Targets(S.StoredInto)).str();
  if (S.HeapDerefs == 0)
    return ("leaking param: " + Name).str();
  if (S.ResultDerefs == 0 && S.HeapDerefs == ParamSummary::None)
    return ("leaking param: " + Name + " to result").str();
  if (S.HeapDerefs != ParamSummary::None)
    return ("leaking param content: " + Name).str();
  if (!S.ContentInto.empty())
    return ("leaking param content: " + Name + " to " + Targets(S.ContentInto))
        .str();
  if (S.ResultDerefs != ParamSummary::None)
    return ("leaking param content: " + Name + " to result").str();
  return (Name + " does not escape").str();
}

std::string describeNoHeapAllocation(StringRef Function, StringRef Callee,
                                     StringRef What, StringRef Verdict) {
  std::string S =
      ("heap allocation in noheap function '" + Function + "'").str();
  if (!Callee.empty())
    S += (" (inlined from '" + Callee + "')").str();
  return S + ": " + What.str() + " " + Verdict.str();
}

std::string describeNoHeapUnchecked(StringRef Function, NoHeapUnchecked Why) {
  std::string S =
      ("noheap function '" + Function + "' cannot be checked").str();
  switch (Why) {
  case NoHeapUnchecked::NotOptimizing:
    return S + " without optimisation: compile with -O1 or higher";
  case NoHeapUnchecked::NoPasses:
    return S + ": this compile step runs no LLVM passes (-save-temps or "
               "-disable-llvm-passes)";
  }
  llvm_unreachable("unknown NoHeapUnchecked");
}

} // namespace escape
