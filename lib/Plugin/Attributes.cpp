//===- Attributes.cpp - [[escape::noheap]] and [[escape::keep_heap]] ------===//
//
// Part of the escape project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The plugin's two function attributes, registered with clang's
// ParsedAttrInfoRegistry (after clang/examples/Attribute):
//
//   [[escape::noheap]]     every allocation that stays on the heap in this
//                          function after inlining and demotion is a
//                          compile error (the gate, checked by the report);
//   [[escape::keep_heap]]  nothing in this function is demoted.
//
// Each becomes the annotation clang already lowers into
// @llvm.global.annotations ("escape::noheap", "escape::keep_heap"), so the
// spelling `__attribute__((annotate("escape::noheap")))` means the same, and
// the LLVM side (FunctionAnnotations.h) reads one form only. Both take no
// arguments and apply to functions (methods and templates included).
//
//===----------------------------------------------------------------------===//

#include "escape/FunctionAnnotations.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclBase.h"
#include "clang/Basic/ParsedAttrInfo.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"

using namespace clang;

namespace escape {
namespace {

/// One argument-less function attribute that becomes an annotation.
class AnnotationAttrInfo : public ParsedAttrInfo {
public:
  AnnotationAttrInfo(const char *Name, ArrayRef<Spelling> Spellings)
      : Name(Name) {
    this->Spellings = Spellings;
    NumArgs = 0;
    OptArgs = 0;
  }

  bool diagAppertainsToDecl(Sema &S, const ParsedAttr &Attr,
                            const Decl *D) const override {
    if (D->getAsFunction())
      return true;
    S.Diag(Attr.getLoc(), diag::warn_attribute_wrong_decl_type_str)
        << Attr << Attr.isRegularKeywordAttribute() << "functions";
    return false;
  }

  AttrHandling handleDeclAttribute(Sema &S, Decl *D,
                                   const ParsedAttr &Attr) const override {
    if (Attr.getNumArgs() != 0) {
      S.Diag(Attr.getLoc(), diag::err_attribute_too_many_arguments)
          << Attr << 0;
      return AttributeNotApplied;
    }
    D->addAttr(
        AnnotateAttr::Create(S.Context, Name, nullptr, 0, Attr.getRange()));
    return AttributeApplied;
  }

private:
  const char *Name; ///< the annotation string
};

constexpr ParsedAttrInfo::Spelling NoHeapSpellings[] = {
    {ParsedAttr::AS_CXX11, NoHeapAnnotation},
    {ParsedAttr::AS_C23, NoHeapAnnotation}};
constexpr ParsedAttrInfo::Spelling KeepHeapSpellings[] = {
    {ParsedAttr::AS_CXX11, KeepHeapAnnotation},
    {ParsedAttr::AS_C23, KeepHeapAnnotation}};

struct NoHeapAttrInfo : AnnotationAttrInfo {
  NoHeapAttrInfo() : AnnotationAttrInfo(NoHeapAnnotation, NoHeapSpellings) {}
};
struct KeepHeapAttrInfo : AnnotationAttrInfo {
  KeepHeapAttrInfo()
      : AnnotationAttrInfo(KeepHeapAnnotation, KeepHeapSpellings) {}
};

} // namespace
} // namespace escape

static ParsedAttrInfoRegistry::Add<escape::NoHeapAttrInfo>
    NoHeap("escape-noheap", "[[escape::noheap]]: no heap allocation here");
static ParsedAttrInfoRegistry::Add<escape::KeepHeapAttrInfo>
    KeepHeap("escape-keep-heap", "[[escape::keep_heap]]: demote nothing here");
