; The frame arena takes the non-escaping objects one fixed slot cannot hold:
; two objects freed by one delete, a buffer that grows in a loop (allocated by
; an invoke while the old one is alive), in a recursive function with a
; smaller arena. Each allocation tries the arena first and falls back to the
; original call; each delete that may see an arena object releases it when its
; pointer lies in the arena and runs as before otherwise. Objects that escape,
; are reallocated, may be freed in a callee, or live in an ASan function stay
; on the heap.
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK
; RUN: %opt %loadescape -passes='escape<max-arena-size=0>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=OFF

; The arena operations are inlined and gone.
; CHECK-NOT: define {{.*}}@escape.arena.

; CHECK-LABEL: define void @together(i1 %c)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %escape.arena = alloca [2048 x i8], align 16
; CHECK:       take.i:
; CHECK:         store i64 0, ptr %freed.i, align 8
; CHECK:       escape.arena.allocate.exit:
; CHECK:         %escape.in.arena = icmp ne ptr %a.arena{{[0-9]*}}, null
; CHECK-NEXT:    br i1 %escape.in.arena, label %entry.split, label %escape.arena.heap
; CHECK:       escape.arena.heap:
; CHECK-NEXT:    %a = call noalias noundef nonnull ptr @_Znwm(i64 16)
; CHECK:         %a.p = phi ptr [ %a.arena{{[0-9]*}}, %escape.arena.allocate.exit ], [ %a, %escape.arena.heap ]
; CHECK:         %b = call noalias noundef nonnull ptr @_Znwm(i64 16)
; CHECK:         %p = select i1 %c, ptr %a.p, ptr %b.p
; CHECK:         %offset.i = sub i64 %1, %0
; CHECK-NEXT:    %inside.i = icmp ult i64 %offset.i, 2048
; CHECK:         store i64 1, ptr %freed.i{{[0-9]*}}, align 8
; CHECK:       pop.check.i:
; CHECK:         %last.freed.i = load i64, ptr
; CHECK:         %escape.released{{[0-9]*}} = phi i1 [ false, %outside.i ], [ true, %done.i ]
; CHECK-NEXT:    %5 = xor i1 %escape.released{{[0-9]*}}, true
; CHECK-NEXT:    br i1 %5, label %6, label %7
; CHECK:       6:
; CHECK-NEXT:    call void @_ZdlPv(ptr %p)

; The invoke stays on the heap path; the old buffer's deletes (in the loop and
; in the landing pad) and the last one's are all conditional.
; CHECK-LABEL: define void @grow(i64 %n)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %escape.arena = alloca [2048 x i8], align 16
; CHECK:         %huge.i = icmp ugt i64 %bytes, 2048
; CHECK:       escape.arena.heap:
; CHECK-NEXT:    %new = invoke noalias noundef nonnull ptr @_Znwm(i64 %bytes)
; CHECK-NEXT:            to label %cont.split unwind label %lp
; CHECK:         %new.p = phi ptr [ %new.arena{{[0-9]*}}, %escape.arena.allocate.exit ], [ %new, %escape.arena.heap ]
; CHECK:         call void @_ZdlPv(ptr %old)
; CHECK:         call void @_ZdlPv(ptr %new.p)
; CHECK:         landingpad
; CHECK:         call void @_ZdlPv(ptr %old)

; CHECK-LABEL: define void @escapes(i64 %n)
; CHECK-NOT:     alloca
; CHECK:         %a = call ptr @malloc(i64 %n)
; CHECK-LABEL: define void @reallocated(i64 %n)
; CHECK-NOT:     alloca
; CHECK:         %a = call ptr @malloc(i64 %n)
; CHECK-LABEL: define void @freed_in_callee(i1 %c)
; CHECK-NOT:     alloca
; CHECK:         %a = call ptr @malloc(i64 16)
; CHECK-LABEL: define void @asan(i1 %c)
; CHECK-NOT:     alloca
; CHECK:         %a = call noalias noundef nonnull ptr @_Znwm(i64 16)
; CHECK-LABEL: define void @recursive(i1 %c, i32 %depth)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %escape.arena = alloca [256 x i8], align 16

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)
; REMARK-NEXT: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)
; REMARK-NEXT: remark: <unknown>:0:0: new (n bytes) does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(n) escapes to heap: passed to unknown function 'sink'
; REMARK-NEXT: remark: <unknown>:0:0: malloc(n) does not escape; kept on heap: reallocated
; REMARK-NEXT: remark: <unknown>:0:0: malloc(16) does not escape; kept on heap: may be freed inside 'frees'
; REMARK-NEXT: remark: <unknown>:0:0: malloc(16) does not escape; kept on heap: may be freed inside 'frees'
; REMARK-NEXT: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: freed together with other objects
; REMARK-NEXT: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: freed together with other objects
; REMARK-NEXT: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack (frame arena of 256 bytes; the heap when it is full)
; REMARK-NEXT: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack (frame arena of 256 bytes; the heap when it is full)

