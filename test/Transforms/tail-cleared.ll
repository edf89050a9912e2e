; A 'tail' call that receives the demoted pointer loses its tail marker
; (it now refers to the caller's frame).
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %call.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    {{^  }}call void @use(ptr %call.stack)
; CHECK-NOT:     tail call
; CHECK:         ret void

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f() {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  tail call void @use(ptr %call)
  ret void
}

attributes #0 = { builtin }
