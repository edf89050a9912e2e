; A pointer converted to an integer that is then stored to a global escapes.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK
; (Not freed: an object freed on every path before return would be demoted
; whatever happened to its address; see Transforms/freed-before-return.ll.)

; PRINT-LABEL: escape: function 'f'
; PRINT-NEXT:    site %call new (16 bytes): escapes: converted to integer (stored to global 'gi')
; PRINT-NEXT:      from %i (escape)
; PRINT-NEXT:      from %call (assign)
; PRINT-NEXT:      from {storage for %call} (address-of)

; CHECK-LABEL: define void @f(
; CHECK-NOT:     alloca
; CHECK:         %call = call noalias noundef nonnull ptr @_Znwm(i64 16)
; CHECK-NEXT:    %i = ptrtoint ptr %call to i64
; CHECK-NEXT:    store i64 %i, ptr @gi, align 8
; CHECK-NEXT:    ret void

; REMARK: remark: <unknown>:0:0: new (16 bytes) escapes to heap: converted to integer (stored to global 'gi')

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@gi = global i64 0
declare ptr @_Znwm(i64)

define void @f() {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  %i = ptrtoint ptr %call to i64
  store i64 %i, ptr @gi
  ret void
}

attributes #0 = { builtin }
