; A self-recursive function reads its own summary from the previous round
; (Go's batch fixed point, starting from "nothing leaks"): @rsum only reads
; and writes through its parameters, so they do not escape and the caller's
; array is demoted. @rleak publishes its parameter at the bottom of the
; recursion, so it leaks and the caller's object stays on the heap.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s

; PRINT-LABEL: escape: function 'rsum' (recursive)
; PRINT-NEXT:    param a: a does not escape
; PRINT-NEXT:    param b: b does not escape
; PRINT-LABEL: escape: function 'rleak' (recursive)
; PRINT-NEXT:    param p: leaking param: p
; PRINT-LABEL: escape: function 'rself' (recursive)
; PRINT-NEXT:    param p: leaking param: p to result
; PRINT-LABEL: escape: function 'user_local'
; PRINT-NEXT:    site %arr new[] (64 bytes): does not escape
; PRINT-LABEL: escape: function 'user_leak'
; PRINT-NEXT:    site %obj new (16 bytes): escapes: passed to 'rleak' which leaks it
; PRINT-LABEL: escape: function 'user_result'
; PRINT-NEXT:    site %obj new (16 bytes): escapes: returned

; CHECK-LABEL: define i32 @user_local()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %arr.stack = alloca [64 x i8], align 16
; CHECK:         call void @rsum(ptr %arr.stack, ptr %end)
; CHECK-NOT:     @_ZdaPv(
; CHECK-LABEL: define void @user_leak()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %obj = call noalias noundef nonnull ptr @_Znwm(i64 16)
; CHECK-NEXT:    call void @rleak(ptr %obj, i32 3)
; CHECK-LABEL: define ptr @user_result()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %obj = call noalias noundef nonnull ptr @_Znwm(i64 16)

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null
declare ptr @_Znwm(i64)
declare ptr @_Znam(i64)
declare void @_ZdaPv(ptr)

; void rsum(int *a, int *b) { if (b - a < 2) return; int *m = a + (b - a) / 2;
;                             rsum(a, m); rsum(m, b); *a += *m; }  (clang -O2)
define void @rsum(ptr %a, ptr %b) {
entry:
  %bi = ptrtoint ptr %b to i64
  %ai = ptrtoint ptr %a to i64
  %d = sub i64 %bi, %ai
  %n = ashr exact i64 %d, 2
  %small = icmp slt i64 %n, 2
  br i1 %small, label %done, label %split
split:
  %h = lshr i64 %n, 1
  %m = getelementptr inbounds i32, ptr %a, i64 %h
  tail call void @rsum(ptr %a, ptr %m)
  tail call void @rsum(ptr %m, ptr %b)
  %vm = load i32, ptr %m
  %va = load i32, ptr %a
  %s = add nsw i32 %va, %vm
  store i32 %s, ptr %a
  br label %done
done:
  ret void
}

; Publishes %p once the recursion reaches the bottom.
define void @rleak(ptr %p, i32 %n) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %bottom, label %down
bottom:
  store ptr %p, ptr @g
  ret void
down:
  %m = sub i32 %n, 1
  call void @rleak(ptr %p, i32 %m)
  ret void
}

; Hands %p back from the bottom of the recursion.
define ptr @rself(ptr %p, i32 %n) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %bottom, label %down
bottom:
  ret ptr %p
down:
  %m = sub i32 %n, 1
  %r = call ptr @rself(ptr %p, i32 %m)
  ret ptr %r
}

define i32 @user_local() {
entry:
  %arr = call noalias noundef nonnull ptr @_Znam(i64 64) #0
  store i32 7, ptr %arr
  %end = getelementptr inbounds i32, ptr %arr, i64 16
  call void @rsum(ptr %arr, ptr %end)
  %v = load i32, ptr %arr
  call void @_ZdaPv(ptr %arr) #0
  ret i32 %v
}

define void @user_leak() {
entry:
  %obj = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  call void @rleak(ptr %obj, i32 3)
  ret void
}

define ptr @user_result() {
entry:
  %obj = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  %r = call ptr @rself(ptr %obj, i32 3)
  ret ptr %r
}

attributes #0 = { builtin }
