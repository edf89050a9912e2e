; Ownership transfer: a callee that frees exactly the object it is passed
; (`delete p`, or `delete *p` as a unique_ptr sink does) lists those
; deallocations in its summary. A caller whose object otherwise does not
; escape moves it to the stack and calls a copy of the callee without them,
; shared by every call that needs the same copy. Every other way of freeing
; keeps the object on the heap.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK
; No copies allowed, or fewer instructions than the callee has: kept.
; RUN: %opt %loadescape -passes='escape<max-clone-instructions=0>' -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=NOCOPY
; RUN: %opt %loadescape -passes='escape<max-clone-instructions=1>' -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=BUDGET
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %opt -passes=verify -disable-output

; PRINT-LABEL: escape: function 'consume'
; PRINT-NEXT:    param p: p does not escape; freed here
; PRINT-LABEL: escape: function 'sink'
; PRINT-NEXT:    param box: box does not escape; content freed here
; PRINT-LABEL: escape: function 'free_c'
; PRINT-NEXT:    param p: p does not escape; freed here
; PRINT-LABEL: escape: function 'stash_and_free'
; PRINT-NEXT:    param p: leaking param: p; freed here
; PRINT-LABEL: escape: function 'grow'
; PRINT-NEXT:    param p: leaking param content: p; may be freed
; PRINT-LABEL: escape: function 'consume_eh'
; PRINT-NEXT:    param p: p does not escape; freed here

