; Virtual calls on an object of known type: the function allocated it and
; stored its vtable pointer, and nothing else can overwrite that pointer (the
; address goes only to loads, stores of other bytes, atomics on the counts,
; a deallocation and callees that do the same). The calls become direct
; before the analysis, so the callees' summaries apply, and a small callee
; that makes virtual calls on it is inlined first (std::make_shared's
; `_M_release_last_use_cold`). An atomic acquire load between the store and
; the call keeps GVN from doing it. Every way the vtable pointer could change
; or the address could get out keeps the call indirect and the object on the
; heap.
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -pass-remarks-analysis=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %opt -passes=verify -disable-output
; Reporting only (no-demote) changes nothing.
; RUN: %opt %loadescape -passes='escape<no-demote>' -S %s 2>/dev/null | %FileCheck %s --check-prefix=OFF

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; vtable: offset-to-top, RTTI, two destructors, then dispose, destroy; the
; address point is after the RTTI.
@vt = linkonce_odr constant { [6 x ptr] } { [6 x ptr] [ptr null, ptr null, ptr null, ptr null, ptr @dispose, ptr @destroy] }
@other_vt = linkonce_odr constant { [6 x ptr] } { [6 x ptr] [ptr null, ptr null, ptr null, ptr null, ptr @dispose, ptr @leak] }
@g = global ptr null

declare ptr @_Znwm(i64)
declare void @_ZdlPvm(ptr, i64)

define linkonce_odr void @dispose(ptr %this) {
  ret void
}
define linkonce_odr void @destroy(ptr %this) {
  call void @_ZdlPvm(ptr %this, i64 24)
  ret void
}
define linkonce_odr void @leak(ptr %this) {
  store ptr %this, ptr @g
  ret void
}
; Makes the two virtual calls on its parameter, as the last-use path does.
define linkonce_odr void @release_cold(ptr %this) noinline {
  %vptr = load ptr, ptr %this
  %slot = getelementptr inbounds i8, ptr %vptr, i64 16
  %fn = load ptr, ptr %slot
  call void %fn(ptr %this)
  %vptr2 = load ptr, ptr %this
  %slot2 = getelementptr inbounds i8, ptr %vptr2, i64 24
  %fn2 = load ptr, ptr %slot2
  call void %fn2(ptr %this)
  ret void
}
; Overwrites the vtable pointer (placement new of another type).
define linkonce_odr void @retype(ptr %this) noinline {
  store ptr getelementptr inbounds (i8, ptr @other_vt, i64 16), ptr %this
  ret void
}

