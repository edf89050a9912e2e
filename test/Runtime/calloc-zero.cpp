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
// calloc moved to the stack must still hand back zeroed memory, even when the
// stack slot previously held other data.
#include <cstdio>
#include <cstdlib>

__attribute__((noinline)) void dirty() {
  volatile char junk[256];
  for (int i = 0; i < 256; i++)
    junk[i] = (char)(0xA5 ^ i);
}

__attribute__((noinline)) int count_nonzero(const int *p, int n) {
  int c = 0;
  for (int i = 0; i < n; i++)
    c += p[i] != 0;
  return c;
}

__attribute__((noinline)) int step(int k) {
  int *p = (int *)calloc(16, sizeof(int));
  int before = count_nonzero(p, 16);
  p[k % 16] = 7;
  int after = count_nonzero(p, 16);
  free(p);
  return before * 100 + after;
}

int main() {
  int bad = 0;
  for (int k = 0; k < 100; k++) {
    dirty();
    if (step(k) != 1)
      bad++;
  }
  printf("bad %d\n", bad);
  return 0;
}
// CHECK: bad 0
// REPORT: calloc-zero.cpp:30:19: remark: calloc(16, sizeof(int)) does not escape; moved to stack
