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
// Over-aligned objects moved to the stack keep their alignment.
#include <cstdint>
#include <cstdio>

struct alignas(64) Line { int v[4]; };

__attribute__((noinline)) int misaligned(const Line *l) {
  return (reinterpret_cast<uintptr_t>(l) % 64) != 0;
}

__attribute__((noinline)) int probe(int k) {
  char pad[k % 7 + 1];
  pad[0] = (char)k;
  Line *a = new Line{{k, 0, 0, 0}};
  Line *b = new Line{{0, k, 0, 0}};
  int r = misaligned(a) + misaligned(b) + (pad[0] != (char)k);
  delete a;
  delete b;
  return r;
}

int main() {
  int bad = 0;
  for (int k = 0; k < 50; k++)
    bad += probe(k);
  printf("misaligned %d\n", bad);
  return 0;
}
// CHECK: misaligned 0
// REPORT-DAG: aligned-new.cpp:24:13: remark: new Line does not escape; moved to stack
// REPORT-DAG: aligned-new.cpp:25:13: remark: new Line does not escape; moved to stack
