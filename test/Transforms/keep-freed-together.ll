; The frame arena is off here (-escape-max-arena-size=0): these are the rules
; for one fixed slot; frame-arena.ll shows the arena taking such objects.
; A delete whose operand selects between two allocations cannot be removed for
; either one alone; both stay on the heap.
; RUN: %opt %loadescape -escape-max-arena-size=0 -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -escape-max-arena-size=0 -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f(i1 %c)
; CHECK-NOT:     alloca
; CHECK:         %a = call noalias noundef nonnull ptr @_Znwm(i64 16)
; CHECK-NEXT:    %b = call noalias noundef nonnull ptr @_Znwm(i64 16)
; CHECK:         %p = select i1 %c, ptr %a, ptr %b
; CHECK-NEXT:    call void @_ZdlPv(ptr %p)

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: freed together with other objects
; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: freed together with other objects

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f(i1 %c) {
entry:
  %a = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  %b = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  call void @use(ptr %a)
  call void @use(ptr %b)
  %p = select i1 %c, ptr %a, ptr %b
  call void @_ZdlPv(ptr %p)
  ret void
}

attributes #0 = { builtin }
