; The analysis is a module analysis run once per pipeline position: the
; printer and the transform share one result, and a transform that changed
; the module invalidates it (the printer after it sees the new module).
; RUN: %opt %loadescape -passes='print<escape>,print<escape>,escape,print<escape>' -debug-pass-manager -disable-output %s 2>&1 | %FileCheck %s

; CHECK:      Running pass: escape::EscapePrinterPass on [module]
; CHECK-NEXT: Running analysis: escape::EscapeAnalysis on [module]
; CHECK:      Running pass: escape::EscapePrinterPass on [module]
; CHECK-NOT:  Running analysis: escape::EscapeAnalysis
; CHECK:      Running pass: escape::EscapePass on [module]
; CHECK-NOT:  Running analysis: escape::EscapeAnalysis
; CHECK:      Invalidating analysis: escape::EscapeAnalysis on [module]
; CHECK:      Running pass: escape::EscapePrinterPass on [module]
; CHECK-NEXT: Running analysis: escape::EscapeAnalysis on [module]
; CHECK-NOT:  Running analysis: escape::EscapeAnalysis

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f() {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  call void @use(ptr %call)
  call void @_ZdlPv(ptr %call)
  ret void
}

attributes #0 = { builtin }
