// RUN: %clangxx -O2 %s -o %t.plain
// RUN: %clangxx -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %clangxx -O2 -fplugin=%plugin -fsanitize=address %s -o %t.asan
// RUN: %t.plain > %t.plain.out
// RUN: %t.esc > %t.esc.out
// RUN: %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: %FileCheck %s < %t.esc.out
// RUN: env LD_PRELOAD=%alloccount %t.esc 2>&1 >/dev/null | %FileCheck %s --check-prefix=ALLOC
// An out-of-line swap helper moves a local array between two locals (the
// caller replays the swap: the array stays on the stack) or into a variable
// that is then kept in a global list (the array must stay on the heap).
#include <cstdio>

__attribute__((noinline)) void swapPtr(int *&a, int *&b) {
  int *t = a;
  a = b;
  b = t;
}

int *kept[1000];

__attribute__((noinline)) int local(int k) {
  int *x = new int[4]();
  int *y = nullptr;
  x[k & 3] = k;
  swapPtr(x, y);
  int r = y[0] + y[1] + y[2] + y[3];
  delete[] y;
  return r;
}

__attribute__((noinline)) void keep(int k) {
  int *x = new int[4]();
  int *y = nullptr;
  x[k & 3] = k;
  swapPtr(x, y);
  kept[k] = y;
}

int main() {
  long s = 0;
  for (int i = 0; i < 100000; i++)
    s += local(i);
  for (int i = 0; i < 1000; i++)
    keep(i);
  long t = 0;
  for (int i = 0; i < 1000; i++)
    t += kept[i][i & 3];
  printf("local %ld kept %ld\n", s, t);
  return 0;
}
// CHECK: local 4999950000 kept 499500
// The 100000 local arrays are gone; the 1000 kept ones remain.
// ALLOC: alloc-count: 10{{0[0-9]}} heap allocations
