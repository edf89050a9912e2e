; A local's address stored through a parameter and overwritten at the same
; address on every path to a return is not a dangling address
; (publish-and-restore). The address is the same when it is the same base
; plus constant offset, a base loaded from a parameter's spill slot standing
; for the parameter. Anything less certain still reports the local.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s

; CHECK-LABEL: escape: function 'restored'
; CHECK-NOT:     local
; CHECK-LABEL: escape: function 'restored_spilled'
; CHECK-NOT:     local
; CHECK-LABEL: escape: function 'other_field'
; CHECK:         local %lj: address escapes: stored through parameter 'L'
; CHECK-LABEL: escape: function 'narrower'
; CHECK:         local %lj: address escapes: stored through parameter 'L'
; CHECK-LABEL: escape: function 'slot_stored_twice'
; CHECK:         local %lj: address escapes: stored through parameter 'L'
; CHECK-LABEL: escape: function 'unwinds'
; CHECK-NOT:     local
; CHECK-LABEL: escape: function 'end'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @body(ptr nocapture)
declare void @may_throw()
declare i32 @__gxx_personality_v0(...)

define void @restored(ptr %L) {
entry:
  %lj = alloca [16 x i8]
  %slot = getelementptr inbounds i8, ptr %L, i64 8
  %old = load ptr, ptr %slot
  store ptr %lj, ptr %slot
  call void @body(ptr %L)
  %again = getelementptr i8, ptr %L, i64 8
  store ptr %old, ptr %again
  ret void
}

define void @restored_spilled(ptr %L) {
entry:
  %L.addr = alloca ptr
  %lj = alloca [16 x i8]
  store ptr %L, ptr %L.addr
  %a = load ptr, ptr %L.addr
  %slot = getelementptr inbounds i8, ptr %a, i64 8
  %old = load ptr, ptr %slot
  store ptr %lj, ptr %slot
  %b = load ptr, ptr %L.addr
  call void @body(ptr %b)
  br label %exit
exit:
  %c = load ptr, ptr %L.addr
  %slot2 = getelementptr inbounds i8, ptr %c, i64 8
  store ptr %old, ptr %slot2
  ret void
}

define void @other_field(ptr %L) {
entry:
  %lj = alloca [16 x i8]
  %slot = getelementptr inbounds i8, ptr %L, i64 8
  store ptr %lj, ptr %slot
  call void @body(ptr %L)
  %other = getelementptr inbounds i8, ptr %L, i64 16
  store ptr null, ptr %other
  ret void
}

define void @narrower(ptr %L) {
entry:
  %lj = alloca [16 x i8]
  store ptr %lj, ptr %L
  call void @body(ptr %L)
  store i32 0, ptr %L
  ret void
}

define void @slot_stored_twice(ptr %L, ptr %M) {
entry:
  %L.addr = alloca ptr
  %lj = alloca [16 x i8]
  store ptr %L, ptr %L.addr
  %a = load ptr, ptr %L.addr
  store ptr %lj, ptr %a
  store ptr %M, ptr %L.addr
  %b = load ptr, ptr %L.addr
  store ptr null, ptr %b
  ret void
}

; The unwinding path leaves without a return: only normal returns count.
define void @unwinds(ptr %L) personality ptr @__gxx_personality_v0 {
entry:
  %lj = alloca [16 x i8]
  store ptr %lj, ptr %L
  invoke void @may_throw() to label %ok unwind label %lp
ok:
  store ptr null, ptr %L
  ret void
lp:
  %e = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %e
}

define void @end() {
  ret void
}
