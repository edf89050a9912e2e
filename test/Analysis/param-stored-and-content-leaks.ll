; A parameter stored into its own object (a short string's buffer pointer,
; `s->p = s->buf`) whose content also reaches the heap is reported as
; leaking its content: "leaking param: s to *s" alone says it reaches
; nothing else (Messages.md), which would hide the leak.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s

; CHECK-LABEL: escape: function 'self_only'
; CHECK-NEXT:    param s: leaking param: s to *s{{$}}
; CHECK-LABEL: escape: function 'self_and_content'
; CHECK-NEXT:    param s: leaking param content: s{{$}}

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @sink(ptr)

define void @self_only(ptr %s) {
  %buf = getelementptr inbounds i8, ptr %s, i64 16
  store ptr %buf, ptr %s
  ret void
}

define void @self_and_content(ptr %s) {
  %buf = getelementptr inbounds i8, ptr %s, i64 16
  store ptr %buf, ptr %s
  %c = getelementptr inbounds i8, ptr %s, i64 8
  %v = load ptr, ptr %c
  call void @sink(ptr %v)
  ret void
}
