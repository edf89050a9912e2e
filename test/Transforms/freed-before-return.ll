; An object whose address escapes is still demoted when the function frees it
; on every path before returning, with no call in between that may unwind or
; longjmp out of the frame: it is dead before its frame is.
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null
@_ZTIi = external constant ptr

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare ptr @_Znwm(i64)
declare void @_ZdlPvm(ptr, i64) nounwind
declare void @may_throw()
declare void @opaque() nounwind
declare void @exit(i32) noreturn nounwind
declare i32 @puts(ptr) nounwind
declare ptr @__cxa_allocate_exception(i64) nounwind
declare void @__cxa_throw(ptr, ptr, ptr) noreturn
declare i32 @__gxx_personality_v0(...)

; Calls only a C library function: returns, cannot longjmp.
define void @work() nounwind {
  %r = call i32 @puts(ptr @g)
  ret void
}

; May throw, never jumps out otherwise.
define void @thrower(i1 %c) {
  br i1 %c, label %t, label %r
t:
  %e = call ptr @__cxa_allocate_exception(i64 4)
  store i32 1, ptr %e
  call void @__cxa_throw(ptr %e, ptr @_ZTIi, ptr null)
  unreachable
r:
  ret void
}

; REMARK: remark: <unknown>:0:0: malloc(32) freed on every path before return; moved to stack (address stored to global 'g')
; CHECK-LABEL: define void @both_paths(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p.stack = alloca [32 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0(i64 32, ptr %p.stack)
; CHECK-NEXT:    store ptr %p.stack, ptr @g, align 8
; CHECK-NEXT:    br i1 %c, label %a, label %b
; CHECK:       a:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 32, ptr %p.stack)
; CHECK-NEXT:    ret void
; CHECK:       b:
; CHECK-NEXT:    call void @work()
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 32, ptr %p.stack)
; CHECK-NEXT:    ret void
define void @both_paths(i1 %c) {
entry:
  %p = call noalias ptr @malloc(i64 32)
  store ptr %p, ptr @g
  br i1 %c, label %a, label %b
a:
  call void @free(ptr %p)
  ret void
b:
  call void @work()
  call void @free(ptr %p)
  ret void
}

