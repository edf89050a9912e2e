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
// Lifetimes the analysis must respect: a thread_local store, an object carried
// to the next loop iteration, a realloc'd block, and a thrown pointer.
#include <cstdio>
#include <cstdlib>
struct W { long a[4]; };
__attribute__((noinline)) long rd(const W *w) { return w->a[0]; }
thread_local W *tl;
__attribute__((noinline)) void settl(int k) { W *w = new W{{k}}; tl = w; }
__attribute__((noinline)) long chain(int n) {
  W *prev = nullptr; long s = 0;
  for (int i = 0; i < n; i++) {
    W *w = new W{{i}};
    if (prev) { s += rd(prev); delete prev; }
    prev = w;
  }
  s += rd(prev); delete prev; return s;
}
__attribute__((noinline)) long cond(int k) {
  W *w = (W*)malloc(sizeof(W)); w->a[0] = k;
  long r = rd(w);
  if (k & 1) { free(w); return r; }
  W *x = (W*)realloc(w, 2 * sizeof(W)); r += rd(x); free(x); return r;
}
__attribute__((noinline)) long thr(int k) {
  W *w = new W{{k}};
  try { if (k > 2) throw w; } catch (W *p) { long r = rd(p); delete p; return r; }
  long r = rd(w); delete w; return r;
}
int main() {
  settl(3); long t = 0;
  for (int i = 0; i < 5; i++) t += chain(10) + cond(i) + thr(i);
  printf("%ld %ld\n", tl->a[0], t);
}
// CHECK: 3 251
// REPORT-DAG: tricky-lifetimes.cpp:18:54: remark: new W escapes to heap: stored to global 'tl'
// REPORT-DAG: tricky-lifetimes.cpp:22:12: remark: new W does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)
// REPORT-DAG: tricky-lifetimes.cpp:29:14: remark: malloc(sizeof(W)) does not escape; kept on heap: reallocated
// REPORT-DAG: tricky-lifetimes.cpp:35:10: remark: new W escapes to heap: thrown
