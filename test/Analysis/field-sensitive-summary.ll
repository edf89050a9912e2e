; Field-sensitive parameter summaries: a callee that publishes q->b and only
; reads q->a leaks the content of bytes [8, 16) of q's object, not all of it.
; A caller that knows what it stored into each field of its object sends
; only the published field's value to the heap. Every way a pointer may move
; from one field to another (in the callee or in the caller), an unknown
; offset, or too many leaking fields keeps Go's field-insensitive answer.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s

; CHECK-LABEL: escape: function 'use'
; CHECK-NEXT:    param q: leaking param content: q; into a global; leaks only fields [8, 16){{$}}
; Through a callee with fields, shifted by the offset handed over.
; CHECK-LABEL: escape: function 'wrap'
; CHECK-NEXT:    param q: leaking param content: q; into a global; leaks only fields [8, 16){{$}}
; CHECK-LABEL: escape: function 'wrap_shifted'
; CHECK-NEXT:    param q: leaking param content: q; into a global; leaks only fields [16, 24){{$}}
; Content of content: the field's pointee leaks.
; CHECK-LABEL: escape: function 'deep'
; CHECK-NEXT:    param q: leaking param content: q; into a global; leaks only fields [0, 8) at derefs 1{{$}}
; A field read and nothing published: no field leaks.
; CHECK-LABEL: escape: function 'reads'
; CHECK-NEXT:    param q: q does not escape{{$}}
; Not known apart: a pointer moved between fields, an unknown offset, a
; field returned through a helper, more than 16 fields.
; CHECK-LABEL: escape: function 'shuffle'
; CHECK-NEXT:    param q: leaking param content: q; into a global{{$}}
; CHECK-LABEL: escape: function 'indexed'
; CHECK-NEXT:    param q: leaking param content: q; into a global{{$}}
; CHECK-LABEL: escape: function 'get_a'
; CHECK-NEXT:    param q: leaking param content: q to result{{$}}
; CHECK-LABEL: escape: function 'through_getter'
; CHECK-NEXT:    param q: leaking param content: q; into a global{{$}}
; Each store to @g but the last is overwritten before the return: only
; one field's content stays there, so no certain destination either.
; CHECK-LABEL: escape: function 'many'
; CHECK-NEXT:    param q: leaking param content: q{{$}}
; A select between two fields' addresses and another pointer: both fields.
; CHECK-LABEL: escape: function 'either_field'
; CHECK-NEXT:    param q: leaking param content: q; into a global; leaks only fields [8, 16){{$}}
; A pointer advanced through the object in a loop: any field.
; CHECK-LABEL: escape: function 'walk_fields'
; CHECK-NEXT:    param q: leaking param content: q; into a global{{$}}

; Demoted: %x is only in the field 'use' reads.
; CHECK-LABEL: escape: function 'kept_local'
; CHECK-NEXT:    site %x new (4 bytes): does not escape
; CHECK-NEXT:    site %y new (4 bytes): escapes: passed to 'use' which leaks it
; CHECK-LABEL: escape: function 'through_wrap'
; CHECK-NEXT:    site %x new (4 bytes): does not escape
; The caller's object is itself a heap allocation.
; CHECK-LABEL: escape: function 'heap_box'
; CHECK-NEXT:    site %x new (4 bytes): does not escape
; CHECK-NEXT:    site %box new (16 bytes): does not escape
; The argument points 8 bytes into the object: [8, 16) of the callee is
; [16, 24) of the box, where %y is.
; CHECK-LABEL: escape: function 'offset_arg'
; CHECK-NEXT:    site %x new (4 bytes): does not escape
; CHECK-NEXT:    site %y new (4 bytes): escapes: passed to 'use' which leaks it
; What the object in field [0, 8) points to leaks, not that object.
; CHECK-LABEL: escape: function 'deep_caller'
; CHECK-NEXT:    site %x new (8 bytes): does not escape
; CHECK-NEXT:    site %y new (4 bytes): does not escape
; CHECK-NEXT:    site %z new (4 bytes): escapes: passed to 'deep' which leaks it

