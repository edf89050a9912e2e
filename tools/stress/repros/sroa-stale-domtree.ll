; Crash found by tools/stress/run.sh (gen_alloc.py seeds 5, 130, 131, 155, ...; 17 of 400).
; Fixed by "Invalidate the function's cached analyses before running SROA after a demotion"; kept as a regression input.
;   opt-19 -load-pass-plugin=build/lib/libEscape.so -passes=escape -disable-output \
;       tools/stress/repros/sroa-stale-domtree.ll
; crashes in SROA (PromoteMemToReg -> IDFCalculator) run from inside EscapePass::run.
; With -debug-pass-manager: EscapePass requests LoopAnalysis and DominatorTreeAnalysis
; for @f, then the variable-size rewrite of %v splits the entry block (size check,
; conditional free) and SROA is run on @f with the cached, now stale, dominator tree.
; Needs a variable-size allocation plus a constant-size demoted object that SROA
; promotes, in a function with more than one block. The program is well defined.
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
