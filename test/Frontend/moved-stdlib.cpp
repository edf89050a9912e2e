// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// std::make_unique and std::vector locals are moved to the stack.
#include <memory>
#include <vector>

struct W { int a[4]; };
__attribute__((noinline)) int rw(const W *w) { return w->a[0] + w->a[3]; } // expected-remark {{w does not escape}}
__attribute__((noinline)) int rd(const int *p, int n) { // expected-remark {{p does not escape}}
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

int mu() {
  auto p = std::make_unique<W>(); // expected-remark {{std::make_unique<W> does not escape; moved to stack}}
  return rw(p.get());
}

int vec() {
  std::vector<int> v;
  v.push_back(1);
  v.push_back(2); // expected-remark {{allocation in 'push_back' does not escape; moved to stack}}
  return rd(v.data(), 2);
}

int vec_sized() {
  std::vector<int> v(4); // expected-remark {{std::vector<int> v does not escape; moved to stack}}
  return rd(v.data(), 4);
}
