; The attributes of a callee whose body may be replaced describe only the
; body here: FunctionAttrs infers nocapture, nofree, nounwind and willreturn
; from it (in a -shared LTO link, or in opt), whatever the definition that
; runs. An exported function of a PIC module is such a callee, marked or not:
; the object passed to it stays on the heap. The same attributes on a
; dso_local callee are trusted, and its object is moved.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s

; PRINT-LABEL: escape: function 'use_exported'
; PRINT-NEXT:    site %o new (16 bytes): escapes: passed to 'exported_read', which may be replaced at link or load time
; PRINT-LABEL: escape: function 'use_local'
; PRINT-NEXT:    site %o new (16 bytes): does not escape

; CHECK-LABEL: define void @use_exported(
; CHECK:         call {{.*}} @_Znwm(i64 16)
; CHECK:         call void @_ZdlPv(
; CHECK-LABEL: define void @use_local(
; CHECK-NOT:     @_Znwm
; CHECK:         ret void

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)

define i32 @exported_read(ptr nocapture readonly %p) nofree nounwind willreturn {
  %v = load i32, ptr %p
  ret i32 %v
}

define dso_local i32 @local_read(ptr nocapture readonly %p) nofree nounwind willreturn {
  %v = load i32, ptr %p
  ret i32 %v
}

define void @use_exported() {
  %o = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store i32 1, ptr %o
  %r = call i32 @exported_read(ptr %o)
  call void @_ZdlPv(ptr %o)
  ret void
}

define void @use_local() {
  %o = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store i32 1, ptr %o
  %r = call i32 @local_read(ptr %o)
  call void @_ZdlPv(ptr %o)
  ret void
}

attributes #0 = { builtin }

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}
