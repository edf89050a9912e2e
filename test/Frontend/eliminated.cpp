// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// Allocations whose uses the optimizer folds away entirely are reported as eliminated.
#include <memory>

struct W { int a[4]; };

int elim() {
  W *w = new W; // expected-remark {{new W does not escape; eliminated}}
  w->a[0] = 1;
  int r = w->a[0];
  delete w;
  return r;
}

int elim_unique() {
  auto p = std::make_unique<W>(); // expected-remark {{std::make_unique<W> does not escape; eliminated}}
  p->a[0] = 3;
  return p->a[0];
}
