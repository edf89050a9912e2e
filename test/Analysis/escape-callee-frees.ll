; A defined callee that deletes its parameter: the object must stay on the heap
; (demoting it would make the callee delete a stack address).
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK
; Freeing is not escaping: the object does not outlive f, so the verdict is
; "does not escape", and the call that frees it blocks the demotion.

; PRINT-LABEL: escape: function 'del'
; PRINT-NEXT:    param p: p does not escape; may be freed
; PRINT-LABEL: escape: function 'f'
; PRINT-NEXT:    site %c new (16 bytes): does not escape

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: may be freed inside 'del'

; CHECK-LABEL: define void @f()
; CHECK-NOT:     alloca
; CHECK:         %c = call ptr @_Znwm(i64 16)
; CHECK-NEXT:    call void @del(ptr %c)

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)

define void @del(ptr %p) {
  call void @_ZdlPv(ptr %p)
  ret void
}

define void @f() {
  %c = call ptr @_Znwm(i64 16) #0
  call void @del(ptr %c)
  ret void
}

attributes #0 = { builtin }
