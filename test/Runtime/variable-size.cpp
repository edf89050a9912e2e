// Variable-size new[] and malloc get a stack buffer behind a runtime size
// check: correct for n = 0, at the threshold, beyond it, and 10^6 times in a
// loop (no stack growth), also under AddressSanitizer.
// RUN: %clangxx -O2 %s -o %t.plain && %t.plain > %t.plain.out
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-max-variable-size=64 %s -o %t.esc && %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %clangxx -O2 -fsanitize=address -fplugin=%plugin -fplugin-arg-escape-max-variable-size=64 %s -o %t.asan && %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: env LD_PRELOAD=%alloccount %t.plain 2>&1 >/dev/null | %FileCheck %s --check-prefix=PLAIN
// RUN: env LD_PRELOAD=%alloccount %t.esc 2>&1 >/dev/null | %FileCheck %s --check-prefix=ESC
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-max-variable-size=64 -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=REPORT
// PLAIN: alloc-count: 20000{{[0-9][0-9]}} heap allocations
// ESC: alloc-count: {{[0-9][0-9][0-9][0-9][0-9]}} heap allocations
// REPORT: variable-size.cpp:[[@LINE+5]]:13: remark: new char[n] does not escape; moved to stack when at most 64 bytes; larger sizes stay on the heap
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
__attribute__((noinline)) long work(int n) {
  char *b = new char[n];
  for (int i = 0; i < n; i++) b[i] = (char)(i * 7);
  long s = 0;
  for (int i = 0; i < n; i++) s += b[i];
  delete[] b;
  int *m = (int *)malloc(n * sizeof(int) + 1);
  for (int i = 0; i < n; i++) m[i] = i;
  for (int i = 0; i < n; i++) s += m[i];
  free(m);
  return s;
}
int main() {
  long t = 0;
  for (int n : {0, 1, 15, 16, 17, 63, 64, 65, 1000, 100000})
    t += work(n) * 31 + n;
  for (int k = 0; k < 1000000; k++)
    t += work(k % 70 == 0 ? 100 : 3);
  printf("%ld\n", t);
}
