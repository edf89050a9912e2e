; Escape-driven inlining: a call whose callee allocates into the caller's
; local object (@fill) or frees what it holds (@drop) is inlined, so that the
; allocation and its free meet in the caller and the object moves to the
; stack. Where the object escapes (@published) the call stays. With
; max-inline-instructions=0 nothing is inlined and the object stays on the
; heap, "allocated inside 'fill'".
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK
; RUN: %opt %loadescape -passes='escape<max-inline-instructions=0>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=OFF

; CHECK-LABEL: define i64 @local()
; CHECK-NEXT:    %p.i.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr %p.i.stack)
; CHECK-NEXT:    call void @use(ptr nonnull %p.i.stack)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr %p.i.stack)
; CHECK-NEXT:    ret i64 0
; CHECK-LABEL: define void @published()
; CHECK-NEXT:    %box = alloca ptr, align 8
; CHECK-NEXT:    call void @fill(ptr %box)

; REMARK: remark: <unknown>:0:0: new (16 bytes) escapes to heap: stored through parameter 'box'
; REMARK-NEXT: remark: <unknown>:0:0: new (16 bytes) does not escape; moved to stack
; REMARK-NEXT: remark: <unknown>:0:0: fill(...) escapes to heap: stored to global 'g'

; OFF: remark: <unknown>:0:0: new (16 bytes) escapes to heap: stored through parameter 'box'
; OFF-NEXT: remark: <unknown>:0:0: fill(...) does not escape; kept on heap: allocated inside 'fill'
; OFF-NEXT: remark: <unknown>:0:0: fill(...) escapes to heap: stored to global 'g'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

@g = global ptr null

; Allocates into the caller's object: *box = new 16 bytes.
define linkonce_odr void @fill(ptr %box) {
  %p = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store ptr %p, ptr %box
  ret void
}

; Frees what the caller's object holds.
define linkonce_odr void @drop(ptr %box) {
  %p = load ptr, ptr %box
  call void @_ZdlPv(ptr %p)
  ret void
}

define i64 @local() {
  %box = alloca ptr
  call void @fill(ptr %box)
  %p = load ptr, ptr %box
  call void @use(ptr %p)
  call void @drop(ptr %box)
  ret i64 0
}

define void @published() {
  %box = alloca ptr
  call void @fill(ptr %box)
  %p = load ptr, ptr %box
  store ptr %p, ptr @g
  ret void
}

attributes #0 = { builtin }
