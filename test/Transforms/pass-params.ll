; The transform's settings are pass parameters, as sroa<modify-cfg> takes
; its own: they act, they print back, and the printed pipeline parses again.
; RUN: %opt %loadescape -passes='escape<max-object-size=8>' -S %s | %FileCheck %s --check-prefix=SMALL
; RUN: %opt %loadescape -passes='escape<max-object-size=64;no-demote>' -S %s | %FileCheck %s --check-prefix=SMALL
; RUN: %opt %loadescape -passes='escape<max-object-size=64>' -S %s | %FileCheck %s --check-prefix=MOVED
; RUN: %opt %loadescape -passes='escape<max-object-size=64;max-frame-size=128;no-demote>' -print-pipeline-passes -disable-output %s | %FileCheck %s --check-prefix=PRINT
; RUN: %opt %loadescape -passes="$(%opt %loadescape -passes='escape<max-variable-size=0;no-demote>' -print-pipeline-passes -disable-output %s)" -print-pipeline-passes -disable-output %s | %FileCheck %s --check-prefix=ROUND
; RUN: %not %opt %loadescape -passes='escape<max-object-sise=64>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=BADNAME
; RUN: %not %opt %loadescape -passes='escape<max-object-size=6x4>' -disable-output %s 2>&1 | %FileCheck %s --check-prefix=BADSIZE

; SMALL:     call {{.*}}@_Znwm(i64 16)
; MOVED:     alloca [16 x i8], align 16
; MOVED-NOT: @_Znwm
; PRINT: escape<max-object-size=64;max-frame-size=128;no-demote>
; ROUND: escape<max-variable-size=0;no-demote>
; BADNAME: escape: invalid escape pass parameter 'max-object-sise=64'
; BADSIZE: escape: invalid size '6x4' for escape pass parameter 'max-object-size' (bytes)

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @use(ptr nocapture nofree) memory(read)

define void @f() {
entry:
  %call = call noalias noundef nonnull ptr @_Znwm(i64 16) #0
  call void @use(ptr %call)
  call void @_ZdlPv(ptr %call)
  ret void
}

attributes #0 = { builtin }
