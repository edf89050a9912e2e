; Library functions declared late in the pipeline (InstCombine turns memcmp
; into bcmp after InferFunctionAttrs has run) get the attributes that pass
; gives library functions: a buffer compared with bcmp does not escape. strtol
; stores a pointer into its argument through its second one: that still
; escapes.
; RUN: %opt %loadescape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | %FileCheck %s
; CHECK: remark: <unknown>:0:0: malloc(16) does not escape; moved to stack
; CHECK-NEXT: remark: <unknown>:0:0: malloc(16) escapes to heap: passed to unknown function 'strtol'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"
declare ptr @malloc(i64)
declare void @free(ptr)
declare i32 @bcmp(ptr, ptr, i64)
declare i64 @strtol(ptr, ptr, i32)
@g = global ptr null
define i32 @compared(ptr %key) {
  %buf = call ptr @malloc(i64 16)
  store i64 42, ptr %buf
  %r = call i32 @bcmp(ptr %buf, ptr %key, i64 16)
  call void @free(ptr %buf)
  ret i32 %r
}
define i64 @parsed() {
  %buf = call ptr @malloc(i64 16)
  store i64 12345, ptr %buf
  %end = alloca ptr
  %v = call i64 @strtol(ptr %buf, ptr %end, i32 10)
  %e = load ptr, ptr %end
  store ptr %e, ptr @g
  ret i64 %v
}
