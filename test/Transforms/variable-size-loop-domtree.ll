; Regression: after a variable-size rewrite splits blocks, SROA must not see
; the dominator tree cached by the loop check (it crashed on a stale tree).
; RUN: %opt %loadescape -passes=escape -verify-each -S %s | %FileCheck %s
; CHECK: %escape.small = icmp ule
declare ptr @malloc(i64)
declare void @free(ptr)

define i64 @f(i64 %n) {
entry:
  %v = call ptr @malloc(i64 %n)
  %p = call ptr @malloc(i64 64)
  store i64 1, ptr %p, align 8
  br label %next

next:
  store i64 2, ptr %p, align 8
  call void @free(ptr %v)
  call void @free(ptr %p)
  ret i64 0
}
