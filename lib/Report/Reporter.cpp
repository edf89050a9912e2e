//===- Reporter.cpp - The verdicts at the user's source lines ------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The clang side of the report: the AST gives the source index (sites,
// user files, parameter names) for the ReportBuilder, which matches the
// site records; here the parameter records go to their declarations
// through the mangled name, and the local records to the address-of
// expression nearest their position. Diagnostics go through clang's
// DiagnosticsEngine.
//
//===----------------------------------------------------------------------===//

#include "escape/Reporter.h"

#include "escape/FunctionAnnotations.h"
#include "escape/LinkTimeReport.h"
#include "escape/Messages.h"
#include "escape/Report.h"
#include "escape/ReportBuilder.h"
#include "escape/ReportJson.h"
#include "escape/SourceFiles.h"
#include "escape/SourceNames.h"
#include "escape/SourceSites.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

#include <map>
#include <set>

using namespace clang;
using namespace llvm;

namespace escape {
namespace {

/// Diagnostics through clang, at the AST's locations.
class ClangOutput : public ReportOutput {
public:
  ClangOutput(DiagnosticsEngine &D, const SourceFileIndex &Files)
      : D(D), Files(Files) {}
  void print(Severity S, const SourcePlace &Where, StringRef Text) override {
    DiagnosticsEngine::Level L =
        S == Severity::Remark    ? DiagnosticsEngine::Remark
        : S == Severity::Warning ? DiagnosticsEngine::Warning
        : S == Severity::Error   ? DiagnosticsEngine::Error
                                 : DiagnosticsEngine::Note;
    D.Report(SourceLocation::getFromRawEncoding(Where.Loc),
             D.getCustomDiagID(L, "%0"))
        << Text;
  }
  Severity danglingSeverity(const SourcePlace &Where) override {
    // Clang 19 gives a plugin's own diagnostics a fixed level, blind to
    // -Werror, -w and -W flags: take the level clang gives its own
    // -Wreturn-stack-address warning at this place instead.
    DiagnosticsEngine::Level L =
        D.getDiagnosticLevel(diag::warn_ret_stack_addr_ref,
                             SourceLocation::getFromRawEncoding(Where.Loc));
    if (L == DiagnosticsEngine::Ignored)
      return Severity::Remark;
    return L >= DiagnosticsEngine::Error ? Severity::Error : Severity::Warning;
  }
  bool showsOptionNames() override {
    return D.getDiagnosticOptions().ShowOptionNames;
  }
  SourceLocID locationOf(StringRef File, unsigned Line,
                         unsigned Column) override {
    return Files.locationOf(File, Line, Column).getRawEncoding();
  }

private:
  DiagnosticsEngine &D;
  const SourceFileIndex &Files;
};

/// The source index of the translation unit: the sites the AST shows, its
/// user files, and the parameter names and places of its functions.
SourceIndex indexSource(const SourceInventory &Inv,
                        const SourceFileIndex &Files, SourceManager &SM) {
  SourceIndex Src;
  Src.Sites = Inv.Sites;
  // Not clang's pseudo-files (<built-in>, <command line>, <scratch
  // space>): no code of the user's is there.
  for (const std::string &F : Files.userFiles())
    if (StringRef Name = llvm::sys::path::filename(F);
        !Name.starts_with("<") || Name == "<stdin>")
      Src.UserFiles.insert(F);
  for (const auto &KV : Inv.FunctionsByMangledName) {
    const SourceFunction &SF = KV.second;
    std::vector<std::string> &Names = Src.ParamNames[KV.first];
    for (const ParmVarDecl *PD : SF.Params)
      Names.push_back(PD ? PD->getNameAsString() : std::string("this"));
    if (SF.Decl) {
      SourceLocation L = SM.getExpansionLoc(SF.Decl->getLocation());
      PresumedLoc PL = SM.getPresumedLoc(L);
      SourcePlace P;
      P.Loc = L.getRawEncoding();
      if (PL.isValid()) {
        P.File = canonicalFile(PL.getFilename());
        P.Line = PL.getLine();
        P.Column = PL.getColumn();
      }
      Src.FunctionPlaces[KV.first] = P;
    }
  }
  return Src;
}

class Reporter {
public:
  Reporter(ASTContext &Ctx, DiagnosticsEngine &Diags, const ReportOptions &Args,
           const ReportSink &Sink)
      : SM(Ctx.getSourceManager()), Files(SM), Out(Diags, Files),
        Inv(collectSourceSites(Ctx)), Src(indexSource(Inv, Files, SM)),
        B(Src, Args, Out) {
    indexEmitted(Src, Sink);
    reportParams(Sink);
    reportLocals(Sink);
  }

