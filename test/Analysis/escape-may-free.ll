; A nocapture parameter without nofree may still free the object, so the object
; must stay on the heap; it does not escape (freeing is not escaping).
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK

; PRINT-LABEL: escape: function 'f'
; PRINT-NEXT:    site %call new (16 bytes): does not escape

; CHECK-LABEL: define void @f(
; CHECK-NOT:     alloca
; CHECK:         %call = call noalias noundef nonnull ptr @_Znwm(i64 16)
; CHECK-NEXT:    call void @release(ptr %call)

; REMARK: remark: <unknown>:0:0: new (16 bytes) does not escape; kept on heap: may be freed inside 'release'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @release(ptr nocapture)

define void @f() {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  call void @release(ptr %call)
  ret void
}

attributes #0 = { builtin }
