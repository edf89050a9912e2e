; A delete whose operand is a phi of one allocation and null belongs to that
; allocation alone: the object is demoted and the delete removed.
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f(i1 %b)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %c.stack = alloca [16 x i8], align 16
; CHECK:       t:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr %c.stack)
; CHECK-NEXT:    call void @use(ptr %c.stack)
; CHECK:       j:
; CHECK-NEXT:    %p = phi ptr [ %c.stack, %t ], [ null, %entry ]
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr %c.stack)
; CHECK-NEXT:    ret void
; CHECK-NOT:   @_Znwm(
; CHECK-NOT:   @_ZdlPv(

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f(i1 %b) {
entry:
  br i1 %b, label %t, label %j

t:
  %c = call ptr @_Znwm(i64 16) #0
  call void @use(ptr %c)
  br label %j

j:
  %p = phi ptr [ %c, %t ], [ null, %entry ]
  call void @_ZdlPv(ptr %p)
  ret void
}

attributes #0 = { builtin }
