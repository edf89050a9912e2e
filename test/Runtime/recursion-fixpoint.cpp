// RUN: %clangxx -O2 %s -o %t.plain
// RUN: %clangxx -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %clangxx -O2 -fplugin=%plugin -fsanitize=address %s -o %t.asan
// RUN: %t.plain > %t.plain.out
// RUN: %t.esc > %t.esc.out
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1 %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: %FileCheck %s < %t.esc.out
// RUN: env LD_PRELOAD=%alloccount %t.plain 2>&1 >/dev/null | %FileCheck %s --check-prefix=HEAP
// RUN: env LD_PRELOAD=%alloccount %t.esc 2>&1 >/dev/null | %FileCheck %s --check-prefix=ALLOC
// Objects handed to recursive functions that do not let them escape (a
// self-recursive divide and conquer, std::sort's recursive introsort) live
// on the stack; one that a recursion publishes stays on the heap and is
// still valid after its creator returns.
#include <algorithm>
#include <cstdio>

static int *published;

__attribute__((noinline)) void rsum(int *a, int *b) {
  if (b - a < 2)
    return;
  int *m = a + (b - a) / 2;
  rsum(a, m);
  rsum(m, b);
  *a += *m;
}

__attribute__((noinline)) int rsum_user(int seed) {
  int *p = new int[16];
  for (int i = 0; i < 16; ++i)
    p[i] = (seed + i) % 13;
  rsum(p, p + 16);
  int r = p[0];
  delete[] p;
  return r;
}

__attribute__((noinline)) int sorted_median(int seed) {
  int *p = new int[64];
  for (int i = 0; i < 64; ++i)
    p[i] = (seed * 31 + i * 17) % 97;
  std::sort(p, p + 64);
  int r = p[32];
  delete[] p;
  return r;
}

__attribute__((noinline)) void rpublish(int *a, int n) {
  if (n == 0) {
    published = a;
    return;
  }
  rpublish(a + 1, n - 1);
  a[0] += a[1];
}

__attribute__((noinline)) void rpublish_user(int seed) {
  int *p = new int[16];
  for (int i = 0; i < 16; ++i)
    p[i] = seed + i;
  rpublish(p, 8);
}

int main() {
  long t = 0;
  for (int i = 0; i < 100000; ++i)
    t += rsum_user(i) + sorted_median(i);
  rpublish_user(5);
  long s = published[0] + published[7];
  delete[] (published - 8);
  printf("total %ld published %ld\n", t, s);
  return 0;
}
// CHECK: total {{[0-9]+}} published 33
// HEAP: alloc-count: 200{{[0-9][0-9][0-9]}} heap allocations
// ALLOC: alloc-count: {{[0-9]}} heap allocations
