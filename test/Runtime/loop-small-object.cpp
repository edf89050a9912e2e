// RUN: %clangxx -O2 %s -o %t.plain
// RUN: %clangxx -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %clangxx -O2 -fplugin=%plugin -fsanitize=address %s -o %t.asan
// RUN: %t.plain > %t.plain.out
// RUN: %t.esc > %t.esc.out
// RUN: %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: %FileCheck %s < %t.esc.out
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=REPORT
// RUN: env LD_PRELOAD=%alloccount %t.esc 2>&1 >/dev/null | %FileCheck %s --check-prefix=ALLOC
// A small object allocated and freed 10 million times in a loop. Moved to the
// stack, the slot must be reused every iteration (the stack would overflow otherwise).
#include <cstdio>

struct W { long a[8]; };

__attribute__((noinline)) long touch(W *w, long i) {
  for (int k = 0; k < 8; k++)
    w->a[k] = i + k;
  long s = 0;
  for (int k = 0; k < 8; k++)
    s += w->a[k];
  return s;
}

int main() {
  long total = 0;
  for (long i = 0; i < 10000000; i++) {
    W *w = new W;
    total += touch(w, i);
    delete w;
  }
  printf("total %ld\n", total);
  return 0;
}
// CHECK: total 400000240000000
// REPORT: loop-small-object.cpp:30:12: remark: new W does not escape; moved to stack
// ALLOC: alloc-count: {{[0-9]}} heap allocations
