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
// Control: objects linked into a global list escape and must stay on the heap.
#include <cstdio>

struct Node { Node *next; int v; };
Node *head;

__attribute__((noinline)) void push(int v) {
  Node *n = new Node;
  n->v = v;
  n->next = head;
  head = n;
}

int main() {
  for (int i = 0; i < 1000; i++)
    push(i);
  long s = 0;
  int c = 0;
  for (Node *n = head; n; n = n->next) {
    s += n->v;
    c++;
  }
  printf("count %d sum %ld\n", c, s);
  return 0;
}
// CHECK: count 1000 sum 499500
// REPORT: global-list.cpp:19:13: remark: new Node escapes to heap: stored to global 'head'
// ALLOC: alloc-count: 10{{0[0-9]}} heap allocations
