; Storing a pointer into a local container (alloca or non-escaping heap object)
; does not make it escape; if the container escapes, its contents escape too.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s

; PRINT-LABEL: escape: function 'local_box'
; PRINT-NEXT:    site %call new (16 bytes): does not escape
; PRINT-LABEL: escape: function 'heap_box'
; PRINT-NEXT:    site %box new (8 bytes): does not escape
; PRINT-NEXT:    site %call new (16 bytes): does not escape
; PRINT-LABEL: escape: function 'escaping_box'
; PRINT-NEXT:    site %box new (8 bytes): escapes: stored to global 'g'
; PRINT-NEXT:      from %box (escape)
; PRINT-NEXT:      from {storage for %box} (address-of)
; PRINT-NEXT:    site %call new (16 bytes): escapes: stored to global 'g'
; PRINT-NEXT:      from %box (escape)
; PRINT-NEXT:      from {storage for %box} (address-of)
; PRINT-NEXT:      from %call (store)
; PRINT-NEXT:      from {storage for %call} (address-of)

; CHECK-LABEL: define void @local_box()
; CHECK:         %call.stack = alloca [16 x i8], align 16
; CHECK:         store ptr %call.stack, ptr %box
; CHECK-NOT:     @_Znwm(
; CHECK-LABEL: define void @heap_box()
; CHECK-DAG:     %call.stack = alloca [16 x i8], align 16
; CHECK-DAG:     %box.stack = alloca [8 x i8], align 16
; CHECK:         store ptr %call.stack, ptr %box.stack
; CHECK-NOT:     @_Znwm(
; CHECK-LABEL: define void @escaping_box()
; CHECK-NOT:     alloca
; CHECK:         %box = call noalias noundef nonnull ptr @_Znwm(i64 8)
; CHECK-NEXT:    %call = call noalias noundef nonnull ptr @_Znwm(i64 16)
; CHECK-NEXT:    store ptr %call, ptr %box
; CHECK-NEXT:    store ptr %box, ptr @g

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global ptr null
declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

; Pointer stored into a local container that does not escape: stays local.
define void @local_box() {
entry:
  %box = alloca ptr, align 8
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store ptr %call, ptr %box
  call void @use(ptr %box)
  call void @_ZdlPv(ptr %call)
  ret void
}

; Pointer stored into a heap container that does not escape: both stay local.
define void @heap_box() {
entry:
  %box = call noalias noundef nonnull ptr @_Znwm(i64 8) #0
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store ptr %call, ptr %box
  call void @use(ptr %box)
  call void @_ZdlPv(ptr %call)
  call void @_ZdlPv(ptr %box)
  ret void
}

; Container escapes, so its content escapes too.
define void @escaping_box() {
entry:
  %box = call noalias noundef nonnull ptr @_Znwm(i64 8) #0
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store ptr %call, ptr %box
  store ptr %box, ptr @g
  ret void
}

attributes #0 = { builtin }
