//===- SourceSites.cpp - Allocation sites and parameters in the AST -------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "escape/SourceSites.h"
#include "escape/SourceFiles.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace clang;

namespace escape {

namespace {

class SiteCollector : public RecursiveASTVisitor<SiteCollector> {
public:
  SiteCollector(ASTContext &Ctx, SourceInventory &Out)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Names(Ctx), Out(Out) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  bool VisitCXXNewExpr(CXXNewExpr *E) {
    if (E->getOperatorNew() && !E->getOperatorNew()->isReplaceableGlobalAllocationFunction())
      return true; // class-specific or placement operator new
    if (E->getNumPlacementArgs() && !isAlignOrNothrow(E))
      return true;
    std::string S = "new " + typeName(E->getAllocatedType());
    if (E->isArray()) {
      if (std::optional<Expr *> Size = E->getArraySize(); Size && *Size)
        S += "[" + text((*Size)->getSourceRange()) + "]";
      else
        S += "[]";
    }
    add(E->getBeginLoc(), S, true, E);
    return true;
  }

  bool VisitCallExpr(CallExpr *E) {
    const FunctionDecl *FD = E->getDirectCallee();
    if (!FD || !FD->getIdentifier())
      return true;
    StringRef N = FD->getName();
    const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
    bool Std = FD->isInStdNamespace();
    if ((DC->isTranslationUnit() || Std) &&
        (N == "malloc" || N == "calloc" || N == "aligned_alloc")) {
      std::string S = N.str() + "(";
      for (unsigned I = 0; I < E->getNumArgs(); ++I)
        S += (I ? ", " : "") + text(E->getArg(I)->getSourceRange());
      add(E->getBeginLoc(), S + ")", true, E);
      return true;
    }
    if (Std && (N == "make_unique" || N == "make_shared" ||
                N == "allocate_shared" || N == "make_unique_for_overwrite" ||
                N == "make_shared_for_overwrite")) {
      std::string S = "std::" + N.str();
      if (const TemplateArgumentList *TA = FD->getTemplateSpecializationArgs())
        if (TA->size() && TA->get(0).getKind() == TemplateArgument::Type)
          S += "<" + typeName(TA->get(0).getAsType()) + ">";
      add(E->getBeginLoc(), S, true, E, nullptr, /*LibraryCall=*/true);
    }
    return true;
  }

  bool VisitVarDecl(VarDecl *D) {
    if (!D->isLocalVarDecl() && !isa<ParmVarDecl>(D))
      return true;
    if (isa<ParmVarDecl>(D))
      return true;
    const auto *RD = D->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
      return true;
    StringRef N = RD->getName();
    if (N != "vector" && N != "basic_string" && N != "deque" && N != "list" &&
        N != "map" && N != "set" && N != "unordered_map" &&
        N != "unordered_set" && N != "function")
      return true;
    add(D->getLocation(), "std::" + typeName(D->getType()).substr(
                                        typeName(D->getType()).rfind("std::") == 0 ? 5 : 0) +
                              " " + D->getNameAsString(),
        false, nullptr, D);
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *E) {
    if (E->getOpcode() == UO_AddrOf)
      addLocalAddress(E->getSubExpr(), E->getBeginLoc(), false);
    return true;
  }

  bool VisitImplicitCastExpr(ImplicitCastExpr *E) {
    if (E->getCastKind() == CK_ArrayToPointerDecay)
      addLocalAddress(E->getSubExpr(), E->getBeginLoc(), false);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *E) {
    for (const LambdaCapture &C : E->captures())
      if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
        if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
          addLocalVar(VD, C.getLocation().isValid() ? C.getLocation() : E->getBeginLoc(), true);
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
        !userCode(FD->getLocation()))
      return true;
    SourceFunction SF;
    SF.Decl = FD;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      SF.HasThis = MD->isInstance();
    if (SF.HasThis)
      SF.Params.push_back(nullptr);
    for (const ParmVarDecl *P : FD->parameters())
      SF.Params.push_back(P);
    if (isa<CXXConstructorDecl>(FD) || isa<CXXDestructorDecl>(FD)) {
      for (const std::string &M : Names.getAllManglings(FD))
        Out.FunctionsByMangledName[M] = SF;
    } else {
      Out.FunctionsByMangledName[Names.getName(FD)] = SF;
    }
    return true;
  }

private:
  void addLocalAddress(const Expr *E, SourceLocation L, bool Lambda) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        addLocalVar(VD, L, Lambda);
  }

  void addLocalVar(const VarDecl *VD, SourceLocation L, bool Lambda) {
    if (!VD->hasLocalStorage() || VD->getType()->isReferenceType())
      return;
    LocalAddress A;
    if (!position(L, A.Loc, A.File, A.Line, A.Column))
      return;
    A.Name = VD->getNameAsString();
    A.LambdaCapture = Lambda;
    Out.LocalAddresses.push_back(std::move(A));
  }

