//===- Solver.h - Solving one function's escape graph (internal) ----------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef ESCAPE_LIB_ANALYSIS_SOLVER_H
#define ESCAPE_LIB_ANALYSIS_SOLVER_H

#include "GraphBuilder.h"
#include "escape/EscapeAnalysis.h"

namespace escape {

/// Solves Info.Graph in place: resolves stores and clobbers against the
/// points-to solution (adding edges), walks from {heap} and the result, and
/// fills Info.PointsTo, Info.Sites' verdicts, Info.Params and Info.Summary.
/// \p Summaries are the callees' summaries the graph was built with (for
/// the field-sensitive facts of the parameters they are handed).
void solveEscapeGraph(FunctionEscapeInfo &Info, SummaryLookup Summaries);

} // namespace escape

#endif
