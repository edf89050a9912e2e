//===- StringInstances.cpp - basic_string's members in the TU -------------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The definition `# define _GLIBCXX_EXTERN_TEMPLATE 1` cannot be overridden
// from the command line (it is unconditional, and a later #define wins).
// When the preprocessor has made it, its one replacement token, the literal
// `1`, becomes the identifier `__escape_extern_template`, a macro defined
// among the predefines as `(-1)`: every later use, in `#if` or elsewhere,
// expands to -1.
//
//===----------------------------------------------------------------------===//

#include "StringInstances.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/GlobalDecl.h"
#include "clang/AST/Mangle.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Support/raw_ostream.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;

namespace escape {

namespace {
constexpr const char *Switch = "_GLIBCXX_EXTERN_TEMPLATE";
constexpr const char *Replacement = "__escape_extern_template";

class ExternTemplateSwitch : public PPCallbacks {
  Preprocessor &PP;

public:
  explicit ExternTemplateSwitch(Preprocessor &PP) : PP(PP) {}

  void MacroDefined(const Token &Name, const MacroDirective *MD) override {
    const IdentifierInfo *II = Name.getIdentifierInfo();
    if (!II || II->getName() != Switch || !MD)
      return;
    const MacroInfo *MI = MD->getMacroInfo();
    if (!MI || MI->isFunctionLike() || MI->getNumTokens() != 1)
      return;
    const Token &T = MI->tokens()[0];
    if (!T.is(tok::numeric_constant) || T.getLength() != 1 ||
        !T.getLiteralData() || T.getLiteralData()[0] != '1')
      return;
    // The token array belongs to the macro; its one token is rewritten in
    // place (the array cannot grow).
    Token &Own = const_cast<Token &>(T);
    Own.setKind(tok::identifier);
    Own.setIdentifierInfo(PP.getIdentifierInfo(Replacement));
  }
};
} // namespace

bool mayInstantiateLibraryStrings(const CompilerInstance &CI) {
  const LangOptions &LO = CI.getLangOpts();
  frontend::ActionKind A = CI.getFrontendOpts().ProgramAction;
  return LO.CPlusPlus && !LO.Modules && !LO.CPlusPlusModules &&
         !LO.CompilingPCH && A != frontend::GeneratePCH &&
         A != frontend::GenerateModule &&
         A != frontend::GenerateModuleInterface &&
         A != frontend::GenerateReducedModuleInterface &&
         A != frontend::GenerateHeaderUnit;
}

bool switchedLibraryStrings(Preprocessor &PP) {
  const MacroInfo *MI = PP.getMacroInfo(PP.getIdentifierInfo(Switch));
  if (!MI || MI->isFunctionLike() || MI->getNumTokens() != 1)
    return false;
  const Token &T = MI->tokens()[0];
  return T.is(tok::identifier) && T.getIdentifierInfo() &&
         T.getIdentifierInfo()->getName() == Replacement;
}

void instantiateLibraryStrings(Preprocessor &PP) {
  PP.setPredefines(PP.getPredefines() + "#define " + Replacement + " (-1)\n");
  PP.addPPCallbacks(std::make_unique<ExternTemplateSwitch>(PP));
}

namespace {
/// The declaration named \p Name in \p DC, of kind T; null if none or
/// several.
template <typename T>
T *lookupOne(ASTContext &Ctx, DeclContext *DC, StringRef Name) {
  DeclContext::lookup_result R = DC->lookup(&Ctx.Idents.get(Name));
  if (R.empty() || !R.isSingleResult())
    return nullptr;
  return dyn_cast<T>(R.front());
}

/// Whether \p Spec is `basic_string<C, char_traits<C>, allocator<C>>` for
/// C = char or wchar_t: the two libstdc++.so instantiates.
bool isExportedSpecialization(ASTContext &Ctx,
                              const ClassTemplateSpecializationDecl &Spec) {
  if (Spec.getSpecializationKind() != TSK_ImplicitInstantiation)
    return false; // a user's explicit specialisation is not the library's
  const TemplateArgumentList &Args = Spec.getTemplateArgs();
  if (Args.size() != 3 || Args[0].getKind() != TemplateArgument::Type ||
      Args[1].getKind() != TemplateArgument::Type ||
      Args[2].getKind() != TemplateArgument::Type)
    return false;
  QualType C = Ctx.getCanonicalType(Args[0].getAsType());
  std::string Char;
  if (C == Ctx.CharTy)
    Char = "char";
  else if (C == Ctx.WCharTy)
    Char = "wchar_t";
  else
    return false;
  PrintingPolicy PP(Ctx.getLangOpts());
  return Args[1].getAsType().getCanonicalType().getAsString(PP) ==
             "std::char_traits<" + Char + ">" &&
         Args[2].getAsType().getCanonicalType().getAsString(PP) ==
             "std::allocator<" + Char + ">";
}
} // namespace

llvm::StringSet<> exportedStringMembers(ASTContext &Ctx) {
  llvm::StringSet<> Out;
  auto *Std = lookupOne<NamespaceDecl>(Ctx, Ctx.getTranslationUnitDecl(), "std");
  auto *Abi = Std ? lookupOne<NamespaceDecl>(Ctx, Std, "__cxx11") : nullptr;
  auto *Template =
      Abi ? lookupOne<ClassTemplateDecl>(Ctx, Abi, "basic_string") : nullptr;
  if (!Template)
    return Out;
  std::unique_ptr<MangleContext> MC(Ctx.createMangleContext());
  auto Add = [&](GlobalDecl GD) {
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    MC->mangleName(GD, OS);
    Out.insert(OS.str());
  };
  for (ClassTemplateSpecializationDecl *Spec : Template->specializations()) {
    if (!isExportedSpecialization(Ctx, *Spec))
      continue;
    for (CXXMethodDecl *MD : Spec->methods()) {
      // A member template's specialisations are the translation unit's own;
      // an inline member (defined in the class, constexpr) is emitted where
      // it is used, with or without `extern template`.
      if (MD->getTemplatedKind() != FunctionDecl::TK_MemberSpecialization ||
          MD->isInlined() || MD->isConstexpr() || MD->isDeleted() ||
          MD->isDefaulted())
        continue;
      if (auto *Ctor = dyn_cast<CXXConstructorDecl>(MD)) {
        Add(GlobalDecl(Ctor, Ctor_Complete));
        Add(GlobalDecl(Ctor, Ctor_Base));
      } else if (auto *Dtor = dyn_cast<CXXDestructorDecl>(MD)) {
        Add(GlobalDecl(Dtor, Dtor_Complete));
        Add(GlobalDecl(Dtor, Dtor_Base));
      } else {
        Add(GlobalDecl(MD));
      }
    }
  }
  return Out;
}

} // namespace escape
