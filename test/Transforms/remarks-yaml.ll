; -pass-remarks-output writes one YAML record per allocation site.
; RUN: rm -f %t.yaml
; RUN: %opt %loadescape -passes=escape -disable-output %s -pass-remarks-output=%t.yaml
; RUN: %FileCheck %s --input-file=%t.yaml

; CHECK:      --- !Missed
; CHECK-NEXT: Pass:            escape
; CHECK-NEXT: Name:            KeptOnHeap
; CHECK-NEXT: Function:        f
; CHECK-NEXT: Args:
; CHECK-NEXT:   - String:          'new (8192 bytes)'
; CHECK-NEXT:   - String:          ' does not escape; kept on heap: '
; CHECK-NEXT:   - String:          'too large for stack (8192 bytes)'
; CHECK-NEXT: ...
; CHECK-NOT:  ---

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f() {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 8192) #0
  call void @use(ptr %call)
  call void @_ZdlPv(ptr %call)
  ret void
}

attributes #0 = { builtin }
