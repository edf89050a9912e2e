// RUN: %clangxx -O2 %s -o %t.plain
// RUN: %clangxx -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %t.plain > %t.plain.out
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %FileCheck %s < %t.esc.out
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=REPORT
// A zero-byte new[] placed in the frame arena when exactly 16 bytes are left
// (a 2016-byte buffer took the rest of the 2048) must get a block inside the
// arena: one past its end, its delete[] would take the pointer for a heap
// one and call operator delete[] on a stack address.
#include <cstdio>
#include <cstdlib>
#include <cstring>
__attribute__((noinline)) long g(int n, const unsigned long *sizes) {
  char *prev = nullptr;
  long s = 0;
  for (int i = 0; i < n; ++i) {
    char *cur = new char[sizes[i]];
    memset(cur, i, sizes[i]);
    if (prev) s += prev[0];
    delete[] prev;
    prev = cur;
  }
  delete[] prev;
  return s;
}
int main(int argc, char **argv) {
  unsigned long sizes[2] = {2016, 0};
  if (argc > 1) sizes[0] = atol(argv[1]);
  printf("%ld\n", g(2, sizes));
}
// CHECK: 0
// REPORT: frame-arena-zero-size.cpp:19:17: remark: new char[sizes[i]] does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)
