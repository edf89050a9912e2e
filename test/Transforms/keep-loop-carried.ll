; The frame arena is off here (-escape-max-arena-size=0): these are the rules
; for one fixed slot; frame-arena.ll shows the arena taking such objects.
; An object allocated in a loop whose pointer is carried to the next iteration by
; a loop-header phi must not share one stack slot between iterations.
; RUN: %opt %loadescape -escape-max-arena-size=0 -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -escape-max-arena-size=0 -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f(i32 %n)
; CHECK-NOT:     alloca
; CHECK:         %prev = phi ptr [ null, %entry ], [ %call, %loop ]
; CHECK-NEXT:    %call = call noalias noundef nonnull ptr @_Znwm(i64 16)

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: live across loop iterations

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @use(ptr nocapture nofree) memory(read)

define void @f(i32 %n) {
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %prev = phi ptr [ null, %entry ], [ %call, %loop ]
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store ptr %prev, ptr %call
  call void @use(ptr %call)
  %i.next = add i32 %i, 1
  %c = icmp slt i32 %i.next, %n
  br i1 %c, label %loop, label %exit

exit:
  call void @use(ptr %call)
  ret void
}

attributes #0 = { builtin }
