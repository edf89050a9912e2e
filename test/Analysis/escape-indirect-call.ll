; Passing the object to an indirect call makes it escape.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s

; PRINT-LABEL: escape: function 'f'
; PRINT-NEXT:    param fp: fp does not escape
; PRINT-NEXT:    site %c new (16 bytes): escapes: passed to an indirect call

; CHECK-LABEL: define void @f(ptr %fp)
; CHECK-NOT:     alloca
; CHECK:         %c = call ptr @_Znwm(i64 16)
; CHECK-NEXT:    call void %fp(ptr %c)
; CHECK-NEXT:    call void @_ZdlPv(ptr %c)

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)

define void @f(ptr %fp) {
  %c = call ptr @_Znwm(i64 16) #0
  call void %fp(ptr %c)
  call void @_ZdlPv(ptr %c)
  ret void
}

attributes #0 = { builtin }
