//===- SourceIndex.cpp - What the report knows of the source --------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/SourceIndex.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <mutex>
#include <tuple>

using namespace llvm;

namespace escape {

std::string canonicalFile(StringRef Name) {
  // ThinLTO backends report from several threads.
  static std::mutex Lock;
  static StringMap<std::string> Cache;
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Cache.find(Name);
  if (It != Cache.end())
    return It->second;
  SmallString<256> Abs(Name);
  if (!Name.empty())
    sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  SmallString<256> Real;
  std::string Out =
      sys::fs::real_path(Abs, Real) ? std::string(Abs) : std::string(Real);
  Cache[Name] = Out;
  return Out;
}

std::string SourceIndex::paramName(StringRef IRFunction, unsigned Index,
                                   unsigned NumSourceParams) const {
  auto It = ParamNames.find(IRFunction.str());
  if (It == ParamNames.end() || It->second.size() != NumSourceParams ||
      Index >= It->second.size())
    return ""; // hidden arguments we cannot place (a VTT, inalloca)
  return It->second[Index];
}

void SourceIndex::merge(const SourceIndex &Other) {
  std::set<std::tuple<std::string, unsigned, unsigned, std::string>> Have;
  for (const SourceSite &S : Sites)
    Have.insert({S.File, S.Line, S.Column, S.Spelling});
  for (const SourceSite &S : Other.Sites)
    if (Have.insert({S.File, S.Line, S.Column, S.Spelling}).second)
      Sites.push_back(S);
  for (const auto &F : Other.UserFiles)
    UserFiles.insert(F.getKey());
  ParamNames.insert(Other.ParamNames.begin(), Other.ParamNames.end());
  FunctionPlaces.insert(Other.FunctionPlaces.begin(),
                        Other.FunctionPlaces.end());
  EmittedFunctions.insert(Other.EmittedFunctions.begin(),
                          Other.EmittedFunctions.end());
  EarlyPositions.insert(Other.EarlyPositions.begin(),
                        Other.EarlyPositions.end());
  NoHeapFunctions.insert(Other.NoHeapFunctions.begin(),
                         Other.NoHeapFunctions.end());
}

} // namespace escape
