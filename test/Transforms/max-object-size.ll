; -escape-max-object-size raises the size limit: the 8192-byte object is demoted.
; RUN: %opt %loadescape -passes=escape -escape-max-object-size=16384 -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -escape-max-object-size=16384 -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %call.stack = alloca [8192 x i8], align 16
; CHECK-NOT:   @_Znwm(
; CHECK-NOT:   @_ZdlPv(

; REMARK: remark: <unknown>:0:0: new (8192 bytes) does not escape; moved to stack

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f() {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 8192) #0
  call void @use(ptr %call)
  call void @_ZdlPv(ptr %call)
  ret void
}

attributes #0 = { builtin }
