; A defined callee that stores its parameter to a global leaks the argument.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; PRINT-LABEL: escape: function 'f'
; PRINT-NEXT:    site %call new (16 bytes): escapes: passed to 'keep' which leaks it
; PRINT-NEXT:      from %call (escape)
; PRINT-NEXT:      from {storage for %call} (address-of)

; CHECK-LABEL: define void @f(
; CHECK-NOT:     alloca
; CHECK:         %call = call noalias noundef nonnull ptr @_Znwm(i64 16)
; CHECK-NEXT:    call void @keep(ptr %call)

; REMARK: remark: <unknown>:0:0: new (16 bytes) escapes to heap: passed to 'keep' which leaks it

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null
declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)

define void @keep(ptr %p) {
entry:
  store ptr %p, ptr @g
  ret void
}

define void @f() {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  call void @keep(ptr %call)
  ret void
}

attributes #0 = { builtin }