  /// The whole report of this compile.
  void run(const ReportSink &Sink) {
    B.addSites(Sink);
    B.emit();
    B.checkNoHeap(Sink);
    B.writeJson();
  }

  /// What a compile step under -flto carries to the link.
  CarriedReport carry(const ReportOptions &Args) {
    CarriedReport R;
    R.Options = Args;
    R.Index = Src;
    for (SourceSite &S : R.Index.Sites)
      S.Loc = 0;
    for (auto &KV : R.Index.FunctionPlaces)
      KV.second.Loc = 0;
    R.Entries = B.takeEntries();
    for (ReportEntry &E : R.Entries)
      E.Loc = 0;
    return R;
  }

private:
  void reportParams(const ReportSink &Sink) {
    // The entry of each parameter position, and the rank of its line.
    std::map<std::pair<unsigned, std::string>, std::pair<size_t, int>> Seen;
    for (const ParamRecord &P : Sink.Params) {
      auto It = Inv.FunctionsByMangledName.find(P.Function);
      if (It == Inv.FunctionsByMangledName.end())
        continue;
      const SourceFunction &SF = It->second;
      if (P.SourceIndex >= SF.Params.size() ||
          P.NumSourceArgs != SF.Params.size())
        continue;
      const ParmVarDecl *PD = SF.Params[P.SourceIndex];
      std::string Name;
      SourceLocation Loc;
      QualType Pointee;
      if (!PD) {
        Name = "this";
        Loc = SF.Decl->getLocation();
        if (const auto *MD = dyn_cast<CXXMethodDecl>(SF.Decl))
          Pointee = MD->getThisType()->getPointeeType();
      } else {
        if (!PD->getIdentifier())
          continue;
        QualType T = PD->getType();
        if (!T->isPointerType() && !T->isReferenceType())
          continue;
        Name = PD->getNameAsString();
        Loc = PD->getLocation();
        Pointee = T->getPointeeType();
      }
      // What the parameter points to holds no address by its type (`long
      // &s`, `const Matrix *m` of doubles): moving its content moves
      // numbers, not addresses. The summary tracks such integers anyway
      // (pointer-width integers may carry pointers); the report, like Go's,
      // speaks of source types.
      // Content levels (derefs >= 1) go; the pointer's own (0) stays.
      ParamSummary Summary = holdsNoAddresses(Pointee)
                                 ? P.Summary.withoutContentLevels()
                                 : P.Summary;
      bool HasCause = Summary.leaksToHeap() || Summary.leaksToResult();
      Loc = SM.getExpansionLoc(Loc);
      PresumedLoc PL = SM.getPresumedLoc(Loc);
      if (PL.isInvalid() || SM.isInSystemHeader(Loc))
        continue;
      std::string Text = describeParam(Summary, Name, [&](unsigned I) {
        // IR argument numbers; the sret argument, if any, comes first.
        unsigned Src = I - (P.SourceIndex < P.ArgNo ? 1 : 0);
        if (Src < SF.Params.size())
          return SF.Params[Src] ? SF.Params[Src]->getNameAsString()
                                : std::string("this");
        return "#" + std::to_string(I);
      });
      std::vector<std::string> Notes;
      bool Leaks = Summary.leaks();
      if (Leaks && !P.Path.empty())
        Notes = B.flowNotes((Summary.leaksToHeap() ? "{heap}" : "~r0") +
                                std::string(" = ") + Name,
                            P.Path);
      // One line per parameter position: template instantiations and
      // constructor variants share it; keep the worst.
      auto Key = std::make_pair(Loc.getRawEncoding(), Name);
      auto SIt = Seen.find(Key);
      int Rank = leakRank(Summary);
      if (SIt != Seen.end()) {
        if (Rank <= SIt->second.second)
          continue;
        // A copy that leaks worse replaces the line.
        SIt->second.second = Rank;
        ReportEntry &E = B.entries()[SIt->second.first];
        E.Verdict = EntryVerdict::Leaks;
        E.Reason = HasCause ? B.sourceCause(P.HeapCause, P.Function) : "";
        E.Message = Text;
        E.Notes = std::move(Notes);
        continue;
      }
      Seen[Key] = {B.entries().size(), Rank};
      ReportEntry &E =
          B.addEntry({Loc.getRawEncoding(), canonicalFile(PL.getFilename()),
                      PL.getLine(), PL.getColumn()},
                     EntryKind::Param, Name,
                     Leaks ? EntryVerdict::Leaks : EntryVerdict::DoesNotEscape,
                     Text, P.Function);
      if (HasCause)
        E.Reason = B.sourceCause(P.HeapCause, P.Function);
      E.Notes = std::move(Notes);
    }
  }

