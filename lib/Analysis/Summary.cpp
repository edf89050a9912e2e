//===- Summary.cpp - Go's leak summaries ----------------------------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/Summary.h"

namespace escape {

ParamSummary ParamSummary::unknown() {
  ParamSummary S;
  S.HeapDerefs = 0;
  S.MayFree = S.MayWrite = true;
  return S;
}

ParamSummary ParamSummary::withoutContentLevels() const {
  ParamSummary S = *this;
  if (S.HeapDerefs >= 1)
    S.HeapDerefs = None;
  if (S.ResultDerefs >= 1)
    S.ResultDerefs = None;
  return S;
}

FunctionSummary FunctionSummary::unknown(unsigned NumArgs) {
  FunctionSummary S;
  S.Params.assign(NumArgs, ParamSummary::unknown());
  S.ReturnsUnknown = true;
  return S;
}

} // namespace escape
