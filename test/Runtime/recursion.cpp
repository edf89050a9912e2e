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
// A recursive function with a local allocation per frame; each frame's object
// must be distinct and survive the recursive calls below it.
#include <cstdio>

struct Acc { long depth; long val; };

__attribute__((noinline)) long weigh(const Acc *a) { return a->val * a->depth; }

__attribute__((noinline)) long rec(int n) {
  if (n == 0)
    return 0;
  Acc *a = new Acc{n, (long)n * n};
  long below = rec(n - 1);
  long r = below + weigh(a);
  delete a;
  return r;
}

int main() {
  long t = 0;
  for (int i = 0; i < 2000; i++)
    t += rec(100);
  printf("rec %ld total %ld\n", rec(100), t);
  return 0;
}
// CHECK: rec 25502500 total 51005000000
// REPORT: recursion.cpp:23:12: remark: new Acc does not escape; moved to stack
// ALLOC: alloc-count: {{[0-9]}} heap allocations
