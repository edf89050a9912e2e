; print<escape> summarises each pointer parameter Go-style.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT

; PRINT-LABEL: escape: function 'leak'
; PRINT-NEXT:    param p: leaking param: p
; PRINT-LABEL: escape: function 'noescape'
; PRINT-NEXT:    param q: q does not escape
; PRINT-LABEL: escape: function 'content'
; PRINT-NEXT:    param r: leaking param content: r
; PRINT-LABEL: escape: function 'toresult'
; PRINT-NEXT:    param p: leaking param: p to result

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null

define void @leak(ptr %p) {
  store ptr %p, ptr @g
  ret void
}
define i32 @noescape(ptr %q) {
  %v = load i32, ptr %q
  ret i32 %v
}
define void @content(ptr %r) {
  %v = load ptr, ptr %r
  store ptr %v, ptr @g
  ret void
}
define ptr @toresult(ptr %p) {
  ret ptr %p
}
