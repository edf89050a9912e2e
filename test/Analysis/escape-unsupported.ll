; An instruction the analysis does not model (va_arg reading through the object)
; makes the object escape conservatively.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REMARK
; (Not freed: an object freed on every path before return would be demoted
; whatever happened to its address; see Transforms/freed-before-return.ll.)

; PRINT-LABEL: escape: function 'f'
; PRINT-NEXT:    site %call new (16 bytes): escapes: used by unsupported instruction 'va_arg'

; CHECK-LABEL: define void @f()
; CHECK-NOT:     alloca
; CHECK:         %call = call noalias noundef nonnull ptr @_Znwm(i64 16)
; CHECK-NEXT:    %v = va_arg ptr %call, i32
; CHECK-NEXT:    store i32 %v, ptr @g, align 4
; CHECK-NEXT:    ret void

; REMARK: remark: <unknown>:0:0: new (16 bytes) escapes to heap: used by unsupported instruction 'va_arg'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global i32 0
declare ptr @_Znwm(i64)

define void @f() {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  %v = va_arg ptr %call, i32
  store i32 %v, ptr @g
  ret void
}

attributes #0 = { builtin }