; CHECK-LABEL: define i32 @consume(
; CHECK:         call void @_ZdlPv(ptr %p)
; CHECK-LABEL: define i32 @one(
; CHECK-NEXT:    %o.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    store i32 %v, ptr %o.stack
; CHECK-NEXT:    %r = call i32 @consume.escape.nofree(ptr %o.stack)
; CHECK-NEXT:    ret i32 %r
; CHECK-LABEL: define i32 @two(
; CHECK:         call i32 @consume.escape.nofree(ptr %a.stack)
; CHECK:         call i32 @consume.escape.nofree(ptr %b.stack)
; CHECK-LABEL: define i32 @boxed(
; CHECK:         %o.stack = alloca [16 x i8], align 16
; CHECK:         call void @sink.escape.nofree(ptr %box)
; CHECK-LABEL: define i32 @wrong_family(
; CHECK-NEXT:    %o = call ptr @_Znwm(i64 16)
; CHECK-LABEL: define i32 @escapes(
; CHECK-NEXT:    %o = call ptr @_Znwm(i64 16)
; CHECK-LABEL: define i32 @reallocated(
; CHECK-NEXT:    %o = call ptr @malloc(i64 16)
; CHECK-LABEL: define i32 @either(
; CHECK:         %a = call ptr @_Znwm(i64 16)
; CHECK:         %b = call ptr @_Znwm(i64 16)
; CHECK-LABEL: define i32 @variable(
; CHECK:         %o = call ptr @_Znam(i64 %n)
; CHECK-LABEL: define i32 @self_pointing(
; CHECK-NEXT:    %o = call ptr @_Znwm(i64 16)
; CHECK-LABEL: define i32 @with_eh(
; CHECK-NEXT:    %o.stack = alloca [16 x i8], align 16
; CHECK:         call i32 @consume_eh.escape.nofree(ptr %o.stack)
; The copies: the deallocation is gone, the rest of the body stays, the
; original is untouched for its other callers.
; CHECK-LABEL: define internal i32 @consume.escape.nofree(ptr %p)
; CHECK-NEXT:    %v = load i32, ptr %p
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    ret i32 %v
; CHECK-LABEL: define internal void @sink.escape.nofree(ptr %box)
; CHECK-NEXT:    %p = load ptr, ptr %box
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    ret void
; CHECK-LABEL: define internal i32 @consume_eh.escape.nofree(ptr %p)
; CHECK-NOT:     _ZdlPv
; CHECK:         ret i32

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack
; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack
; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack
; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack
; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: mismatched free ('free_c')
; REMARK: remark: <unknown>:0:0: new (16 bytes) escapes to heap: passed to 'stash_and_free' which leaks it
; REMARK: remark: <unknown>:0:0: malloc(16) does not escape; kept on heap: may be freed inside 'grow'
; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: may be freed inside 'consume'
; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: may be freed inside 'consume'
; REMARK: remark: <unknown>:0:0: new[] (n bytes) does not escape; kept on heap: may be freed inside 'consume_arr'
; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: may be freed inside 'both_levels'
; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack

; NOCOPY: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: may be freed inside 'consume'
; BUDGET: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: freed inside 'consume', and the budget for copies of callees is used up

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null
declare ptr @_Znwm(i64)
declare ptr @_Znam(i64)
declare void @_ZdlPv(ptr)
declare void @_ZdaPv(ptr)
declare ptr @malloc(i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)
declare void @use(ptr nocapture readonly) nounwind nofree memory(read)
declare void @may_throw()
declare i32 @__gxx_personality_v0(...)

define i32 @consume(ptr %p) noinline {
  %v = load i32, ptr %p
  call void @use(ptr %p)
  call void @_ZdlPv(ptr %p)
  ret i32 %v
}

; Frees what its argument points to: a unique_ptr parameter's destructor.
define void @sink(ptr %box) noinline {
  %p = load ptr, ptr %box
  call void @use(ptr %p)
  call void @_ZdlPv(ptr %p)
  ret void
}

define void @free_c(ptr %p) noinline {
  call void @free(ptr %p)
  ret void
}

define void @stash_and_free(ptr %p) noinline {
  store ptr %p, ptr @g
  call void @_ZdlPv(ptr %p)
  ret void
}

define ptr @grow(ptr %p) noinline {
  %q = call ptr @realloc(ptr %p, i64 64)
  ret ptr %q
}

define i32 @consume_eh(ptr %p) noinline personality ptr @__gxx_personality_v0 {
  invoke void @may_throw() to label %ok unwind label %lp
ok:
  %v = load i32, ptr %p
  invoke void @_ZdlPv(ptr %p) to label %done unwind label %lp
done:
  ret i32 %v
lp:
  %e = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %e
}

define void @consume_arr(ptr %p) noinline {
  call void @_ZdaPv(ptr %p)
  ret void
}

define i32 @one(i32 %v) {
  %o = call ptr @_Znwm(i64 16) #0
  store i32 %v, ptr %o
  %r = call i32 @consume(ptr %o)
  ret i32 %r
}

; Two objects, one copy.
define i32 @two(i32 %v) {
  %a = call ptr @_Znwm(i64 16) #0
  store i32 %v, ptr %a
  %b = call ptr @_Znwm(i64 16) #0
  store i32 %v, ptr %b
  %ra = call i32 @consume(ptr %a)
  %rb = call i32 @consume(ptr %b)
  %r = add i32 %ra, %rb
  ret i32 %r
}

define i32 @boxed(i32 %v) {
  %box = alloca ptr
  %o = call ptr @_Znwm(i64 16) #0
  store i32 %v, ptr %o
  store ptr %o, ptr %box
  call void @sink(ptr %box)
  ret i32 %v
}

; Freed with free(), allocated with new.
define i32 @wrong_family(i32 %v) {
  %o = call ptr @_Znwm(i64 16) #0
  store i32 %v, ptr %o
  call void @free_c(ptr %o)
  ret i32 %v
}

define i32 @escapes(i32 %v) {
  %o = call ptr @_Znwm(i64 16) #0
  store i32 %v, ptr %o
  call void @stash_and_free(ptr %o)
  ret i32 %v
}

define i32 @reallocated(i32 %v) {
  %o = call ptr @malloc(i64 16)
  store i32 %v, ptr %o
  %q = call ptr @grow(ptr %o)
  call void @free(ptr %q)
  ret i32 %v
}

; The call may free either object: neither can be handed over alone.
define i32 @either(i32 %v, i1 %c) {
  %a = call ptr @_Znwm(i64 16) #0
  %b = call ptr @_Znwm(i64 16) #0
  %p = select i1 %c, ptr %a, ptr %b
  %r = call i32 @consume(ptr %p)
  call void @_ZdlPv(ptr %a) #0
  call void @_ZdlPv(ptr %b) #0
  ret i32 %r
}

; A variable size may still be on the heap: the copy would leak it.
define i32 @variable(i64 %n) {
  %o = call ptr @_Znam(i64 %n) #0
  store i32 1, ptr %o
  call void @consume_arr(ptr %o)
  ret i32 0
}

; Frees what its argument points to, then the argument's own object.
define void @both_levels(ptr %p) noinline {
  %c = load ptr, ptr %p
  call void @_ZdlPv(ptr %c)
  call void @_ZdlPv(ptr %p)
  ret void
}

; The object once pointed to itself (the analysis has no statement order):
; the call may free it at either level, and one call goes to one copy only.
define i32 @self_pointing(i32 %v) {
  %o = call ptr @_Znwm(i64 16) #0
  store ptr %o, ptr %o
  store ptr null, ptr %o
  call void @both_levels(ptr %o)
  ret i32 %v
}

define i32 @with_eh(i32 %v) {
  %o = call ptr @_Znwm(i64 16) #0
  store i32 %v, ptr %o
  %r = call i32 @consume_eh(ptr %o)
  ret i32 %r
}

attributes #0 = { builtin }
