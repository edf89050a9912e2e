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
// Objects whose pointers are kept in a local std::vector<W*>, summed by a
// noinline function, then freed.
#include <cstdio>
#include <vector>

struct W { int id; int sq; };

__attribute__((noinline)) long sum(const std::vector<W *> &ws) {
  long s = 0;
  for (const W *w : ws)
    s += w->id * 1000 + w->sq;
  return s;
}

__attribute__((noinline)) long run(int k) {
  std::vector<W *> ws;
  ws.push_back(new W{k, k * k});
  ws.push_back(new W{k + 1, (k + 1) * (k + 1)});
  long r = sum(ws);
  for (W *w : ws)
    delete w;
  return r;
}

int main() {
  long t = 0;
  for (int k = 0; k < 1000; k++)
    t += run(k);
  printf("run 3 = %ld\n", run(3));
  printf("total %ld\n", t);
  return 0;
}
// CHECK: run 3 = 7025
// CHECK: total
// One delete frees both objects: the frame arena takes them.
// REPORT-DAG: local-vector-of-pointers.cpp:28:16: remark: new W does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)
// REPORT-DAG: local-vector-of-pointers.cpp:29:16: remark: new W does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)
// The vector buffer and both objects are on the stack: no allocation per run
// (a few by the C library's start-up and stdout).
// ALLOC: alloc-count: {{[0-9]}} heap allocations