; Escapes: stored in the published field.
; CHECK-LABEL: escape: function 'published_field'
; CHECK-NEXT:    site %x new (4 bytes): escapes: passed to 'use' which leaks it
; The same pointer stored into both fields (one edge in the graph, two
; stores): the published one counts.
; CHECK-LABEL: escape: function 'same_value_both_fields'
; CHECK-NEXT:    site %x new (4 bytes): escapes: passed to 'use' which leaks it
; The callee moves a into b before publishing b.
; CHECK-LABEL: escape: function 'moved_by_callee'
; CHECK-NEXT:    site %x new (4 bytes): escapes: passed to 'shuffle' which leaks it
; Another callee of the caller's may have moved a into b first.
; CHECK-LABEL: escape: function 'moved_before'
; CHECK-NEXT:    site %x new (4 bytes): escapes: passed to 'use' which leaks it
; The caller copies the fields over each other.
; CHECK-LABEL: escape: function 'memmoved'
; CHECK-NEXT:    site %x new (4 bytes): escapes: passed to 'use' which leaks it
; The caller stores through a pointer that may be either field.
; CHECK-LABEL: escape: function 'stored_through_select'
; CHECK-NEXT:    site %x new (4 bytes): escapes: passed to 'use' which leaks it
; The caller moves a into b itself: the value loaded from a is stored in b.
; CHECK-LABEL: escape: function 'caller_moves'
; CHECK-NEXT:    site %x new (4 bytes): escapes: passed to 'use' which leaks it
; CHECK-LABEL: escape: function 'indexed_caller'
; CHECK-NEXT:    site %x new (4 bytes): escapes: passed to 'indexed' which leaks it
; CHECK-LABEL: escape: function 'getter_caller'
; CHECK-NEXT:    site %x new (4 bytes): escapes: passed to 'through_getter' which leaks it
; CHECK-LABEL: escape: function 'many_caller'
; CHECK-NEXT:    site %x new (4 bytes): escapes: passed to 'many' which leaks it

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null
declare ptr @_Znwm(i64)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)

define i32 @use(ptr %q) noinline {
  %pb = getelementptr inbounds i8, ptr %q, i64 8
  %b = load ptr, ptr %pb
  store ptr %b, ptr @g
  %a = load ptr, ptr %q
  %v = load i32, ptr %a
  ret i32 %v
}

define i32 @wrap(ptr %q) noinline {
  %r = call i32 @use(ptr %q)
  ret i32 %r
}

define i32 @wrap_shifted(ptr %q) noinline {
  %p = getelementptr inbounds i8, ptr %q, i64 8
  %r = call i32 @use(ptr %p)
  ret i32 %r
}

define void @deep(ptr %q) noinline {
  %a = load ptr, ptr %q
  %aa = load ptr, ptr %a
  store ptr %aa, ptr @g
  ret void
}

define i32 @reads(ptr %q) noinline {
  %a = load ptr, ptr %q
  %v = load i32, ptr %a
  ret i32 %v
}

define void @shuffle(ptr %q) noinline {
  %a = load ptr, ptr %q
  %pb = getelementptr inbounds i8, ptr %q, i64 8
  store ptr %a, ptr %pb
  %b = load ptr, ptr %pb
  store ptr %b, ptr @g
  ret void
}

define void @indexed(ptr %q, i64 %i) noinline {
  %p = getelementptr inbounds ptr, ptr %q, i64 %i
  %b = load ptr, ptr %p
  store ptr %b, ptr @g
  ret void
}

define ptr @get_a(ptr %q) noinline {
  %a = load ptr, ptr %q
  ret ptr %a
}

define void @through_getter(ptr %q) noinline {
  %a = call ptr @get_a(ptr %q)
  store ptr %a, ptr @g
  ret void
}

