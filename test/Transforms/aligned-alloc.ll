; aligned_alloc(64, 128) keeps its requested alignment on the stack slot.
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %call.stack = alloca [128 x i8], align 64
; CHECK-NEXT:    call void @llvm.lifetime.start.p0(i64 128, ptr %call.stack)
; CHECK-NEXT:    call void @use(ptr %call.stack)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 128, ptr %call.stack)
; CHECK-NEXT:    ret void
; CHECK-NOT:   call {{.*}}@aligned_alloc(
; CHECK-NOT:   call void @free(

; REMARK: remark: <unknown>:0:0: aligned_alloc(64, 128) does not escape; moved to stack

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare noalias ptr @aligned_alloc(i64, i64)
declare void @free(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f() {
entry:
  %call = call noalias ptr @aligned_alloc(i64 64, i64 128)
  call void @use(ptr %call)
  call void @free(ptr %call)
  ret void
}
