; An indirect call whose callees LLVM's CalledValuePropagation listed in
; `!callees` applies the union of their summaries. The callers come first in
; the module: the call graph gets an edge per listed callee, so the callees
; are analysed before them.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; Without the metadata, the same calls are unknown; CalledValuePropagation
; puts it back on the select.
; RUN: sed -e 's/, !callees ![0-9]//' %s | %opt %loadescape -passes='print<escape>' -disable-output 2>&1 | %FileCheck %s --check-prefix=NOMD
; RUN: sed -e 's/, !callees ![0-9]//' %s | %opt %loadescape -passes='called-value-propagation,print<escape>' -disable-output 2>&1 | %FileCheck %s --check-prefix=CVP

; PRINT-LABEL: escape: function 'twice'
; PRINT-LABEL: escape: function 'thrice'
; PRINT-LABEL: escape: function 'choose_local'
; PRINT-NEXT:    site %p new (4 bytes): does not escape
; PRINT-LABEL: escape: function 'keep'
; PRINT-LABEL: escape: function 'choose_leak'
; PRINT-NEXT:    site %p new (4 bytes): escapes: passed to 'keep' which leaks it
; PRINT-LABEL: escape: function 'wrong_type'
; PRINT-NEXT:    site %p new (4 bytes): escapes: passed to an indirect call
; PRINT-LABEL: escape: function 'apply'
; PRINT-NEXT:    param f: f does not escape
; PRINT-NEXT:    param p: p does not escape
; PRINT-LABEL: escape: function 'via_param'
; PRINT-NEXT:    site %p new (4 bytes): does not escape

; NOMD: site %p new (4 bytes): escapes: passed to an indirect call
; NOMD: site %p new (4 bytes): escapes: passed to an indirect call
; NOMD: site %p new (4 bytes): escapes: passed to an indirect call
; NOMD: site %p new (4 bytes): escapes: passed to 'apply' which leaks it

; CVP-LABEL: escape: function 'choose_local'
; CVP-NEXT:    site %p new (4 bytes): does not escape
; CVP-LABEL: escape: function 'choose_leak'
; CVP-NEXT:    site %p new (4 bytes): escapes: passed to 'keep' which leaks it

; CHECK-LABEL: define i32 @choose_local(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p.stack = alloca [4 x i8], align 16
; CHECK-NOT:     @_ZdlPv(
; CHECK-LABEL: define i32 @choose_leak(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call noalias noundef nonnull ptr @_Znwm(i64 4)
; CHECK-LABEL: define i32 @wrong_type(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call noalias noundef nonnull ptr @_Znwm(i64 4)
; CHECK-LABEL: define i32 @via_param(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p.stack = alloca [4 x i8], align 16

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@published = internal global ptr null
declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)

define i32 @choose_local(i32 %v, i1 %b) {
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 4) #0
  store i32 %v, ptr %p
  %f = select i1 %b, ptr @twice, ptr @thrice
  %r = call i32 %f(ptr %p), !callees !0
  call void @_ZdlPv(ptr %p) #0
  ret i32 %r
}

; One possible callee publishes the object: it stays on the heap.
define i32 @choose_leak(i32 %v, i1 %b) {
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 4) #0
  store i32 %v, ptr %p
  %f = select i1 %b, ptr @twice, ptr @keep
  %r = call i32 %f(ptr %p), !callees !1
  ret i32 %r
}

; A listed callee of another type than the call's: not resolved.
define i32 @wrong_type(i32 %v, i1 %b) {
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 4) #0
  store i32 %v, ptr %p
  %f = select i1 %b, ptr @twice, ptr @two_args
  %r = call i32 %f(ptr %p), !callees !2
  call void @_ZdlPv(ptr %p) #0
  ret i32 %r
}

; Through an internal function's parameter.
define i32 @via_param(i32 %v) {
entry:
  %p = call noalias noundef nonnull ptr @_Znwm(i64 4) #0
  store i32 %v, ptr %p
  %a = call i32 @apply(ptr @twice, ptr %p)
  %c = call i32 @apply(ptr @thrice, ptr %p)
  %r = add i32 %a, %c
  call void @_ZdlPv(ptr %p) #0
  ret i32 %r
}

define internal i32 @apply(ptr %f, ptr %p) {
entry:
  %r = call i32 %f(ptr %p), !callees !0
  ret i32 %r
}

define internal i32 @twice(ptr %p) {
  %v = load i32, ptr %p
  %r = mul i32 %v, 2
  ret i32 %r
}

define internal i32 @thrice(ptr %p) {
  %v = load i32, ptr %p
  %r = mul i32 %v, 3
  ret i32 %r
}

define internal i32 @keep(ptr %p) {
  store ptr %p, ptr @published
  ret i32 0
}

define internal i32 @two_args(ptr %p, i32 %n) {
  ret i32 %n
}

attributes #0 = { builtin }

!0 = !{ptr @twice, ptr @thrice}
!1 = !{ptr @twice, ptr @keep}
!2 = !{ptr @twice, ptr @two_args}
