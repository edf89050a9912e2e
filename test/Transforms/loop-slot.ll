; An allocation inside a loop that is freed in each iteration reuses one static
; slot in the entry block; lifetime markers bracket each iteration.
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f(i32 %n)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %call.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NOT:     alloca
; CHECK:         call void @llvm.lifetime.start.p0(i64 16, ptr %call.stack)
; CHECK-NEXT:    call void @use(ptr %call.stack)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr %call.stack)
; CHECK-NOT:     alloca
; CHECK:       exit:
; CHECK-NEXT:    ret void
; CHECK-NOT:   @_Znwm(
; CHECK-NOT:   @_ZdlPv(
; CHECK-NOT:   @llvm.stacksave

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
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  call void @use(ptr %call)
  call void @_ZdlPv(ptr %call)
  %i.next = add i32 %i, 1
  %c = icmp slt i32 %i.next, %n
  br i1 %c, label %loop, label %exit

exit:
  ret void
}

attributes #0 = { builtin }
