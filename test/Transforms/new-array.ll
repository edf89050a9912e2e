; new[]/delete[] of a non-escaping array is demoted; delete[] is removed.
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %call.stack = alloca [40 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0(i64 40, ptr %call.stack)
; CHECK-NEXT:    call void @use(ptr %call.stack)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 40, ptr %call.stack)
; CHECK-NEXT:    ret void
; CHECK-NOT:   call {{.*}}@_Znam(
; CHECK-NOT:   call void @_ZdaPv(

; REMARK: remark: <unknown>:0:0: new[] (40 bytes) does not escape; moved to stack

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znam(i64)
declare void @_ZdaPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f() {
entry:
  %call = call noalias noundef nonnull ptr @_Znam(i64 40) #0
  call void @use(ptr %call)
  call void @_ZdaPv(ptr %call)
  ret void
}

attributes #0 = { builtin }
