// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// A function that only reads integers out of *w and returns arithmetic on
// them moves numbers, not addresses: "w does not escape", as Go says. The
// analysis still tracks pointer-width integers (they may carry pointers);
// the report judges a parameter's content by its source type. uintptr_t and
// structs holding pointers keep their content leaks.
#include <cstdint>

struct W { long a[8]; };

__attribute__((noinline)) long sum(W *w) { // expected-remark {{w does not escape}}
  long s = 0;
  for (int k = 0; k < 8; k++)
    s += w->a[k];
  return s;
}

// An accumulator through a reference, returned as well.
__attribute__((noinline)) uint64_t next(uint64_t &s) { // expected-remark {{s does not escape}}
  s ^= s << 13;
  s ^= s >> 7;
  return s;
}

// uintptr_t holds addresses by intent.
__attribute__((noinline)) uintptr_t slot(const uintptr_t *p) { // expected-remark {{leaking param content: p to result}}
  return p[1];
}

struct Node { Node *next; long v; };
__attribute__((noinline)) Node *after(Node *n) { // expected-remark {{leaking param content: n to result}}
  return n->next;
}
