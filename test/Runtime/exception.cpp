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
// An exception is thrown and caught while a local new'd object is live; the
// handler frees it. The object must survive until the handler runs.
#include <cstdio>
#include <stdexcept>

struct W { int a[4]; };

__attribute__((noinline)) void check(W *w, int i) {
  w->a[i % 4] += i;
  if (i % 3 == 0)
    throw std::runtime_error("multiple of three");
}

__attribute__((noinline)) int attempt(int i) {
  W *w = new W{{1, 2, 3, 4}};
  try {
    check(w, i);
  } catch (const std::exception &e) {
    int r = -(w->a[0] + w->a[1] + w->a[2] + w->a[3]);
    delete w;
    return r;
  }
  int r = w->a[0] + w->a[1] + w->a[2] + w->a[3];
  delete w;
  return r;
}

int main() {
  for (int i = 0; i < 7; i++)
    printf("attempt %d = %d\n", i, attempt(i));
  return 0;
}
// CHECK: attempt 0 = -10
// CHECK: attempt 1 = 11
// CHECK: attempt 2 = 12
// CHECK: attempt 3 = -13
// CHECK: attempt 6 = -16
// REPORT: exception.cpp:25:10: remark: new W does not escape; moved to stack