; CHECK-LABEL: define i64 @known(
; CHECK:         alloca [24 x i8], align 16
; CHECK-NOT:     @_Znwm
; CHECK:         call void @dispose(
; CHECK:         call void @destroy.escape.nofree(
; CHECK-NOT:     @release_cold
; CHECK:         ret i64
; OFF-LABEL: define i64 @known(
; OFF:         call void %fn(
; OFF:         call void @release_cold(
; REMARK: remark: <unknown>:0:0: new (24 bytes) does not escape; moved to stack
define i64 @known(i64 %v) {
  %o = call ptr @_Znwm(i64 24) #0
  store ptr getelementptr inbounds (i8, ptr @vt, i64 16), ptr %o
  %count = getelementptr inbounds i8, ptr %o, i64 8
  store i64 1, ptr %count
  %c = load atomic i64, ptr %count acquire, align 8
  %unique = icmp eq i64 %c, 1
  br i1 %unique, label %fast, label %slow
fast:
  %vptr = load ptr, ptr %o
  %slot = getelementptr inbounds i8, ptr %vptr, i64 16
  %fn = load ptr, ptr %slot
  call void %fn(ptr %o)
  %vptr2 = load ptr, ptr %o
  %slot2 = getelementptr inbounds i8, ptr %vptr2, i64 24
  %fn2 = load ptr, ptr %slot2
  call void %fn2(ptr %o)
  br label %done
slow:
  %old = atomicrmw add ptr %count, i64 -1 acq_rel
  call void @release_cold(ptr %o)
  br label %done
done:
  ret i64 %c
}

; The vtable pointer may be overwritten by a callee: nothing is resolved.
; CHECK-LABEL: define i64 @retyped(
; CHECK:         call ptr @_Znwm(
; CHECK:         call void %fn(
; REMARK: remark: <unknown>:0:0: new (24 bytes) escapes to heap: passed to an indirect call
define i64 @retyped(i64 %v) {
  %o = call ptr @_Znwm(i64 24) #0
  store ptr getelementptr inbounds (i8, ptr @vt, i64 16), ptr %o
  call void @retype(ptr %o)
  %vptr = load ptr, ptr %o
  %slot = getelementptr inbounds i8, ptr %vptr, i64 16
  %fn = load ptr, ptr %slot
  call void %fn(ptr %o)
  ret i64 %v
}

; Two vtables stored into the slot.
; CHECK-LABEL: define i64 @two_types(
; CHECK:         call void %fn(
define i64 @two_types(i1 %b) {
  %o = call ptr @_Znwm(i64 24) #0
  store ptr getelementptr inbounds (i8, ptr @vt, i64 16), ptr %o
  br i1 %b, label %then, label %join
then:
  store ptr getelementptr inbounds (i8, ptr @other_vt, i64 16), ptr %o
  br label %join
join:
  %vptr = load ptr, ptr %o
  %slot = getelementptr inbounds i8, ptr %vptr, i64 16
  %fn = load ptr, ptr %slot
  call void %fn(ptr %o)
  ret i64 0
}

; The address is stored: anyone may write the slot through the copy.
; CHECK-LABEL: define i64 @address_stored(
; CHECK:         call void %fn(
define i64 @address_stored(ptr %out) {
  %o = call ptr @_Znwm(i64 24) #0
  store ptr getelementptr inbounds (i8, ptr @vt, i64 16), ptr %o
  store ptr %o, ptr %out
  %vptr = load ptr, ptr %o
  %slot = getelementptr inbounds i8, ptr %vptr, i64 16
  %fn = load ptr, ptr %slot
  call void %fn(ptr %o)
  ret i64 0
}

; The target stores its object's address: not proven, the call stays
; indirect and the object on the heap.
; CHECK-LABEL: define i64 @target_leaks(
; CHECK:         call ptr @_Znwm(
; CHECK:         call void %fn(
; REMARK: remark: <unknown>:0:0: new (24 bytes) escapes to heap: passed to an indirect call
define i64 @target_leaks() {
  %o = call ptr @_Znwm(i64 24) #0
  store ptr getelementptr inbounds (i8, ptr @other_vt, i64 16), ptr %o
  %vptr = load ptr, ptr %o
  %slot = getelementptr inbounds i8, ptr %vptr, i64 24
  %fn = load ptr, ptr %slot
  call void %fn(ptr %o)
  ret i64 0
}

attributes #0 = { builtin }

; A function of the user's own marked noinline (external, not ODR) keeps its
; call, and with it the virtual calls inside: heap.
; CHECK-LABEL: define i64 @user_noinline(
; CHECK:         call ptr @_Znwm(
; CHECK:         call void @user_release(
; REMARK: remark: <unknown>:0:0: new (24 bytes) escapes to heap: passed to 'user_release' which leaks it
define i64 @user_noinline() {
  %o = call ptr @_Znwm(i64 24) #0
  store ptr getelementptr inbounds (i8, ptr @vt, i64 16), ptr %o
  call void @user_release(ptr %o)
  ret i64 0
}
define void @user_release(ptr %this) noinline {
  %vptr = load ptr, ptr %this
  %slot = getelementptr inbounds i8, ptr %vptr, i64 16
  %fn = load ptr, ptr %slot
  call void %fn(ptr %this)
  ret void
}

; Two vtable slots in one object (a make_shared control block at 0, the
; polymorphic object it holds at 16): a callee's virtual call through the
; second slot is resolved too, so the first slot's proof holds and both
; virtual calls become direct.
@obj_vt = linkonce_odr constant { [3 x ptr] } { [3 x ptr] [ptr null, ptr null, ptr @obj_f] }
define linkonce_odr i64 @obj_f(ptr %this) {
  ret i64 7
}
define linkonce_odr i64 @call_f(ptr %obj) {
  %vptr = load ptr, ptr %obj
  %fn = load ptr, ptr %vptr
  %r = call i64 %fn(ptr %obj)
  ret i64 %r
}
; CHECK-LABEL: define i64 @two_slots(
; CHECK-NOT:     @_Znwm
; CHECK:         call i64 @obj_f(
; CHECK:         call void @dispose(
; CHECK:         call void @destroy.escape.nofree(
define i64 @two_slots() {
  %o = call ptr @_Znwm(i64 24) #0
  store ptr getelementptr inbounds (i8, ptr @vt, i64 16), ptr %o
  %inner = getelementptr inbounds i8, ptr %o, i64 16
  store ptr getelementptr inbounds (i8, ptr @obj_vt, i64 16), ptr %inner
  %r = call i64 @call_f(ptr %inner)
  %vptr = load ptr, ptr %o
  %slot = getelementptr inbounds i8, ptr %vptr, i64 16
  %fn = load ptr, ptr %slot
  call void %fn(ptr %o)
  %vptr2 = load ptr, ptr %o
  %slot2 = getelementptr inbounds i8, ptr %vptr2, i64 24
  %fn2 = load ptr, ptr %slot2
  call void %fn2(ptr %o)
  ret i64 %r
}

; A callee that reads through a select between the object and a global is
; still seen through (what it reads of the object's bytes is checked, the
; global is not the object).
@other_count = global i64 0
define linkonce_odr i64 @read_either(ptr %obj, i1 %c) {
  %p = getelementptr inbounds i8, ptr %obj, i64 8
  %q = select i1 %c, ptr %p, ptr @other_count
  %v = load i64, ptr %q
  ret i64 %v
}
; CHECK-LABEL: define i64 @through_select(
; CHECK-NOT:     @_Znwm
; CHECK:         call void @dispose(
define i64 @through_select(i1 %c) {
  %o = call ptr @_Znwm(i64 24) #0
  store ptr getelementptr inbounds (i8, ptr @vt, i64 16), ptr %o
  %r = call i64 @read_either(ptr %o, i1 %c)
  %vptr = load ptr, ptr %o
  %slot = getelementptr inbounds i8, ptr %vptr, i64 16
  %fn = load ptr, ptr %slot
  call void %fn(ptr %o)
  ret i64 %r
}

; A pointer advanced through the object in a loop may reach the vtable
; slot at any offset: not proven.
define linkonce_odr void @clear_words(ptr %obj, i64 %n) {
entry:
  br label %loop
loop:
  %p = phi ptr [ %obj, %entry ], [ %next, %loop ]
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  store i64 0, ptr %p
  %next = getelementptr inbounds i8, ptr %p, i64 8
  %i1 = add i64 %i, 1
  %done = icmp eq i64 %i1, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}
; CHECK-LABEL: define i64 @advanced_pointer(
; CHECK:         call ptr @_Znwm(
; CHECK:         call void %fn(
define i64 @advanced_pointer(i64 %n) {
  %o = call ptr @_Znwm(i64 24) #0
  store ptr getelementptr inbounds (i8, ptr @vt, i64 16), ptr %o
  %count = getelementptr inbounds i8, ptr %o, i64 8
  call void @clear_words(ptr %count, i64 %n)
  %vptr = load ptr, ptr %o
  %slot = getelementptr inbounds i8, ptr %vptr, i64 16
  %fn = load ptr, ptr %slot
  call void %fn(ptr %o)
  ret i64 0
}
