; An allocation a callee hands to its caller through a parameter's object
; (FreshInto) leaks nothing of what is copied into it: the summary says what
; it holds (FreshContents) and the caller replays that into its own view of
; the allocation. A string's growth (copy the old buffer into a new one that
; replaces it, write back a capacity computed with umax) thus leaves `s`
; local, and a string whose buffer points into itself stays local in its
; caller. What is copied out of the new buffer and published still escapes.
; A new buffer that also holds a global's address is no handoff: the content
; leaks as before.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s

; CHECK-LABEL: escape: function 'grow'
; CHECK-NEXT:    param s: s does not escape; content freed here; content may be overwritten
; CHECK-NEXT:    allocation handed to the caller holds what s points to at derefs 2 and deeper
; CHECK-NEXT:    site %n new (n bytes): escapes: stored through parameter 's'
; CHECK-LABEL: escape: function 'grow_global'
; CHECK-NEXT:    param s: leaking param content: s; into what s points to; content may be overwritten
; CHECK-NOT:     allocation handed
; CHECK-LABEL: escape: function 'self_buffer'
; CHECK-NEXT:    site call @grow grow(...): does not escape
; CHECK-LABEL: escape: function 'copied_out_escapes'
; CHECK-NEXT:    site %a new (16 bytes): escapes: passed to unknown function 'sink'
; CHECK:         site call @grow grow(...): does not escape
; CHECK-LABEL: escape: function 'copied_out_freed'
; CHECK-NEXT:    site %a new (16 bytes): does not escape
; CHECK-NEXT:    site call @grow grow(...): does not escape
; CHECK-LABEL: escape: function 'self_buffer_global'
; CHECK-NEXT:    site call @grow_global grow_global(...): escapes: passed to 'grow_global' which leaks it

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @sink(ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare i64 @llvm.umax.i64(i64, i64)

@g = global ptr null

; A string's growth: a new buffer holds a copy of the old one (what *s points
; to) and replaces it in *s; the capacity, an integer made of what *s held,
; is written back. Nothing of s leaks: the caller replays the new buffer.
define linkonce_odr void @grow(ptr %s, i64 %want) noinline {
  %old = load ptr, ptr %s
  %capp = getelementptr inbounds i8, ptr %s, i64 8
  %cap = load i64, ptr %capp
  %newcap = call i64 @llvm.umax.i64(i64 %cap, i64 %want)
  %n = call noalias noundef nonnull ptr @_Znwm(i64 %newcap) #0
  call void @llvm.memcpy.p0.p0.i64(ptr %n, ptr %old, i64 %cap, i1 false)
  call void @_ZdlPv(ptr %old)
  store ptr %n, ptr %s
  store i64 %newcap, ptr %capp
  ret void
}

; The new buffer holds a global's address: that the caller cannot replay,
; so the content of what it receives leaks as before.
define linkonce_odr void @grow_global(ptr %s) noinline {
  %old = load ptr, ptr %s
  %n = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  call void @llvm.memcpy.p0.p0.i64(ptr %n, ptr %old, i64 16, i1 false)
  store ptr @g, ptr %n
  store ptr %n, ptr %s
  ret void
}

; An object that points to itself (a short string's buffer) stays local.
define void @self_buffer() {
  %str = alloca [32 x i8]
  %buf = getelementptr inbounds i8, ptr %str, i64 16
  store ptr %buf, ptr %str
  call void @grow(ptr %str, i64 64)
  %p = load ptr, ptr %str
  call void @_ZdlPv(ptr %p)
  ret void
}

; What the old buffer pointed to is copied into the new one: read back out
; and published, it escapes.
define void @copied_out_escapes() {
  %a = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  %box = alloca [16 x i8]
  %inner = alloca ptr
  store ptr %a, ptr %inner
  store ptr %inner, ptr %box
  call void @grow(ptr %box, i64 16)
  %p = load ptr, ptr %box
  %q = load ptr, ptr %p
  call void @sink(ptr %q)
  ret void
}

; Freed through the copy: the delete must see the object (it is freed
; together with the buffer's other possible contents).
define void @copied_out_freed() {
  %a = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  %box = alloca [16 x i8]
  %inner = alloca ptr
  store ptr %a, ptr %inner
  store ptr %inner, ptr %box
  call void @grow(ptr %box, i64 16)
  %p = load ptr, ptr %box
  %q = load ptr, ptr %p
  call void @_ZdlPv(ptr %q)
  ret void
}

define void @self_buffer_global() {
  %str = alloca [32 x i8]
  %buf = getelementptr inbounds i8, ptr %str, i64 16
  store ptr %buf, ptr %str
  call void @grow_global(ptr %str)
  ret void
}

attributes #0 = { builtin }