; OFF: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: freed together with other objects
; OFF-NEXT: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: freed together with other objects
; OFF-NEXT: remark: <unknown>:0:0: new (n bytes) does not escape; kept on heap: non-constant size

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare ptr @malloc(i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)
declare void @use(ptr nocapture nofree) memory(read)
declare void @sink(ptr)
declare i32 @__gxx_personality_v0(...)

; Two objects freed by one delete.
define void @together(i1 %c) {
entry:
  %a = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  %b = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  call void @use(ptr %a)
  call void @use(ptr %b)
  %p = select i1 %c, ptr %a, ptr %b
  call void @_ZdlPv(ptr %p)
  ret void
}

; A growing buffer: the new one is allocated while the old one is alive.
define void @grow(i64 %n) personality ptr @__gxx_personality_v0 {
entry:
  br label %loop
loop:
  %i = phi i64 [ 1, %entry ], [ %i.next, %cont ]
  %old = phi ptr [ null, %entry ], [ %new, %cont ]
  %bytes = shl i64 %i, 2
  %new = invoke noalias noundef nonnull ptr @_Znwm(i64 %bytes) #0
          to label %cont unwind label %lp
cont:
  call void @use(ptr %new)
  call void @_ZdlPv(ptr %old)
  %i.next = add i64 %i, 1
  %done = icmp eq i64 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  call void @_ZdlPv(ptr %new)
  ret void
lp:
  %l = landingpad { ptr, i32 } cleanup
  call void @_ZdlPv(ptr %old)
  resume { ptr, i32 } %l
}

; Stays on the heap: it escapes.
define void @escapes(i64 %n) {
entry:
  %a = call ptr @malloc(i64 %n)
  call void @sink(ptr %a)
  ret void
}

; Stays on the heap: realloc may move it.
define void @reallocated(i64 %n) {
entry:
  %a = call ptr @malloc(i64 %n)
  call void @use(ptr %a)
  %b = call ptr @realloc(ptr %a, i64 64)
  call void @use(ptr %b)
  call void @free(ptr %b)
  ret void
}

; Stays on the heap: a callee that is not inlined may free it.
define void @freed_in_callee(i1 %c) {
entry:
  %a = call ptr @malloc(i64 16)
  %b = call ptr @malloc(i64 16)
  %p = select i1 %c, ptr %a, ptr %b
  call void @frees(ptr %p)
  ret void
}

define void @frees(ptr %p) noinline {
  call void @free(ptr %p)
  ret void
}

; Stays on the heap: AddressSanitizer checks stack objects one by one, and
; the objects of an arena would share one alloca's redzones.
define void @asan(i1 %c) sanitize_address {
entry:
  %a = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  %b = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  %p = select i1 %c, ptr %a, ptr %b
  call void @_ZdlPv(ptr %p)
  ret void
}

; A recursive function's arena, taken once per level of recursion, is a
; quarter of its frame budget (max-recursive-frame-size, 1024 bytes by default).
define void @recursive(i1 %c, i32 %depth) {
entry:
  %a = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  %b = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  %p = select i1 %c, ptr %a, ptr %b
  call void @use(ptr %p)
  call void @_ZdlPv(ptr %p)
  %more = icmp sgt i32 %depth, 0
  br i1 %more, label %again, label %exit
again:
  %d = sub i32 %depth, 1
  call void @recursive(i1 %c, i32 %d)
  br label %exit
exit:
  ret void
}

attributes #0 = { builtin }
