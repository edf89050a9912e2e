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
// Objects whose pointers are kept in a local array of pointers stay local.
#include <cstdio>

struct W { int id; int sq; };

__attribute__((noinline)) int sum(W *const *ws, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += ws[i]->id * 1000 + ws[i]->sq;
  return s;
}

__attribute__((noinline)) int run(int k) {
  W *ws[4];
  ws[0] = new W{k, k * k};
  ws[1] = new W{k + 1, (k + 1) * (k + 1)};
  ws[2] = new W{k + 2, (k + 2) * (k + 2)};
  ws[3] = new W{k + 3, (k + 3) * (k + 3)};
  int r = sum(ws, 4);
  for (int i = 0; i < 4; i++)
    delete ws[i];
  return r;
}

int main() {
  for (int k = 0; k < 3; k++)
    printf("run %d = %d\n", k, run(k));
  return 0;
}
// CHECK: run 0 = 6014
// CHECK: run 1 = 10030
// CHECK: run 2 = 14054
// REPORT-DAG: local-pointer-array.cpp:25:11: remark: new W does not escape; moved to stack
// REPORT-DAG: local-pointer-array.cpp:28:11: remark: new W does not escape; moved to stack
