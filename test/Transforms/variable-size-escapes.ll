; A variable-size allocation that escapes gets no stack buffer: no size check,
; the call and its delete stay as they are.
; RUN: %opt %loadescape -escape-max-variable-size=64 -passes=escape -S %s | %FileCheck %s
; RUN: %opt %loadescape -escape-max-variable-size=64 -passes=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f(i64 %n)
; CHECK-NOT:     alloca
; CHECK-NOT:     escape.small
; CHECK:         %call = call noalias noundef nonnull ptr @_Znwm(i64 %n)
; CHECK-NEXT:    store ptr %call, ptr @g
; CHECK-NEXT:    ret void

; REMARK: remark: <unknown>:0:0: new (n bytes) escapes to heap: stored to global 'g'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null

declare ptr @_Znwm(i64)

define void @f(i64 %n) {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 %n) #0
  store ptr %call, ptr @g
  ret void
}

attributes #0 = { builtin }
