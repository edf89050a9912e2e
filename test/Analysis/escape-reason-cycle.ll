; Regression: two objects that point to each other, one of which is (through
; a chain of loads) stored to a global. The reason must name the global even
; when the walk's parent chain bends into the %a <-> %b store cycle.

; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; PRINT-LABEL: escape: function 'f'
; PRINT-NEXT:    site %a new (16 bytes): escapes: stored to global 'g'
; PRINT:         site %b new (16 bytes): escapes: stored to global 'g'

; REMARK: remark: <unknown>:0:0: new (16 bytes) escapes to heap: stored to global 'g'
; REMARK-NEXT: remark: <unknown>:0:0: new (16 bytes) escapes to heap: stored to global 'g'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null
declare ptr @_Znwm(i64)

define void @f() {
  %a = call ptr @_Znwm(i64 16) #0
  %b = call ptr @_Znwm(i64 16) #0
  store ptr %b, ptr %a
  store ptr %a, ptr %b
  %l = load ptr, ptr %a
  %l2 = load ptr, ptr %l
  %l3 = load ptr, ptr %l2
  store ptr %l3, ptr @g
  ret void
}

attributes #0 = { builtin }
