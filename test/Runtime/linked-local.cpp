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
// A small linked structure built locally (not in a loop) and walked by a
// noinline function: every node is moved to the stack.
#include <cstdio>

struct Node { Node *next; int v; };

__attribute__((noinline)) int walk(const Node *n) {
  int s = 0;
  for (; n; n = n->next)
    s = s * 10 + n->v;
  return s;
}

__attribute__((noinline)) int build(int base) {
  Node *c = new Node{nullptr, base + 3};
  Node *b = new Node{c, base + 2};
  Node *a = new Node{b, base + 1};
  int r = walk(a);
  delete a;
  delete b;
  delete c;
  return r;
}

int main() {
  long sum = 0;
  for (int i = 0; i < 1000; i++)
    sum += build(i % 5);
  printf("first %d\n", build(0));
  printf("sum %ld\n", sum);
  return 0;
}
// CHECK: first 123
// CHECK: sum 
// REPORT-DAG: linked-local.cpp:25:13: remark: new Node does not escape; moved to stack
// REPORT-DAG: linked-local.cpp:26:13: remark: new Node does not escape; moved to stack
// REPORT-DAG: linked-local.cpp:27:13: remark: new Node does not escape; moved to stack