; Publishes 17 fields, one more than the limit.
define void @many(ptr %q) noinline {
  %p1 = getelementptr inbounds i8, ptr %q, i64 8
  %p2 = getelementptr inbounds i8, ptr %q, i64 16
  %p3 = getelementptr inbounds i8, ptr %q, i64 24
  %p4 = getelementptr inbounds i8, ptr %q, i64 32
  %p5 = getelementptr inbounds i8, ptr %q, i64 40
  %p6 = getelementptr inbounds i8, ptr %q, i64 48
  %p7 = getelementptr inbounds i8, ptr %q, i64 56
  %p8 = getelementptr inbounds i8, ptr %q, i64 64
  %p9 = getelementptr inbounds i8, ptr %q, i64 72
  %p10 = getelementptr inbounds i8, ptr %q, i64 80
  %p11 = getelementptr inbounds i8, ptr %q, i64 88
  %p12 = getelementptr inbounds i8, ptr %q, i64 96
  %p13 = getelementptr inbounds i8, ptr %q, i64 104
  %p14 = getelementptr inbounds i8, ptr %q, i64 112
  %p15 = getelementptr inbounds i8, ptr %q, i64 120
  %p16 = getelementptr inbounds i8, ptr %q, i64 128
  %p17 = getelementptr inbounds i8, ptr %q, i64 136
  %v1 = load ptr, ptr %p1
  %v2 = load ptr, ptr %p2
  %v3 = load ptr, ptr %p3
  %v4 = load ptr, ptr %p4
  %v5 = load ptr, ptr %p5
  %v6 = load ptr, ptr %p6
  %v7 = load ptr, ptr %p7
  %v8 = load ptr, ptr %p8
  %v9 = load ptr, ptr %p9
  %v10 = load ptr, ptr %p10
  %v11 = load ptr, ptr %p11
  %v12 = load ptr, ptr %p12
  %v13 = load ptr, ptr %p13
  %v14 = load ptr, ptr %p14
  %v15 = load ptr, ptr %p15
  %v16 = load ptr, ptr %p16
  %v17 = load ptr, ptr %p17
  store volatile ptr %v1, ptr @g
  store volatile ptr %v2, ptr @g
  store volatile ptr %v3, ptr @g
  store volatile ptr %v4, ptr @g
  store volatile ptr %v5, ptr @g
  store volatile ptr %v6, ptr @g
  store volatile ptr %v7, ptr @g
  store volatile ptr %v8, ptr @g
  store volatile ptr %v9, ptr @g
  store volatile ptr %v10, ptr @g
  store volatile ptr %v11, ptr @g
  store volatile ptr %v12, ptr @g
  store volatile ptr %v13, ptr @g
  store volatile ptr %v14, ptr @g
  store volatile ptr %v15, ptr @g
  store volatile ptr %v16, ptr @g
  store volatile ptr %v17, ptr @g
  ret void
}

define void @either_field(ptr %q, i1 %c) noinline {
  %pb = getelementptr inbounds i8, ptr %q, i64 8
  %p = select i1 %c, ptr %pb, ptr @g
  %v = load ptr, ptr %p
  store ptr %v, ptr @g
  ret void
}

