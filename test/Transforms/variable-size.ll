; A variable-size new gets an entry-block buffer behind a runtime size check;
; the delete runs only for the heap path.
; RUN: %opt %loadescape -escape-max-variable-size=64 -passes=escape -S %s | %FileCheck %s
; RUN: %opt %loadescape -escape-max-variable-size=64 -passes=escape -pass-remarks=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f(i64 %n)
; CHECK:         %call.stack = alloca [64 x i8], align 16
; CHECK:         %escape.small = icmp ule i64 %n, 64
; CHECK:         br i1 %escape.small
; CHECK:         %call = call noalias noundef nonnull ptr @_Znwm(i64 %n)
; CHECK:         %call.p = phi ptr [ %call.stack, %{{.*}} ], [ %call, %{{.*}} ]
; CHECK:         call void @use(ptr %call.p)
; CHECK:         %escape.onheap = icmp ne ptr %call.p, %call.stack
; CHECK:         br i1 %escape.onheap
; CHECK:         call void @_ZdlPv(ptr %call.p)

; REMARK: remark: <unknown>:0:0: new (n bytes) does not escape; moved to stack when at most 64 bytes; larger sizes stay on the heap



target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f(i64 %n) {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 %n) #0
  call void @use(ptr %call)
  call void @_ZdlPv(ptr %call)
  ret void
}

attributes #0 = { builtin }
