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
    // The hidden sret argument is the function's result in memory (a
    // returned std::unique_ptr or struct): no source parameter.
    if (A->hasStructRetAttr()) {
      R.Kind = EscapeCauseKind::Returned;
      break;
    }
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
  case EscapeCauseKind::PassedToReplaceable:
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

} // namespace escape
