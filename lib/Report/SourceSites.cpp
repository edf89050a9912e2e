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
  using Base = RecursiveASTVisitor<SiteCollector>;

public:
  SiteCollector(ASTContext &Ctx, SourceInventory &Out)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Names(Ctx), Out(Out) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  // --- Code that never runs -------------------------------------------
  // An allocation in an unevaluated operand, in a constant-evaluated
  // expression or in a discarded statement never runs: it gets no site (a
  // site without a record reads "eliminated"). Each Traverse below calls the
  // base traversal without a queue, so the children are traversed before
  // the counter is restored.

  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    // sizeof of a variable-length array evaluates the expression, or the
    // type's bounds.
    bool Evaluated =
        (E->getKind() == UETT_SizeOf || E->getKind() == UETT_DataSizeOf) &&
        Ctx.getAsVariableArrayType(E->getTypeOfArgument());
    NeverRuns Scope(*this, !Evaluated);
    return Base::TraverseUnaryExprOrTypeTraitExpr(E);
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *E) {
    NeverRuns Scope(*this);
    return Base::TraverseCXXNoexceptExpr(E);
  }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    // typeid of a glvalue of polymorphic class type evaluates its operand.
    // In a template, that depends on the instantiation.
    bool Dependent =
        !E->isTypeOperand() && E->getExprOperand()->isTypeDependent();
    DependsOnInstantiation Scope(*this, Dependent);
    NeverRuns Scope2(*this, !Dependent && !E->isPotentiallyEvaluated());
    return Base::TraverseCXXTypeidExpr(E);
  }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc TL) {
    NeverRuns Scope(*this);
    return Base::TraverseDecltypeTypeLoc(TL);
  }
  bool TraverseDecltypeType(DecltypeType *T) {
    NeverRuns Scope(*this);
    return Base::TraverseDecltypeType(T);
  }
  // typeof of an expression of variably modified type evaluates it.
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc TL) {
    NeverRuns Scope(
        *this, !TL.getUnderlyingExpr()->getType()->isVariablyModifiedType());
    return Base::TraverseTypeOfExprTypeLoc(TL);
  }
  bool TraverseTypeOfExprType(TypeOfExprType *T) {
    NeverRuns Scope(
        *this, !T->getUnderlyingExpr()->getType()->isVariablyModifiedType());
    return Base::TraverseTypeOfExprType(T);
  }
  bool TraverseRequiresExpr(RequiresExpr *E) {
    NeverRuns Scope(*this);
    return Base::TraverseRequiresExpr(E);
  }
  // Constant-evaluated: only the compiler runs these.
  bool TraverseConstantExpr(ConstantExpr *E) {
    NeverRuns Scope(*this);
    return Base::TraverseConstantExpr(E);
  }
  bool TraverseStaticAssertDecl(StaticAssertDecl *D) {
    NeverRuns Scope(*this);
    return Base::TraverseStaticAssertDecl(D);
  }
  bool TraverseVarDecl(VarDecl *D) {
    NeverRuns Scope(*this, D->isConstexpr());
    return Base::TraverseVarDecl(D);
  }
  // An array bound is constant, or the array has a variable length and
  // its bound runs; in a template, that depends on the instantiation.
  bool TraverseConstantArrayTypeLoc(ConstantArrayTypeLoc TL) {
    NeverRuns Scope(*this);
    return Base::TraverseConstantArrayTypeLoc(TL);
  }
  bool TraverseConstantArrayType(ConstantArrayType *T) {
    NeverRuns Scope(*this);
    return Base::TraverseConstantArrayType(T);
  }
  bool TraverseDependentSizedArrayTypeLoc(DependentSizedArrayTypeLoc TL) {
    DependsOnInstantiation Scope(*this, true);
    return Base::TraverseDependentSizedArrayTypeLoc(TL);
  }
  bool TraverseDependentSizedArrayType(DependentSizedArrayType *T) {
    DependsOnInstantiation Scope(*this, true);
    return Base::TraverseDependentSizedArrayType(T);
  }
  bool TraverseTemplateArgumentLoc(const TemplateArgumentLoc &A) {
    NeverRuns Scope(*this);
    return Base::TraverseTemplateArgumentLoc(A);
  }
  bool TraverseTemplateArgument(const TemplateArgument &A) {
    NeverRuns Scope(*this);
    return Base::TraverseTemplateArgument(A);
  }

  /// `if constexpr` runs one branch: the other is discarded (in a template
  /// instantiation it is not even there). In a template whose condition
  /// depends on the arguments, either may run: their sites wait for an
  /// instantiation that has them. The compile-time branch of `if consteval`
  /// never runs.
  bool TraverseIfStmt(IfStmt *S) {
    if (!S->isConstexpr() && !S->isConsteval())
      return Base::TraverseIfStmt(S);
    if (!WalkUpFromIfStmt(S))
      return false;
    if (!TraverseStmt(S->getInit()) ||
        !TraverseStmt(S->getConditionVariableDeclStmt()))
      return false;
    {
      NeverRuns Scope(*this);
      if (!TraverseStmt(S->getCond()))
        return false;
    }
    Stmt *Runs = nullptr;
    bool Known = true;
    if (S->isConsteval()) {
      Runs = S->isNegatedConsteval() ? S->getThen() : S->getElse();
    } else if (std::optional<Stmt *> Case = S->getNondiscardedCase(Ctx)) {
      Runs = *Case;
    } else {
      Known = false; // value-dependent condition
    }
    for (Stmt *Branch : {S->getThen(), S->getElse()}) {
      if (!Branch)
        continue;
      NeverRuns Scope(*this, Known && Branch != Runs);
      DependsOnInstantiation Scope2(*this, !Known);
      if (!TraverseStmt(Branch))
        return false;
    }
    return true;
  }

  /// A lambda's body runs when the lambda is called, wherever the lambda
  /// was written: `decltype([] { ... })` names a type that may be called.
  /// The specializations of a generic lambda's call operator are visited
  /// too (the base traversal gives only the pattern) when the pattern has
  /// sites that wait for an instantiation.
  bool TraverseLambdaExpr(LambdaExpr *E) {
    unsigned Waiting = TentativeAdds;
    if (!Base::TraverseLambdaExpr(E))
      return false;
    if (NeverRunDepth) {
      unsigned Saved = NeverRunDepth;
      NeverRunDepth = 0;
      bool Ok = TraverseStmt(E->getBody());
      NeverRunDepth = Saved;
      if (!Ok)
        return false;
    }
    if (TentativeAdds == Waiting)
      return true;
    const FunctionTemplateDecl *FT =
        E->getCallOperator()->getDescribedFunctionTemplate();
    if (!FT)
      return true;
    unsigned SavedNeverRuns = NeverRunDepth, SavedDependent = DependentDepth;
    NeverRunDepth = DependentDepth = 0;
    bool Ok = true;
    for (FunctionDecl *Spec : FT->specializations())
      if (Ok && Spec->doesThisDeclarationHaveABody())
        Ok = TraverseStmt(Spec->getBody());
    NeverRunDepth = SavedNeverRuns;
    DependentDepth = SavedDependent;
    return Ok;
  }

  bool VisitCXXNewExpr(CXXNewExpr *E) {
    if (E->getOperatorNew() &&
        !E->getOperatorNew()->isReplaceableGlobalAllocationFunction())
      return true; // class-specific or placement operator new
    if (E->getNumPlacementArgs() && !isAlignOrNothrow(E))
      return true;
    add(E->getBeginLoc(), newSpelling(E), true, E);
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
    add(D->getLocation(),
        "std::" +
            typeName(D->getType())
                .substr(typeName(D->getType()).rfind("std::") == 0 ? 5 : 0) +
            " " + D->getNameAsString(),
        false, nullptr, D);
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *E) {
    if (E->getOpcode() == UO_AddrOf)
      addLocalAddress(E->getSubExpr(), E->getBeginLoc(), false);
    return true;
  }

  /// `return x;` in a function returning a reference binds the reference
  /// to x: its address is returned. A by-value return reads x (an lvalue-to-
  /// rvalue conversion) or constructs a copy, and is not a glvalue.
  bool VisitReturnStmt(ReturnStmt *S) {
    const Expr *E = S->getRetValue();
    if (!E || !E->isGLValue())
      return true;
    const Expr *Bound = E->IgnoreParenNoopCasts(Ctx);
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(Bound))
      if (ICE->getCastKind() == CK_DerivedToBase ||
          ICE->getCastKind() == CK_UncheckedDerivedToBase)
        Bound = ICE->getSubExpr()->IgnoreParenNoopCasts(Ctx);
    addLocalAddress(Bound, Bound->getBeginLoc(), false);
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
          addLocalVar(VD,
                      C.getLocation().isValid() ? C.getLocation()
                                                : E->getBeginLoc(),
                      true);
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
    if (NeverRunDepth || !VD->hasLocalStorage() ||
        VD->getType()->isReferenceType())
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

  /// A new-expression as written: `new Widget`, `new char[n]`,
  /// `new char[n][4]` (the allocated type `char[4]` is the element of the
  /// array that `[n]` counts), `new int[]` (`new int[]{1, 2, 3}`: the bound
  /// comes from the initializer), `new Row` (`typedef char Row[4]`).
  std::string newSpelling(const CXXNewExpr *E) {
    if (!E->isArray())
      return "new " + typeName(E->getAllocatedType());
    TypeLoc TL = E->getAllocatedTypeSourceInfo()->getTypeLoc();
    std::optional<const Expr *> Size = E->getArraySize();
    std::string Bound;
    if (Size && *Size) {
      // A bound the user did not write is an integer literal clang puts at
      // the end of the type: taken from the initializer (`new int[]{1, 2}`)
      // or from an array typedef (`new Row`).
      const auto *Lit = dyn_cast<IntegerLiteral>(*Size);
      if (Lit && Lit->getLocation() == TL.getEndLoc()) {
        if (!Ctx.hasSameType(TL.getType(), E->getAllocatedType()))
          return "new " + typeName(TL.getType());
      } else {
        Bound = text((*Size)->getSourceRange());
      }
    }
    // The allocated type's own bounds, as written, follow the new's.
    std::string Dims;
    while (ArrayTypeLoc ATL = TL.getUnqualifiedLoc().getAs<ArrayTypeLoc>()) {
      const Expr *D = ATL.getSizeExpr();
      Dims += "[" + (D ? text(D->getSourceRange()) : std::string()) + "]";
      TL = ATL.getElementLoc();
    }
    // The bounds go where a declarator's name would: after `int`, inside
    // the parentheses of `int (*[n])[4]` (an array of pointers to arrays).
    std::string Declarator = "[" + Bound + "]" + Dims;
    std::string Elem = typeName(TL.getType());
    std::string Whole;
    llvm::raw_string_ostream OS(Whole);
    TL.getType().getUnqualifiedType().print(OS, policy(), Declarator);
    OS.flush();
    if (Whole == Elem + " " + Declarator)
      Whole = Elem + Declarator;
    return "new " + Whole;
  }

  bool isAlignOrNothrow(const CXXNewExpr *E) {
    // new (std::nothrow) T, new (std::align_val_t(64)) T: still a
    // replaceable global allocation.
    return E->getOperatorNew() &&
           E->getOperatorNew()->isReplaceableGlobalAllocationFunction();
  }

  PrintingPolicy policy() {
    PrintingPolicy P(Ctx.getLangOpts());
    P.SuppressTagKeyword = true;
    P.FullyQualifiedName = false;
    P.SuppressScope = false;
    P.Bool = true;
    return P;
  }

  std::string typeName(QualType T) {
    return T.getUnqualifiedType().getAsString(policy());
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
  void add(SourceLocation L, std::string Spelling, bool Definite, const Stmt *S,
           const Decl *D = nullptr, bool LibraryCall = false) {
    if (NeverRunDepth)
      return;
    SourceSite Site;
    SourceLocation SiteLoc;
    if (!position(L, SiteLoc, Site.File, Site.Line, Site.Column))
      return;
    Site.Loc = SiteLoc.getRawEncoding();
    // Template instantiations visit the same expression again, spelled
    // with their arguments (`new int` for the pattern's `new T`): the
    // pattern, visited first, names the site as written.
    StringRef Family = StringRef(Spelling).take_until(
        [](char C) { return C == ' ' || C == '(' || C == '<'; });
    SiteKey Key{SiteLoc.getRawEncoding(), Family.str()};
    if (DependentDepth) {
      ++TentativeAdds;
      Tentative.emplace(Key, Spelling);
      return;
    }
    if (!Seen.insert(Key).second)
      return;
    Keys.push_back(Key);
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

  using SiteKey = std::pair<SourceLocation::UIntTy, std::string>;

  /// While alive, what is traversed never runs (if \p On).
  struct NeverRuns {
    SiteCollector &C;
    unsigned On;
    NeverRuns(SiteCollector &C, bool On = true) : C(C), On(On) {
      C.NeverRunDepth += this->On;
    }
    ~NeverRuns() { C.NeverRunDepth -= On; }
  };
  /// While alive, whether what is traversed runs depends on the template
  /// arguments (if \p On): its sites wait for an instantiation.
  struct DependsOnInstantiation {
    SiteCollector &C;
    unsigned On;
    DependsOnInstantiation(SiteCollector &C, bool On) : C(C), On(On) {
      C.DependentDepth += this->On;
    }
    ~DependsOnInstantiation() { C.DependentDepth -= On; }
  };

  ASTContext &Ctx;
  SourceManager &SM;
  ASTNameGenerator Names;
  SourceInventory &Out;
  std::set<SiteKey> Seen;
  /// The key of each of Out.Sites.
  std::vector<SiteKey> Keys;
  /// Sites of template code that runs only in some instantiations, spelled
  /// as written in the template; they become sites when an instantiation
  /// has them.
  std::map<SiteKey, std::string> Tentative;
  unsigned TentativeAdds = 0;
  unsigned NeverRunDepth = 0, DependentDepth = 0;

public:
  /// Template sites that an instantiation confirmed are spelled as the
  /// template writes them (`new T`).
  void finish() {
    for (size_t I = 0; I < Out.Sites.size(); ++I) {
      auto It = Tentative.find(Keys[I]);
      if (It != Tentative.end())
        Out.Sites[I].Spelling = It->second;
    }
  }
};

} // namespace

SourceInventory collectSourceSites(ASTContext &Ctx) {
  SourceInventory Inv;
  SiteCollector C(Ctx, Inv);
  C.TraverseAST(Ctx);
  C.finish();
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
