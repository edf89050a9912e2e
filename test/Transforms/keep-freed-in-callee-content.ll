; A callee that frees what its argument points to (a unique_ptr destructor
; out of line) lists that deallocation ("content freed here"): the object
; stored in the local box is handed over, moved to the stack, and the call
; goes to a copy of the callee without the deallocation. One level up, a
; function that frees through such a call is not copied: the caller's box
; parameter gets "may be freed" in its summary, and its object stays on the
; heap.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; PRINT-LABEL: escape: function 'dtor'
; PRINT-NEXT:    param this: this does not escape; content freed here
; PRINT-LABEL: escape: function 'reset'
; PRINT-NEXT:    param box: box does not escape; may be freed
; Only the parameter whose memory is freed may be freed: a free inside a
; callee reaches what the argument points to, not every parameter.
; PRINT-LABEL: escape: function 'reset_one'
; PRINT-NEXT:    param box: box does not escape; may be freed
; PRINT-NEXT:    param other: other does not escape{{$}}
; PRINT-LABEL: escape: function 'f'
; PRINT-NEXT:    site %obj new (16 bytes): does not escape
; PRINT-LABEL: escape: function 'g'
; PRINT-NEXT:    site %obj new (16 bytes): does not escape

; CHECK-LABEL: define void @f()
; CHECK-NEXT:    %obj.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    %box = alloca ptr, align 8
; CHECK-NEXT:    store ptr %obj.stack, ptr %box, align 8
; CHECK-NEXT:    call void @dtor.escape.nofree(ptr %box)
; CHECK-NEXT:    ret void
; CHECK-LABEL: define void @g()
; CHECK-NEXT:    %box = alloca ptr, align 8
; CHECK-NEXT:    %obj = call ptr @_Znwm(i64 16)
; CHECK-NEXT:    store ptr %obj, ptr %box, align 8
; CHECK-NEXT:    call void @reset(ptr %box)
; CHECK-NEXT:    ret void

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack
; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: may be freed inside 'reset'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)

define void @dtor(ptr %this) noinline {
  %p = load ptr, ptr %this
  call void @_ZdlPv(ptr %p)
  ret void
}

; Frees two levels down, through another function.
define void @reset(ptr %box) noinline {
  call void @dtor(ptr %box)
  ret void
}

define void @reset_one(ptr %box, ptr %other) noinline {
  call void @dtor(ptr %box)
  %v = load i32, ptr %other
  ret void
}

define void @f() {
  %box = alloca ptr
  %obj = call ptr @_Znwm(i64 16) #0
  store ptr %obj, ptr %box
  call void @dtor(ptr %box)
  ret void
}

define void @g() {
  %box = alloca ptr
  %obj = call ptr @_Znwm(i64 16) #0
  store ptr %obj, ptr %box
  call void @reset(ptr %box)
  ret void
}

attributes #0 = { builtin }
