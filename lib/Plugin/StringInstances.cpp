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

#include "clang/Frontend/CompilerInstance.h"
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

void instantiateLibraryStrings(Preprocessor &PP) {
  PP.setPredefines(PP.getPredefines() + "#define " + Replacement + " (-1)\n");
  PP.addPPCallbacks(std::make_unique<ExternTemplateSwitch>(PP));
}

} // namespace escape