; One path returns with the object alive: it stays on the heap.
; REMARK: remark: <unknown>:0:0: malloc(32) escapes to heap: stored to global 'g'
; CHECK-LABEL: define void @one_path(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call noalias ptr @malloc(i64 32)
; CHECK:         call void @free(ptr %p)
define void @one_path(i1 %c) {
entry:
  %p = call noalias ptr @malloc(i64 32)
  store ptr %p, ptr @g
  br i1 %c, label %a, label %b
a:
  call void @free(ptr %p)
  ret void
b:
  ret void
}

; A call that may unwind (no landing pad here) leaves with the object alive.
; REMARK: remark: <unknown>:0:0: malloc(32) escapes to heap: stored to global 'g'
; CHECK-LABEL: define void @unwinds(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call noalias ptr @malloc(i64 32)
; CHECK:         call void @free(ptr %p)
define void @unwinds() {
entry:
  %p = call noalias ptr @malloc(i64 32)
  store ptr %p, ptr @g
  call void @may_throw()
  call void @free(ptr %p)
  ret void
}

; An unknown nounwind function may still longjmp past the frame.
; REMARK: remark: <unknown>:0:0: malloc(32) escapes to heap: stored to global 'g'
; CHECK-LABEL: define void @jumps_out(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call noalias ptr @malloc(i64 32)
; CHECK:         call void @free(ptr %p)
define void @jumps_out() {
entry:
  %p = call noalias ptr @malloc(i64 32)
  store ptr %p, ptr @g
  call void @opaque()
  call void @free(ptr %p)
  ret void
}

; exit() ends the process without popping the frame: that path needs no free.
; REMARK: remark: <unknown>:0:0: malloc(32) freed on every path before return; moved to stack (address stored to global 'g')
; CHECK-LABEL: define void @exits(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p.stack = alloca [32 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0(i64 32, ptr %p.stack)
; CHECK-NEXT:    store ptr %p.stack, ptr @g, align 8
; CHECK-NEXT:    br i1 %c, label %bye, label %ok
; CHECK:       bye:
; CHECK-NEXT:    call void @exit(i32 1)
; CHECK-NEXT:    unreachable
; CHECK:       ok:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 32, ptr %p.stack)
; CHECK-NEXT:    ret void
define void @exits(i1 %c) {
entry:
  %p = call noalias ptr @malloc(i64 32)
  store ptr %p, ptr @g
  br i1 %c, label %bye, label %ok
bye:
  call void @exit(i32 1)
  unreachable
ok:
  call void @free(ptr %p)
  ret void
}

; An invoke whose landing pad frees the object too: both frees go.
; REMARK: remark: <unknown>:0:0: new (16 bytes) freed on every path before return; moved to stack (address stored to global 'g')
; CHECK-LABEL: define void @invoke_cleanup(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr %p.stack)
; CHECK-NEXT:    store ptr %p.stack, ptr @g, align 8
; CHECK-NEXT:    invoke void @thrower(i1 %c)
; CHECK-NEXT:            to label %ok unwind label %lp
; CHECK:       ok:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr %p.stack)
; CHECK-NEXT:    ret void
; CHECK:       lp:
; CHECK-NEXT:    %lpad = landingpad { ptr, i32 }
; CHECK-NEXT:            cleanup
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr %p.stack)
; CHECK-NEXT:    resume { ptr, i32 } %lpad
define void @invoke_cleanup(i1 %c) personality ptr @__gxx_personality_v0 {
entry:
  %p = call noalias nonnull ptr @_Znwm(i64 16) #0
  store ptr %p, ptr @g
  invoke void @thrower(i1 %c) to label %ok unwind label %lp
ok:
  call void @_ZdlPvm(ptr %p, i64 16) #0
  ret void
lp:
  %lpad = landingpad { ptr, i32 } cleanup
  call void @_ZdlPvm(ptr %p, i64 16) #0
  resume { ptr, i32 } %lpad
}

; The landing pad resumes without freeing: stays.
; REMARK: remark: <unknown>:0:0: new (16 bytes) escapes to heap: stored to global 'g'
; CHECK-LABEL: define void @invoke_leaks_on_unwind(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call noalias nonnull ptr @_Znwm(i64 16)
define void @invoke_leaks_on_unwind(i1 %c) personality ptr @__gxx_personality_v0 {
entry:
  %p = call noalias nonnull ptr @_Znwm(i64 16) #0
  store ptr %p, ptr @g
  invoke void @thrower(i1 %c) to label %ok unwind label %lp
ok:
  call void @_ZdlPvm(ptr %p, i64 16) #0
  ret void
lp:
  %lpad = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %lpad
}

; Freed in the iteration that made it: one slot serves every iteration,
; although the address is stored (the loop-slot rule alone would refuse).
; REMARK: remark: <unknown>:0:0: malloc(32) freed on every path before return; moved to stack (address stored to global 'g')
; CHECK-LABEL: define void @loop(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p.stack = alloca [32 x i8], align 16
; CHECK-NEXT:    br label %head
; CHECK:       head:
; CHECK-NEXT:    %i = phi i32 [ 0, %entry ], [ %i1, %head ]
; CHECK-NEXT:    call void @llvm.lifetime.start.p0(i64 32, ptr %p.stack)
; CHECK-NEXT:    store ptr %p.stack, ptr @g, align 8
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 32, ptr %p.stack)
; CHECK-NEXT:    %i1 = add i32 %i, 1
define void @loop(i32 %n) {
entry:
  br label %head
head:
  %i = phi i32 [ 0, %entry ], [ %i1, %head ]
  %p = call noalias ptr @malloc(i64 32)
  store ptr %p, ptr @g
  call void @free(ptr %p)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %head, label %exit
exit:
  ret void
}

; Allocated again before the free: the free frees only the last object.
; REMARK: remark: <unknown>:0:0: malloc(32) escapes to heap: stored to global 'g'
; CHECK-LABEL: define void @loop_free_after(
; CHECK:         %p = call noalias ptr @malloc(i64 32)
; CHECK:         call void @free(ptr %p)
define void @loop_free_after(i32 %n) {
entry:
  br label %head
head:
  %i = phi i32 [ 0, %entry ], [ %i1, %head ]
  %p = call noalias ptr @malloc(i64 32)
  store ptr %p, ptr @g
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %head, label %exit
exit:
  call void @free(ptr %p)
  ret void
}

; A free of a pointer loaded back from memory is not known to free this
; object.
; REMARK: remark: <unknown>:0:0: malloc(32) escapes to heap: stored to global 'g'
; CHECK-LABEL: define void @free_through_load(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call noalias ptr @malloc(i64 32)
; CHECK:         call void @free(ptr %q)
define void @free_through_load() {
entry:
  %p = call noalias ptr @malloc(i64 32)
  store ptr %p, ptr @g
  %q = load ptr, ptr @g
  call void @free(ptr %q)
  ret void
}

; Freed with the wrong deallocator: stays.
; REMARK: remark: <unknown>:0:0: new (16 bytes) escapes to heap: stored to global 'g'
; CHECK-LABEL: define void @mismatched(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call noalias nonnull ptr @_Znwm(i64 16)
; CHECK:         call void @free(ptr %p)
define void @mismatched() {
entry:
  %p = call noalias nonnull ptr @_Znwm(i64 16) #0
  store ptr %p, ptr @g
  call void @free(ptr %p)
  ret void
}

; A defined function that may longjmp: the frame could be abandoned with the
; object alive.
; REMARK: remark: <unknown>:0:0: malloc(32) escapes to heap: stored to global 'g'
; CHECK-LABEL: define void @calls_longjmp(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call noalias ptr @malloc(i64 32)
; CHECK:         call void @free(ptr %p)
@env = global [200 x i8] zeroinitializer
declare void @longjmp(ptr, i32) noreturn nounwind
define void @bail(i1 %c) nounwind {
  br i1 %c, label %j, label %r
j:
  call void @longjmp(ptr @env, i32 1)
  unreachable
r:
  ret void
}
define void @calls_longjmp(i1 %c) {
entry:
  %p = call noalias ptr @malloc(i64 32)
  store ptr %p, ptr @g
  call void @bail(i1 %c)
  call void @free(ptr %p)
  ret void
}

; C style: `if (!p) return -1;` right after malloc. No object exists on the
; null edge, so it needs no free.
; REMARK: remark: <unknown>:0:0: malloc(32) freed on every path before return; moved to stack (address stored to global 'g')
; CHECK-LABEL: define i32 @null_checked(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p.stack = alloca [32 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0(i64 32, ptr %p.stack)
; CHECK-NEXT:    %isnull = icmp eq ptr %p.stack, null
; CHECK-NEXT:    br i1 %isnull, label %fail, label %ok
; CHECK:       ok:
; CHECK-NEXT:    store ptr %p.stack, ptr @g, align 8
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 32, ptr %p.stack)
; CHECK-NEXT:    ret i32 0
define i32 @null_checked() {
entry:
  %p = call noalias ptr @malloc(i64 32)
  %isnull = icmp eq ptr %p, null
  br i1 %isnull, label %fail, label %ok
fail:
  ret i32 -1
ok:
  store ptr %p, ptr @g
  call void @free(ptr %p)
  ret i32 0
}

; The same test the other way round (`ne`), and the wrong edge returning.
; REMARK: remark: <unknown>:0:0: malloc(32) escapes to heap: stored to global 'g'
; CHECK-LABEL: define i32 @null_checked_wrong_edge(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call noalias ptr @malloc(i64 32)
define i32 @null_checked_wrong_edge() {
entry:
  %p = call noalias ptr @malloc(i64 32)
  store ptr %p, ptr @g
  %nonnull = icmp ne ptr %p, null
  br i1 %nonnull, label %leave, label %free
leave:
  ret i32 -1
free:
  call void @free(ptr %p)
  ret i32 0
}

; qsort calls back into the module: the callback decides. A comparator that
; only compares lets the object move; one that may longjmp keeps it.
; REMARK: remark: <unknown>:0:0: malloc(64) freed on every path before return; moved to stack (address stored to global 'g')
; REMARK: remark: <unknown>:0:0: malloc(64) escapes to heap: stored to global 'g'
; CHECK-LABEL: define void @sorts_plain(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p.stack = alloca [64 x i8], align 16
; CHECK-LABEL: define void @sorts_jumping(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call noalias ptr @malloc(i64 64)
declare void @qsort(ptr nocapture, i64, i64, ptr nocapture) nounwind
define internal i32 @cmp(ptr %a, ptr %b) nounwind {
  %x = load i64, ptr %a
  %y = load i64, ptr %b
  %lt = icmp slt i64 %x, %y
  %r = select i1 %lt, i32 -1, i32 1
  ret i32 %r
}
define internal i32 @cmp_jumping(ptr %a, ptr %b) nounwind {
  call void @longjmp(ptr @env, i32 1)
  unreachable
}
define void @sorts_plain() {
entry:
  %p = call noalias ptr @malloc(i64 64)
  store ptr %p, ptr @g
  call void @qsort(ptr %p, i64 8, i64 8, ptr @cmp)
  call void @free(ptr %p)
  ret void
}
define void @sorts_jumping() {
entry:
  %p = call noalias ptr @malloc(i64 64)
  store ptr %p, ptr @g
  call void @qsort(ptr %p, i64 8, i64 8, ptr @cmp_jumping)
  call void @free(ptr %p)
  ret void
}

attributes #0 = { builtin }
