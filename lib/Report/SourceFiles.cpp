//===- SourceFiles.cpp - Source files as the AST and the debug info name them //
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/SourceFiles.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Basic/SourceManagerInternals.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace llvm;

namespace escape {

SourceFileIndex::SourceFileIndex(SourceManager &SM) : SM(SM) {
  auto AddFile = [&](const SrcMgr::SLocEntry &Entry) {
    if (!Entry.isFile())
      return;
    SourceLocation Start =
        SourceLocation::getFromRawEncoding(Entry.getOffset());
    FileID FID = SM.getFileID(Start);
    if (FID.isInvalid())
      return;
    const SrcMgr::FileInfo &FI = Entry.getFile();
    StringRef Name = FI.getName();
    if (Name.empty())
      return;
    Parts[canonicalFile(Name)].push_back(
        {FID, 0, SrcMgr::isSystem(FI.getFileCharacteristic())});
  };
  // The files read for this translation unit (local entries), then those a
  // precompiled header or a module read (loaded entries).
  for (unsigned I = 0, E = SM.local_sloc_entry_size(); I != E; ++I)
    AddFile(SM.getLocalSLocEntry(I));
  for (unsigned I = 0, E = SM.loaded_sloc_entry_size(); I != E; ++I) {
    bool Invalid = false;
    const SrcMgr::SLocEntry &Entry = SM.getLoadedSLocEntry(I, &Invalid);
    if (!Invalid)
      AddFile(Entry);
  }
  // The names `#line` gave (and the line markers of preprocessed input).
  if (!SM.hasLineTable())
    return;
  LineTableInfo &LT = SM.getLineTable();
  for (auto &KV : LT)
    for (const LineEntry &L : KV.second) {
      if (L.FilenameID == -1)
        continue;
      assert(unsigned(L.FilenameID) < LT.getNumFilenames() &&
             "line entry names a file the line table does not have");
      Parts[canonicalFile(LT.getFilename(L.FilenameID))].push_back(
          {KV.first, L.FileOffset, SrcMgr::isSystem(L.FileKind)});
    }
}

bool SourceFileIndex::isUser(StringRef CanonicalName) const {
  auto It = Parts.find(CanonicalName);
  if (It == Parts.end())
    return false;
  for (const Part &P : It->second)
    if (!P.System)
      return true;
  return false;
}

SourceLocation SourceFileIndex::locationOf(StringRef CanonicalName,
                                           unsigned Line,
                                           unsigned Column) const {
  auto It = Parts.find(CanonicalName);
  if (It == Parts.end() || Line == 0)
    return {};
  Column = std::max(Column, 1u);
  for (const Part &P : It->second) {
    // The physical line that presumed line `Line` of this part would be on.
    SourceLocation Begin = SM.getComposedLoc(P.File, P.Offset);
    PresumedLoc First = SM.getPresumedLoc(Begin);
    if (First.isInvalid() || Line < First.getLine())
      continue;
    unsigned Physical =
        SM.getSpellingLineNumber(Begin) + (Line - First.getLine());
    SourceLocation Loc = SM.translateLineCol(P.File, Physical, Column);
    PresumedLoc PL = SM.getPresumedLoc(Loc);
    if (PL.isValid() && PL.getLine() == Line &&
        canonicalFile(PL.getFilename()) == CanonicalName)
      return Loc;
  }
  return {};
}

std::vector<std::string> SourceFileIndex::userFiles() const {
  std::vector<std::string> Out;
  for (const auto &KV : Parts)
    if (isUser(KV.getKey()))
      Out.push_back(KV.getKey().str());
  return Out;
}

} // namespace escape
