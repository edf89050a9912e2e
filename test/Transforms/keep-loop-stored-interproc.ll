; The frame arena is off here (-escape-max-arena-size=0): these are the rules
; for one fixed slot; frame-arena.ll shows the arena taking such objects.
; As keep-loop-stored.ll, but the store into the box happens in a callee
; (@setp stores %v into *%dst): the summary must be taken into account.
; RUN: %opt %loadescape -escape-max-arena-size=0 -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -escape-max-arena-size=0 -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: define void @f(i32 %n)
; CHECK-NOT:     alloca [16 x i8]
; CHECK:         %c = call ptr @_Znwm(i64 16)
; CHECK-NEXT:    store ptr %prev, ptr %c
; CHECK-NEXT:    call void @setp(ptr %box, ptr %c)

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: live across loop iterations

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @setp(ptr %dst, ptr %v) {
  store ptr %v, ptr %dst
  ret void
}

define void @f(i32 %n) {
entry:
  %box = alloca ptr
  store ptr null, ptr %box
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %prev = load ptr, ptr %box
  %c = call ptr @_Znwm(i64 16) #0
  store ptr %prev, ptr %c
  call void @setp(ptr %box, ptr %c)
  %i1 = add i32 %i, 1
  %k = icmp slt i32 %i1, %n
  br i1 %k, label %loop, label %exit

exit:
  %last = load ptr, ptr %box
  call void @use(ptr %last)
  ret void
}

attributes #0 = { builtin }
