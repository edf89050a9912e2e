; A parameter's content copied into another parameter's object (`*a = *b`,
; as in a pointer swap) does not reach the heap: the caller replays the copy
; between its own objects. The line says where it goes ("leaking param
; content: b to *a"). Written back into its own object (`*s += x` on an
; integer wide enough to hold a pointer), it moves nothing.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s

; The copies are replayed exactly, so they do not count as overwriting the
; content with pointers the caller cannot see.
; CHECK-LABEL: escape: function 'accumulate'
; CHECK-NEXT:    param s: s does not escape{{$}}
; CHECK-LABEL: escape: function 'swap'
; CHECK-NEXT:    param a: leaking param content: a to *b{{$}}
; CHECK-NEXT:    param b: leaking param content: b to *a{{$}}
; CHECK-LABEL: escape: function 'copy'
; CHECK-NEXT:    param dst: dst does not escape{{$}}
; CHECK-NEXT:    param src: leaking param content: src to *dst{{$}}

; The swap is replayed: the object first held by %x's box ends up in %y's box,
; which is stored to a global, so it escapes; %z, swapped between two local
; boxes that stay local, does not.
; CHECK-LABEL: escape: function 'swap_then_publish'
; CHECK-NEXT:    site %obj new (16 bytes): escapes: stored to global 'g'
; CHECK:           from {*%x copied by 'swap'} (store)
; CHECK-LABEL: escape: function 'swap_locally'
; CHECK-NEXT:    site %obj new (16 bytes): does not escape
; The copy is replayed: what %src's box held is now in the published box.
; CHECK-LABEL: escape: function 'copy_then_publish'
; CHECK-NEXT:    site %obj new (16 bytes): escapes: stored to global 'g'
; A write-back keeps what the box held in the box.
; CHECK-LABEL: escape: function 'accumulate_local'
; CHECK-NEXT:    site %obj new (16 bytes): does not escape

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null
declare ptr @_Znwm(i64)

define void @accumulate(ptr %s, i64 %x) noinline {
  %v = load i64, ptr %s
  %w = add i64 %v, %x
  store i64 %w, ptr %s
  ret void
}

define void @swap(ptr %a, ptr %b) noinline {
  %va = load ptr, ptr %a
  %vb = load ptr, ptr %b
  store ptr %vb, ptr %a
  store ptr %va, ptr %b
  ret void
}

define void @copy(ptr %dst, ptr %src) noinline {
  %v = load ptr, ptr %src
  store ptr %v, ptr %dst
  ret void
}

define void @swap_then_publish() {
  %x = alloca ptr
  %y = alloca ptr
  %obj = call ptr @_Znwm(i64 16) #0
  store ptr %obj, ptr %x
  store ptr null, ptr %y
  call void @swap(ptr %x, ptr %y)
  %p = load ptr, ptr %y
  store ptr %p, ptr @g
  ret void
}

define void @swap_locally() {
  %x = alloca ptr
  %y = alloca ptr
  %obj = call ptr @_Znwm(i64 16) #0
  store ptr %obj, ptr %x
  call void @swap(ptr %x, ptr %y)
  ret void
}

define void @copy_then_publish() {
  %src = alloca ptr
  %dst = alloca ptr
  %obj = call ptr @_Znwm(i64 16) #0
  store ptr %obj, ptr %src
  call void @copy(ptr %dst, ptr %src)
  %p = load ptr, ptr %dst
  store ptr %p, ptr @g
  ret void
}

define void @accumulate_local() {
  %box = alloca ptr
  %obj = call ptr @_Znwm(i64 16) #0
  store ptr %obj, ptr %box
  call void @accumulate(ptr %box, i64 8)
  ret void
}

attributes #0 = { builtin }