  /// Where the user wrote \p L (the expansion of a macro); false outside
  /// user code.
  bool position(SourceLocation L, SourceLocation &Out, std::string &File,
                unsigned &Line, unsigned &Column) {
    L = SM.getExpansionLoc(L);
    if (!userCode(L))
      return false;
    PresumedLoc PL = SM.getPresumedLoc(L);
    if (PL.isInvalid())
      return false;
    Out = L;
    File = canonicalFile(PL.getFilename());
    Line = PL.getLine();
    Column = PL.getColumn();
    return true;
  }

  bool isAlignOrNothrow(const CXXNewExpr *E) {
    // new (std::nothrow) T, new (std::align_val_t(64)) T: still a
    // replaceable global allocation.
    return E->getOperatorNew() &&
           E->getOperatorNew()->isReplaceableGlobalAllocationFunction();
  }

  std::string typeName(QualType T) {
    PrintingPolicy P(Ctx.getLangOpts());
    P.SuppressTagKeyword = true;
    P.FullyQualifiedName = false;
    P.SuppressScope = false;
    P.Bool = true;
    std::string S = T.getUnqualifiedType().getAsString(P);
    return S;
  }

  std::string text(SourceRange R) {
    CharSourceRange CR = CharSourceRange::getTokenRange(R);
    StringRef T = Lexer::getSourceText(CR, SM, Ctx.getLangOpts());
    return T.str();
  }

  bool userCode(SourceLocation L) {
    if (L.isInvalid())
      return false;
    L = SM.getExpansionLoc(L);
    return !SM.isInSystemHeader(L) && !SM.isInSystemMacro(L);
  }

  /// The function (or lambda call operator) around \p E.
  const FunctionDecl *enclosing(const Stmt *S) {
    DynTypedNodeList Parents = Ctx.getParents(*S);
    for (unsigned Depth = 0; Depth < 200 && !Parents.empty(); ++Depth) {
      const DynTypedNode &P = Parents[0];
      if (const auto *FD = P.get<FunctionDecl>())
        return FD;
      if (const auto *LE = P.get<LambdaExpr>())
        return LE->getCallOperator();
      Parents = Ctx.getParents(P);
    }
    return nullptr;
  }

  /// Records a site at \p L unless \p L is outside user code (a system
  /// header, a system macro) or a template instantiation already gave it.
  void add(SourceLocation L, std::string Spelling, bool Definite,
           const Stmt *S, const Decl *D = nullptr, bool LibraryCall = false) {
    SourceSite Site;
    if (!position(L, Site.Loc, Site.File, Site.Line, Site.Column))
      return;
    // Template instantiations visit the same expression again, spelled
    // with their arguments (`new int` for the pattern's `new T`): the
    // pattern, visited first, names the site as written.
    StringRef Family = StringRef(Spelling).take_until(
        [](char C) { return C == ' ' || C == '(' || C == '<'; });
    if (!Seen.insert({Site.Loc.getRawEncoding(), Family.str()}).second)
      return;
    Site.Spelling = std::move(Spelling);
    Site.Definite = Definite;
    Site.LibraryCall = LibraryCall;
    const FunctionDecl *FD = nullptr;
    if (S)
      FD = enclosing(S);
    else if (D)
      FD = dyn_cast<FunctionDecl>(D->getDeclContext());
    if (FD) {
      PresumedLoc FL = SM.getPresumedLoc(SM.getExpansionLoc(FD->getLocation()));
      if (FL.isValid()) {
        Site.FunctionFile = canonicalFile(FL.getFilename());
        Site.FunctionLine = FL.getLine();
      }
    }
    Out.Sites.push_back(std::move(Site));
  }

  ASTContext &Ctx;
  SourceManager &SM;
  ASTNameGenerator Names;
  SourceInventory &Out;
  std::set<std::pair<SourceLocation::UIntTy, std::string>> Seen;
};

} // namespace

SourceInventory collectSourceSites(ASTContext &Ctx) {
  SourceInventory Inv;
  SiteCollector C(Ctx, Inv);
  C.TraverseAST(Ctx);
  return Inv;
}

static bool holdsNoAddresses(QualType T, unsigned Depth) {
  if (T.isNull() || Depth > 16)
    return false;
  // intptr_t and uintptr_t exist to hold addresses, whatever their
  // canonical integer type.
  if (StringRef(T.getAsString()).contains("intptr_t"))
    return false;
  QualType C = T.getCanonicalType();
  if (C->isArithmeticType() || C->isEnumeralType())
    return true;
  if (const auto *AT = dyn_cast<ConstantArrayType>(C.getTypePtr()))
    return holdsNoAddresses(AT->getElementType(), Depth + 1);
  const auto *RT = C->getAs<RecordType>();
  if (!RT)
    return false; // pointers, references, member pointers, incomplete arrays
  const RecordDecl *RD = RT->getDecl()->getDefinition();
  if (!RD)
    return false;
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD)) {
    if (CRD->isPolymorphic() || CRD->getNumVBases())
      return false;
    for (const CXXBaseSpecifier &B : CRD->bases())
      if (!holdsNoAddresses(B.getType(), Depth + 1))
        return false;
  }
  for (const FieldDecl *FD : RD->fields())
    if (!holdsNoAddresses(FD->getType(), Depth + 1))
      return false;
  return true;
}

bool holdsNoAddresses(QualType T) { return holdsNoAddresses(T, 0); }

} // namespace escape
