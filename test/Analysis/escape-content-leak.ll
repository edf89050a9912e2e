; A local box holding the object is passed to a callee that leaks the box's
; content: the box itself stays local but the object escapes.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s

; PRINT-LABEL: escape: function 'pub'
; PRINT-NEXT:    param b: leaking param content: b
; PRINT-LABEL: escape: function 'f'
; PRINT-NEXT:    site %c new (16 bytes): escapes: passed to 'pub' which leaks it

; CHECK-LABEL: define void @f()
; CHECK-NOT:     alloca [16 x i8]
; CHECK:         %c = call ptr @_Znwm(i64 16)
; CHECK-NEXT:    store ptr %c, ptr %box
; CHECK-NEXT:    call void @pub(ptr %box)

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null
declare ptr @_Znwm(i64)

define void @pub(ptr %b) {
  %v = load ptr, ptr %b
  store ptr %v, ptr @g
  ret void
}

define void @f() {
  %box = alloca ptr
  %c = call ptr @_Znwm(i64 16) #0
  store ptr %c, ptr %box
  call void @pub(ptr %box)
  ret void
}

attributes #0 = { builtin }