define void @walk_fields(ptr %q, i64 %n) noinline {
entry:
  br label %loop
loop:
  %p = phi ptr [ %q, %entry ], [ %next, %loop ]
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %v = load ptr, ptr %p
  store volatile ptr %v, ptr @g
  %next = getelementptr inbounds i8, ptr %p, i64 8
  %i1 = add i64 %i, 1
  %done = icmp eq i64 %i1, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

define i32 @kept_local() {
  %q = alloca [2 x ptr]
  %x = call ptr @_Znwm(i64 4)
  %y = call ptr @_Znwm(i64 4)
  store ptr %x, ptr %q
  %pb = getelementptr inbounds i8, ptr %q, i64 8
  store ptr %y, ptr %pb
  %r = call i32 @use(ptr %q)
  ret i32 %r
}

define i32 @through_wrap() {
  %q = alloca [2 x ptr]
  %x = call ptr @_Znwm(i64 4)
  store ptr %x, ptr %q
  %r = call i32 @wrap(ptr %q)
  ret i32 %r
}

define i32 @heap_box() {
  %x = call ptr @_Znwm(i64 4)
  %box = call ptr @_Znwm(i64 16)
  store ptr %x, ptr %box
  %r = call i32 @use(ptr %box)
  ret i32 %r
}

define i32 @offset_arg() {
  %q = alloca [3 x ptr]
  %x = call ptr @_Znwm(i64 4)
  %y = call ptr @_Znwm(i64 4)
  %p1 = getelementptr inbounds i8, ptr %q, i64 8
  store ptr %x, ptr %p1
  %p2 = getelementptr inbounds i8, ptr %q, i64 16
  store ptr %y, ptr %p2
  %r = call i32 @use(ptr %p1)
  ret i32 %r
}

define void @deep_caller() {
  %q = alloca [2 x ptr]
  %x = call ptr @_Znwm(i64 8)
  %y = call ptr @_Znwm(i64 4)
  %z = call ptr @_Znwm(i64 4)
  store ptr %z, ptr %x
  store ptr %x, ptr %q
  %pb = getelementptr inbounds i8, ptr %q, i64 8
  store ptr %y, ptr %pb
  call void @deep(ptr %q)
  ret void
}

define i32 @published_field() {
  %q = alloca [2 x ptr]
  %x = call ptr @_Znwm(i64 4)
  %pb = getelementptr inbounds i8, ptr %q, i64 8
  store ptr %x, ptr %pb
  %r = call i32 @use(ptr %q)
  ret i32 %r
}

define i32 @same_value_both_fields() {
  %q = alloca [2 x ptr]
  %x = call ptr @_Znwm(i64 4)
  store ptr %x, ptr %q
  %pb = getelementptr inbounds i8, ptr %q, i64 8
  store ptr %x, ptr %pb
  %r = call i32 @use(ptr %q)
  ret i32 %r
}

define void @moved_by_callee() {
  %q = alloca [2 x ptr]
  %x = call ptr @_Znwm(i64 4)
  store ptr %x, ptr %q
  call void @shuffle(ptr %q)
  ret void
}

define i32 @moved_before() {
  %q = alloca [2 x ptr]
  %x = call ptr @_Znwm(i64 4)
  store ptr %x, ptr %q
  call void @shuffle_quietly(ptr %q)
  %r = call i32 @use(ptr %q)
  ret i32 %r
}

; Moves a into b and nothing else: its summary says nothing leaks.
define void @shuffle_quietly(ptr %q) noinline {
  %a = load ptr, ptr %q
  %pb = getelementptr inbounds i8, ptr %q, i64 8
  store ptr %a, ptr %pb
  ret void
}

define i32 @memmoved() {
  %q = alloca [2 x ptr]
  %x = call ptr @_Znwm(i64 4)
  store ptr %x, ptr %q
  %pb = getelementptr inbounds i8, ptr %q, i64 8
  call void @llvm.memmove.p0.p0.i64(ptr %pb, ptr %q, i64 8, i1 false)
  %r = call i32 @use(ptr %q)
  ret i32 %r
}

define i32 @stored_through_select(i1 %c) {
  %q = alloca [2 x ptr]
  %x = call ptr @_Znwm(i64 4)
  %pb = getelementptr inbounds i8, ptr %q, i64 8
  %p = select i1 %c, ptr %q, ptr %pb
  store ptr %x, ptr %p
  %r = call i32 @use(ptr %q)
  ret i32 %r
}

define i32 @caller_moves() {
  %q = alloca [2 x ptr]
  %x = call ptr @_Znwm(i64 4)
  store ptr %x, ptr %q
  %a = load ptr, ptr %q
  %pb = getelementptr inbounds i8, ptr %q, i64 8
  store ptr %a, ptr %pb
  %r = call i32 @use(ptr %q)
  ret i32 %r
}

define void @indexed_caller() {
  %q = alloca [2 x ptr]
  %x = call ptr @_Znwm(i64 4)
  store ptr %x, ptr %q
  call void @indexed(ptr %q, i64 1)
  ret void
}

define void @getter_caller() {
  %q = alloca [2 x ptr]
  %x = call ptr @_Znwm(i64 4)
  store ptr %x, ptr %q
  call void @through_getter(ptr %q)
  ret void
}

define void @many_caller() {
  %q = alloca [18 x ptr]
  %x = call ptr @_Znwm(i64 4)
  store ptr %x, ptr %q
  call void @many(ptr %q)
  ret void
}