  /// How bad a parameter's line is, in the order describeParam tells
  /// them apart: the pointer itself to the heap, its content to the heap,
  /// itself into another argument's object, its content into another
  /// argument's object, itself to the result, its content to the result,
  /// nothing.
  static int leakRank(const ParamSummary &S) {
    if (S.HeapDerefs == 0)
      return 6;
    if (S.leaksToHeap())
      return 5;
    if (!S.StoredInto.empty())
      return 4;
    if (!S.ContentInto.empty())
      return 3;
    if (S.ResultDerefs == 0)
      return 2;
    if (S.leaksToResult())
      return 1;
    return 0;
  }

  /// Dangling stack addresses: warnings at the expression taking the
  /// address.
  void reportLocals(const ReportSink &Sink) {
    std::set<std::pair<unsigned, std::string>> Seen;
    for (const LocalRecord &L : Sink.Locals) {
      const SourceFrame *F = B.userFrame(L.Where);
      if (!F)
        continue;
      std::string File = canonicalFile(F->File);
      const LocalAddress *Best = nullptr;
      unsigned BestDist = ~0u;
      for (const LocalAddress &A : Inv.LocalAddresses) {
        if (A.Line != F->Line || A.File != File)
          continue;
        unsigned Dist =
            A.Column > F->Column ? A.Column - F->Column : F->Column - A.Column;
        if (Dist < BestDist) {
          BestDist = Dist;
          Best = &A;
        }
      }
      if (!Best ||
          !Seen.insert({Best->Loc.getRawEncoding(), Best->Name}).second)
        continue;
      std::string Reason = B.sourceCause(L.Cause, L.Function);
      if (Best->LambdaCapture)
        Reason = "captured by reference in an escaping lambda (" + Reason + ")";
      ReportEntry &E = B.addEntry(
          {Best->Loc.getRawEncoding(), Best->File, Best->Line, Best->Column},
          EntryKind::Local, Best->Name, EntryVerdict::Escapes,
          "address of local '" + Best->Name + "' escapes: " + Reason,
          L.Function);
      E.Reason = Reason;
      E.Warning = true;
      E.Notes = B.flowNotes(B.rootOf(L.Cause) + " = &" + Best->Name, L.Path);
    }
  }

  SourceManager &SM;
  SourceFileIndex Files;
  ClangOutput Out;
  SourceInventory Inv;
  SourceIndex Src;
  ReportBuilder B;
};

} // namespace

namespace {
/// The noheap functions with a body, instantiations included.
class NoHeapFunctions : public RecursiveASTVisitor<NoHeapFunctions> {
public:
  std::vector<const FunctionDecl *> Found;
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isTemplated())
      return true;
    for (const auto *A : FD->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == NoHeapAnnotation) {
        Found.push_back(FD);
        break;
      }
    return true;
  }
};
} // namespace

void reportUncheckedNoHeap(ASTContext &Ctx, DiagnosticsEngine &Diags) {
  NoHeapFunctions V;
  V.TraverseDecl(Ctx.getTranslationUnitDecl());
  unsigned ErrorID = Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
  for (const FunctionDecl *FD : V.Found) {
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    FD->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), /*Qualified=*/true);
    Diags.Report(FD->getLocation(), ErrorID)
        << describeNoHeapUnchecked(Name, NoHeapUnchecked::NoPasses);
  }
}

void reportTranslationUnit(ASTContext &Ctx, DiagnosticsEngine &Diags,
                           const ReportSink &Sink, const ReportOptions &Opts) {
  Reporter(Ctx, Diags, Opts, Sink).run(Sink);
}

CarriedReport carryTranslationUnit(ASTContext &Ctx, DiagnosticsEngine &Diags,
                                   const ReportSink &Sink,
                                   const ReportOptions &Opts) {
  return Reporter(Ctx, Diags, Opts, Sink).carry(Opts);
}

} // namespace escape
