; Aligned operator new (align_val_t 32) is demoted to an alloca with align 32;
; the aligned delete is removed.
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %call.stack = alloca [64 x i8], align 32
; CHECK-NEXT:    call void @llvm.lifetime.start.p0(i64 64, ptr %call.stack)
; CHECK-NEXT:    call void @use(ptr %call.stack)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 64, ptr %call.stack)
; CHECK-NEXT:    ret void
; CHECK-NOT:   call {{.*}}@_ZnwmSt11align_val_t(
; CHECK-NOT:   call void @_ZdlPvSt11align_val_t(

; REMARK: remark: <unknown>:0:0: new (64 bytes) does not escape; moved to stack

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_ZnwmSt11align_val_t(i64, i64)
declare void @_ZdlPvSt11align_val_t(ptr, i64)
declare void @use(ptr nocapture nofree) memory(read)

define void @f() {
entry:
  %call = call noalias noundef nonnull align 32 ptr @_ZnwmSt11align_val_t(i64 64, i64 32) #0
  call void @use(ptr %call)
  call void @_ZdlPvSt11align_val_t(ptr %call, i64 32)
  ret void
}

attributes #0 = { builtin }
