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
// Objects passed through function pointers whose targets are all known and
// keep nothing live on the stack; the one a possible target publishes stays
// on the heap and is still valid after its creator returns.
#include <cstdio>

static int *published;

__attribute__((noinline)) static int twice(int *p) { return *p * 2; }
__attribute__((noinline)) static int thrice(int *p) { return *p * 3; }
__attribute__((noinline)) static int keep(int *p) {
  published = p;
  return 1;
}

__attribute__((noinline)) int choose(int v, bool b) {
  int (*f)(int *) = b ? twice : thrice;
  int *p = new int(v);
  int r = f(p);
  delete p;
  return r;
}

__attribute__((noinline)) static int apply(int (*f)(int *), int *p) {
  return f(p) + 1;
}

__attribute__((noinline)) int via_helper(int v) {
  int *p = new int(v);
  int r = apply(twice, p) + apply(thrice, p);
  delete p;
  return r;
}

__attribute__((noinline)) int choose_leak(int v, bool b) {
  int (*f)(int *) = b ? keep : twice;
  int *p = new int(v);
  return f(p);
}

int main() {
  long t = 0;
  for (int i = 0; i < 100000; ++i)
    t += choose(i, i & 1) + via_helper(i);
  t += choose_leak(41, true);
  int s = *published;
  delete published;
  printf("total %ld published %d\n", t, s);
  return 0;
}
// CHECK: total 37499800001 published 41
// HEAP: alloc-count: 200{{[0-9][0-9][0-9]}} heap allocations
// ALLOC: alloc-count: {{[0-9]}} heap allocations
