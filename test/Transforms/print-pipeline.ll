; The passes print their pipeline names, so a dumped pipeline parses again.
; RUN: %opt %loadescape -passes='escape-inventory,escape' -print-pipeline-passes -disable-output %s | %FileCheck %s
; RUN: %opt %loadescape -passes="$(%opt %loadescape -passes='escape-inventory,escape' -print-pipeline-passes -disable-output %s)" -disable-output %s
; CHECK: escape-inventory,escape

define void @f() {
  ret void
}
