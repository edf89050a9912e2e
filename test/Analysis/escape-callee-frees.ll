; A defined callee that deletes its parameter: freeing is not escaping. The
; object moves to the stack only because the call goes to a copy of the
; callee without the delete (the callee must never delete a stack address);
; with copies disabled it stays on the heap.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK
; RUN: %opt %loadescape -passes='escape<max-clone-instructions=0>' -S %s 2>/dev/null | %FileCheck %s --check-prefix=NOCOPY

; PRINT-LABEL: escape: function 'del'
; PRINT-NEXT:    param p: p does not escape; freed here
; PRINT-LABEL: escape: function 'f'
; PRINT-NEXT:    site %c new (16 bytes): does not escape

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack

; CHECK-LABEL: define void @f()
; CHECK-NEXT:    %c.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @del.escape.nofree(ptr %c.stack)
; CHECK-LABEL: define internal void @del.escape.nofree(ptr %p)
; CHECK-NEXT:    ret void

; NOCOPY-LABEL: define void @f()
; NOCOPY-NOT:     alloca
; NOCOPY:         %c = call ptr @_Znwm(i64 16)
; NOCOPY-NEXT:    call void @del(ptr %c)

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)

define void @del(ptr %p) {
  call void @_ZdlPv(ptr %p)
  ret void
}

define void @f() {
  %c = call ptr @_Znwm(i64 16) #0
  call void @del(ptr %c)
  ret void
}

attributes #0 = { builtin }
