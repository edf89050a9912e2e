; With -escape-max-frame-size=100 only the first 64-byte object fits; the
; second one stays on the heap.
; RUN: %opt %loadescape -passes=escape -escape-max-frame-size=100 -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -escape-max-frame-size=100 -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %a.stack = alloca [64 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         %b = call noalias noundef nonnull ptr @_Znwm(i64 64)
; CHECK-NOT:     @_Znwm(
; CHECK:         call void @_ZdlPv(ptr %b)
; CHECK-NOT:     @_ZdlPv(

; REMARK: remark: <unknown>:0:0: new (64 bytes) does not escape; moved to stack
; REMARK-NEXT: remark: <unknown>:0:0: new (64 bytes) does not escape; kept on heap: stack budget exhausted

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f() {
entry:
  %a = call noalias noundef nonnull ptr @_Znwm(i64 64) #0
  %b = call noalias noundef nonnull ptr @_Znwm(i64 64) #0
  call void @use(ptr %a)
  call void @use(ptr %b)
  call void @_ZdlPv(ptr %a)
  call void @_ZdlPv(ptr %b)
  ret void
}

attributes #0 = { builtin }
