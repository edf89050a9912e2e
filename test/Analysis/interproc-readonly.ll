; Passing an object to a defined function that only reads its parameter keeps
; the object local.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; PRINT-LABEL: escape: function 'read'
; PRINT-NEXT:    param p: p does not escape
; PRINT-LABEL: escape: function 'f'
; PRINT-NEXT:    site %call new (16 bytes): does not escape

; CHECK-LABEL: define i32 @f()
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %call.stack = alloca [16 x i8], align 16
; CHECK:         %r = call i32 @read(ptr %call.stack)
; CHECK-NOT:     @_Znwm(
; CHECK-NOT:     @_ZdlPv(

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)

define i32 @read(ptr %p) {
entry:
  %v = load i32, ptr %p
  ret i32 %v
}

define i32 @f() {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store i32 7, ptr %call
  %r = call i32 @read(ptr %call)
  call void @_ZdlPv(ptr %call)
  ret i32 %r
}

attributes #0 = { builtin }
