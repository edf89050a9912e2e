//===- EscapeCause.cpp - Why a location escapes, as data ------------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/EscapeCause.h"
#include "escape/EscapeAnalysis.h"

#include "llvm/IR/Function.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/Instruction.h"

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

CauseRecord recordCause(const EscapeCause &C) {
  CauseRecord R;
  R.Kind = C.Kind;
  R.ViaInteger = C.ViaInteger;
  R.Skip = C.Skip;
  switch (C.Kind) {
  case EscapeCauseKind::StoredToGlobal:
    assert(C.Subject && "a store to a global names the global");
    R.Name = sourceName(C.Subject);
    break;
  case EscapeCauseKind::StoredThroughParam: {
    const auto *A = dyn_cast_or_null<Argument>(C.Subject);
    assert(A && "a store through a parameter names the parameter");
    if (!A)
      break;
    const Function &F = *A->getParent();
    unsigned Hidden = 0, HiddenBefore = 0;
    for (const Argument &B : F.args())
      if (B.hasStructRetAttr()) {
        ++Hidden;
        HiddenBefore += B.getArgNo() < A->getArgNo();
      }
    R.ArgNo = A->getArgNo();
    R.ParamIndex = A->getArgNo() - HiddenBefore;
    R.NumSourceParams = F.arg_size() - Hidden;
    R.ParamIRName = A->getName().str();
    break;
  }
  case EscapeCauseKind::PassedToUnknown:
  case EscapeCauseKind::PassedToLeakingCallee:
  case EscapeCauseKind::PassedAsVariadic:
    if (const auto *F = dyn_cast_or_null<Function>(C.Subject))
      R.Name = prettyFunctionName(F->getName());
    else if (isa_and_nonnull<InlineAsm>(C.Subject))
      R.Name = "inline asm";
    break;
  case EscapeCauseKind::UnsupportedInstruction:
    assert(C.Where && "an unsupported instruction is named");
    if (C.Where)
      R.Name = C.Where->getOpcodeName();
    break;
  default:
    break;
  }
  return R;
}

std::string describeCause(
    const CauseRecord &C,
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
      Name = C.ParamIRName.empty() ? "#" + std::to_string(C.ArgNo)
                                   : C.ParamIRName;
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

} // namespace escape
