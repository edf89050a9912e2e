; An object allocated in every iteration but only the last one used (and freed)
; after the loop: one static slot, lifetime.start in the loop, lifetime.end at the delete.
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f(i32 %n)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %c.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NOT:     alloca
; CHECK:         call void @llvm.lifetime.start.p0(i64 16, ptr %c.stack)
; CHECK-NEXT:    call void @use(ptr %c.stack)
; CHECK:       exit:
; CHECK-NEXT:    call void @use(ptr %c.stack)
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

define void @f(i32 %n) {
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %c = call ptr @_Znwm(i64 16) #0
  call void @use(ptr %c)
  %i1 = add i32 %i, 1
  %k = icmp slt i32 %i1, %n
  br i1 %k, label %loop, label %exit

exit:
  call void @use(ptr %c)
  call void @_ZdlPv(ptr %c)
  ret void
}

attributes #0 = { builtin }
