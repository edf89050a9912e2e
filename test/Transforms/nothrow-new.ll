; nothrow operator new is demoted like plain new.
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %call.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr %call.stack)
; CHECK-NEXT:    call void @use(ptr %call.stack)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr %call.stack)
; CHECK-NEXT:    ret void
; CHECK-NOT:   call {{.*}}@_ZnwmRKSt9nothrow_t(
; CHECK-NOT:   call void @_ZdlPv(

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%"struct.std::nothrow_t" = type { i8 }
@_ZSt7nothrow = external global %"struct.std::nothrow_t"
declare ptr @_ZnwmRKSt9nothrow_t(i64, ptr)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f() {
entry:
  %call = call noalias noundef ptr @_ZnwmRKSt9nothrow_t(i64 16, ptr @_ZSt7nothrow) #0
  call void @use(ptr %call)
  call void @_ZdlPv(ptr %call)
  ret void
}

attributes #0 = { builtin nounwind }
