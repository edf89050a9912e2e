; Where a parameter's leak certainly ends (print<escape>: "into a global",
; "into what n points to"), for the callers' dangling-address warnings: only
; when every route by which it reaches {heap} at its least derefs ends
; there. A route to memory the analysis cannot name (an unknown callee, a
; store through an unknown pointer), on any branch, leaves it uncertain:
; the caller may choose that branch. So do a store that is undone before the
; return, routes into two parameters' memory, and field-sensitive content
; whose fields leak at different derefs (a caller's field may take only the
; deeper route). Routes to a global and into one parameter's memory give
; that parameter. Two parameters are judged apart (keep_and_sink).
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s

; CHECK-LABEL: escape: function 'keep'
; CHECK-NEXT:    param p: leaking param: p; into a global{{$}}
; CHECK-LABEL: escape: function 'put_deep'
; CHECK:         param p: leaking param: p; into what n points to{{$}}
; CHECK-LABEL: escape: function 'keep_or_hide'
; CHECK-NEXT:    param p: leaking param: p; content may be overwritten{{$}}
; CHECK-LABEL: escape: function 'keep_or_sink'
; CHECK-NEXT:    param p: leaking param: p{{$}}
; CHECK-LABEL: escape: function 'keep_and_sink'
; CHECK-NEXT:    param p: leaking param: p; into a global{{$}}
; CHECK-NEXT:    param q: leaking param: q{{$}}
; CHECK-LABEL: escape: function 'restored'
; CHECK:         param p: leaking param: p{{$}}
; CHECK-LABEL: escape: function 'two_params'
; CHECK:         param p: leaking param: p{{$}}
; CHECK-LABEL: escape: function 'param_or_global'
; CHECK:         param p: leaking param: p; into what n points to{{$}}
; CHECK-LABEL: escape: function 'fields_one_level'
; CHECK-NEXT:    param q: leaking param content: q; into a global; leaks only fields [0, 8) [8, 16){{$}}
; CHECK-LABEL: escape: function 'fields_two_levels'
; CHECK-NEXT:    param q: leaking param content: q; leaks only fields [0, 8) [8, 16) at derefs 1{{$}}
; What x's address reaches is field [8, 16)'s content, which only the
; unknown callee takes: no dangling address.
; CHECK-LABEL: escape: function 'two_levels_caller'
; CHECK-NOT:     local
; CHECK-LABEL: escape: function 'end'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null
@g2 = global ptr null
declare void @sink(ptr)
declare ptr @where()
declare i32 @body(ptr)

define void @keep(ptr %p) noinline {
  store ptr %p, ptr @g
  ret void
}

define void @put_deep(ptr %n, ptr %p) noinline {
  %r = load ptr, ptr %n
  store ptr %p, ptr %r
  ret void
}

define void @keep_or_hide(ptr %p, i1 %c) noinline {
  br i1 %c, label %keep, label %hide
keep:
  call void @keep(ptr %p)
  ret void
hide:
  %w = call ptr @where()
  store ptr %p, ptr %w
  ret void
}

define void @keep_or_sink(ptr %p, i1 %c) noinline {
  br i1 %c, label %keep, label %hide
keep:
  call void @keep(ptr %p)
  ret void
hide:
  call void @sink(ptr %p)
  ret void
}

define void @keep_and_sink(ptr %p, ptr %q) noinline {
  call void @keep(ptr %p)
  call void @sink(ptr %q)
  ret void
}

define i32 @restored(ptr %n, ptr %p) noinline {
  %r = load ptr, ptr %n
  %old = load ptr, ptr %r
  store ptr %p, ptr %r
  %v = call i32 @body(ptr %n)
  store ptr %old, ptr %r
  ret i32 %v
}

define void @two_params(ptr %a, ptr %b, ptr %p) noinline {
  call void @put_deep(ptr %a, ptr %p)
  call void @put_deep(ptr %b, ptr %p)
  ret void
}

define void @param_or_global(ptr %n, ptr %p, i1 %c) noinline {
  br i1 %c, label %global, label %param
global:
  call void @keep(ptr %p)
  ret void
param:
  call void @put_deep(ptr %n, ptr %p)
  ret void
}

define void @fields_one_level(ptr %q) noinline {
  %b = getelementptr inbounds i8, ptr %q, i64 8
  %va = load ptr, ptr %q
  %vb = load ptr, ptr %b
  store ptr %va, ptr @g
  store ptr %vb, ptr @g2
  ret void
}

define void @fields_two_levels(ptr %q) noinline {
  %b = getelementptr inbounds i8, ptr %q, i64 8
  %va = load ptr, ptr %q
  %vb = load ptr, ptr %b
  %vbb = load ptr, ptr %vb
  call void @keep(ptr %va)
  call void @sink(ptr %vbb)
  ret void
}

define void @two_levels_caller() {
  %x = alloca i32
  %px = alloca ptr
  %q = alloca [2 x ptr]
  store ptr %x, ptr %px
  store ptr null, ptr %q
  %b = getelementptr inbounds i8, ptr %q, i64 8
  store ptr %px, ptr %b
  call void @fields_two_levels(ptr %q)
  ret void
}

define void @end() {
  ret void
}
