; Mutually recursive functions are summarised together: @a/@b only read %p,
; @c/@d leak it; callers are demoted or kept accordingly.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; PRINT-LABEL: escape: function 'b' (recursive)
; PRINT-NEXT:    param p: p does not escape
; PRINT-LABEL: escape: function 'a' (recursive)
; PRINT-NEXT:    param p: p does not escape
; PRINT-LABEL: escape: function 'd' (recursive)
; PRINT-NEXT:    param p: leaking param: p
; PRINT-LABEL: escape: function 'c' (recursive)
; PRINT-NEXT:    param p: leaking param: p
; PRINT-LABEL: escape: function 'user_local'
; PRINT-NEXT:    site %call new (16 bytes): does not escape
; PRINT-LABEL: escape: function 'user_leak'
; PRINT-NEXT:    site %call new (16 bytes): escapes: passed to 'c' which leaks it

; CHECK-LABEL: define i32 @user_local()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %call.stack = alloca [16 x i8], align 16
; CHECK:         %r = call i32 @a(ptr %call.stack, i32 3)
; CHECK-NOT:     @_ZdlPv(
; CHECK-LABEL: define void @user_leak()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %call = call noalias noundef nonnull ptr @_Znwm(i64 16)
; CHECK-NEXT:    call void @c(ptr %call, i32 3)

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack
; REMARK-NEXT: remark: <unknown>:0:0: new (16 bytes) escapes to heap: passed to 'c' which leaks it

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null
declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)

; @a and @b are mutually recursive; neither lets %p escape.
define i32 @a(ptr %p, i32 %n) {
entry:
  %c = icmp eq i32 %n, 0
  br i1 %c, label %done, label %rec
rec:
  %m = sub i32 %n, 1
  %r = call i32 @b(ptr %p, i32 %m)
  ret i32 %r
done:
  %v = load i32, ptr %p
  ret i32 %v
}

define i32 @b(ptr %p, i32 %n) {
entry:
  %r = call i32 @a(ptr %p, i32 %n)
  ret i32 %r
}

; @c and @d are mutually recursive; @d leaks %p to a global.
define void @c(ptr %p, i32 %n) {
entry:
  %c0 = icmp eq i32 %n, 0
  br i1 %c0, label %done, label %rec
rec:
  %m = sub i32 %n, 1
  call void @d(ptr %p, i32 %m)
  ret void
done:
  ret void
}

define void @d(ptr %p, i32 %n) {
entry:
  store ptr %p, ptr @g
  call void @c(ptr %p, i32 %n)
  ret void
}

define i32 @user_local() {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store i32 1, ptr %call
  %r = call i32 @a(ptr %call, i32 3)
  call void @_ZdlPv(ptr %call)
  ret i32 %r
}

define void @user_leak() {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  call void @c(ptr %call, i32 3)
  ret void
}

attributes #0 = { builtin }
