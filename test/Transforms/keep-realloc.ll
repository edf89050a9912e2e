; A malloc'ed buffer that is passed to realloc stays on the heap.
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f()
; CHECK-NOT:     alloca
; CHECK:         %call = call noalias ptr @malloc(i64 16)
; CHECK:         %r = call ptr @realloc(ptr %call, i64 32)
; CHECK:         call void @free(ptr %r)

; REMARK: remark: <unknown>:0:0: malloc(16) does not escape; kept on heap: reallocated

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare noalias ptr @malloc(i64)
declare noalias ptr @realloc(ptr, i64)
declare void @free(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f() {
entry:
  %call = call noalias ptr @malloc(i64 16)
  call void @use(ptr %call)
  %r = call ptr @realloc(ptr %call, i64 32)
  call void @use(ptr %r)
  call void @free(ptr %r)
  ret void
}
