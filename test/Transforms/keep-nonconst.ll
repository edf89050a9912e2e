; The frame arena is off here (-escape-max-arena-size=0): these are the rules
; for one fixed slot; frame-arena.ll shows the arena taking such objects.
; An allocation whose size is not a constant stays on the heap.
; RUN: %opt %loadescape -escape-max-arena-size=0 -escape-max-variable-size=0 -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -escape-max-arena-size=0 -escape-max-variable-size=0 -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f(i64 %n)
; CHECK-NOT:     alloca
; CHECK:         %call = call noalias noundef nonnull ptr @_Znwm(i64 %n)
; CHECK:         call void @_ZdlPv(ptr %call)

; REMARK: remark: <unknown>:0:0: new (n bytes) does not escape; kept on heap: non-constant size

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
