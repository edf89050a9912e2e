; A callee whose body may not be the one that runs gives no summary: a weak
; definition, an exported function of a shared library (PIC, not PIE,
; default visibility, not dso_local), and a definition its compile step
; marked "escape-replaceable" (a weak function LTO internalized, with the
; nocapture FunctionAttrs inferred from this body). Each of them only reads
; its argument; the same body as a dso_local or hidden function does demote.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes=escape -S %s 2>/dev/null | %FileCheck %s
; RUN: %opt %loadescape -passes=escape-inventory,escape -S %s 2>/dev/null | %FileCheck %s --check-prefix=MARK

; PRINT-LABEL: escape: function 'use_weak'
; PRINT-NEXT:    site %o new (16 bytes): escapes: passed to 'weak_read', which may be replaced at link or load time
; PRINT-LABEL: escape: function 'use_exported'
; PRINT-NEXT:    site %o new (16 bytes): escapes: passed to 'exported_read', which may be replaced at link or load time
; PRINT-LABEL: escape: function 'use_marked'
; PRINT-NEXT:    site %o new (16 bytes): escapes: passed to 'marked_read', which may be replaced at link or load time
; PRINT-LABEL: escape: function 'use_local'
; PRINT-NEXT:    site %o new (16 bytes): does not escape
; PRINT-LABEL: escape: function 'use_hidden'
; PRINT-NEXT:    site %o new (16 bytes): does not escape

; CHECK-LABEL: define void @use_weak(
; CHECK:         call {{.*}} @_Znwm(i64 16)
; CHECK-LABEL: define void @use_exported(
; CHECK:         call {{.*}} @_Znwm(i64 16)
; CHECK-LABEL: define void @use_marked(
; CHECK:         call {{.*}} @_Znwm(i64 16)
; CHECK-LABEL: define void @use_local(
; CHECK-NOT:     @_Znwm
; CHECK:         ret void
; CHECK-LABEL: define void @use_hidden(
; CHECK-NOT:     @_Znwm
; CHECK:         ret void

; The inventory (the compile step) marks what may be replaced, before LTO
; could internalize it.
; MARK: define weak i32 @weak_read(ptr %p) [[REPLACEABLE:#[0-9]+]]
; MARK: define i32 @exported_read(ptr %p) [[REPLACEABLE]]
; MARK: define dso_local i32 @local_read(ptr %p) {
; MARK: define hidden i32 @hidden_read(ptr %p) {
; MARK: attributes [[REPLACEABLE]] = { "escape-replaceable" }

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)

define weak i32 @weak_read(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

define i32 @exported_read(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

define internal i32 @marked_read(ptr nocapture readonly %p) #1 {
  %v = load i32, ptr %p
  ret i32 %v
}

define dso_local i32 @local_read(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

define hidden i32 @hidden_read(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

define void @use_weak() {
  %o = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store i32 1, ptr %o
  %r = call i32 @weak_read(ptr %o)
  call void @_ZdlPv(ptr %o)
  ret void
}

define void @use_exported() {
  %o = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store i32 1, ptr %o
  %r = call i32 @exported_read(ptr %o)
  call void @_ZdlPv(ptr %o)
  ret void
}

define void @use_marked() {
  %o = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store i32 1, ptr %o
  %r = call i32 @marked_read(ptr %o)
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

define void @use_hidden() {
  %o = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  store i32 1, ptr %o
  %r = call i32 @hidden_read(ptr %o)
  call void @_ZdlPv(ptr %o)
  ret void
}

attributes #0 = { builtin }
attributes #1 = { "escape-replaceable" }

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}
