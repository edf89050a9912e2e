; What a callee returns is unknown memory to its caller unless the caller
; can name it: the callee's own allocation, handed over with nothing in it,
; nobody else holding it and not freed, is the caller's new object (an
; allocation wrapper, std::vector's _M_allocate); what a parameter's object
; holds, returned at one deref (a getter), is what the caller's argument
; points to. A store into such a result stays in the caller's object, or is
; a store through the caller's parameter. A result published, filled,
; freed, or that may be the parameter itself or what it holds, still points
; to unknown memory.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s

; CHECK-LABEL: escape: function 'into_fresh'
; CHECK-NEXT:    site %buf wrap_new(...): does not escape
; CHECK-NEXT:    site %x new (4 bytes): does not escape
; CHECK-LABEL: escape: function 'into_fresh_twice_wrapped'
; CHECK-NEXT:    site %buf wrap_wrap(...): does not escape
; CHECK-NEXT:    site %x new (4 bytes): does not escape
; CHECK-LABEL: escape: function 'into_published'
; CHECK:         site %x new (4 bytes): escapes: stored through unknown pointer
; CHECK-LABEL: escape: function 'into_filled'
; CHECK:         site %x new (4 bytes): escapes: stored through unknown pointer
; CHECK-LABEL: escape: function 'into_freed'
; CHECK:         site %x new (4 bytes): escapes: stored through unknown pointer
; CHECK-LABEL: escape: function 'into_first'
; CHECK:         site %x new (4 bytes): escapes: stored through parameter 'h'
; CHECK-LABEL: escape: function 'into_self_or_first'
; CHECK:         site %x new (4 bytes): escapes: stored through unknown pointer

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null
declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)

define ptr @wrap_new() noinline {
  %p = call noalias nonnull ptr @_Znwm(i64 16) #0
  ret ptr %p
}

define ptr @wrap_wrap() noinline {
  %p = call ptr @wrap_new()
  ret ptr %p
}

define ptr @wrap_published() noinline {
  %p = call noalias nonnull ptr @_Znwm(i64 16) #0
  store ptr %p, ptr @g
  ret ptr %p
}

define ptr @wrap_filled(ptr %q) noinline {
  %p = call noalias nonnull ptr @_Znwm(i64 16) #0
  store ptr %q, ptr %p
  ret ptr %p
}

define ptr @wrap_freed() noinline {
  %p = call noalias nonnull ptr @_Znwm(i64 16) #0
  call void @_ZdlPv(ptr %p)
  ret ptr %p
}

define ptr @first(ptr %h) noinline {
  %v = load ptr, ptr %h
  ret ptr %v
}

define ptr @self_or_first(ptr %h, i1 %c) noinline {
  %v = load ptr, ptr %h
  %r = select i1 %c, ptr %h, ptr %v
  ret ptr %r
}

define void @into_fresh() {
  %buf = call ptr @wrap_new()
  %x = call noalias nonnull ptr @_Znwm(i64 4) #0
  store ptr %x, ptr %buf
  ret void
}

define void @into_fresh_twice_wrapped() {
  %buf = call ptr @wrap_wrap()
  %x = call noalias nonnull ptr @_Znwm(i64 4) #0
  store ptr %x, ptr %buf
  ret void
}

define void @into_published() {
  %buf = call ptr @wrap_published()
  %x = call noalias nonnull ptr @_Znwm(i64 4) #0
  store ptr %x, ptr %buf
  ret void
}

define void @into_filled(ptr %q) {
  %buf = call ptr @wrap_filled(ptr %q)
  %x = call noalias nonnull ptr @_Znwm(i64 4) #0
  store ptr %x, ptr %buf
  ret void
}

define void @into_freed() {
  %buf = call ptr @wrap_freed()
  %x = call noalias nonnull ptr @_Znwm(i64 4) #0
  store ptr %x, ptr %buf
  ret void
}

define void @into_first(ptr %h) {
  %slot = call ptr @first(ptr %h)
  %x = call noalias nonnull ptr @_Znwm(i64 4) #0
  store ptr %x, ptr %slot
  ret void
}

define void @into_self_or_first(ptr %h, i1 %c) {
  %slot = call ptr @self_or_first(ptr %h, i1 %c)
  %x = call noalias nonnull ptr @_Znwm(i64 4) #0
  store ptr %x, ptr %slot
  ret void
}

attributes #0 = { builtin }
