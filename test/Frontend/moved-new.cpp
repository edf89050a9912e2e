// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// A new'd object that only flows to a noinline reader is moved to the stack.

__attribute__((noinline)) int rw(const int *p) { return p[0] + p[3]; } // expected-remark {{p does not escape}}

int local() {
  int *p = new int[4](); // expected-remark {{new int[4] does not escape; moved to stack}}
  int r = rw(p);
  delete[] p;
  return r;
}

struct W { int a[4]; };
__attribute__((noinline)) int rs(const W *w) { return w->a[0] + w->a[3]; } // expected-remark {{w does not escape}}

int scalar() {
  W *w = new W(); // expected-remark {{new W does not escape; moved to stack}}
  int r = rs(w);
  delete w;
  return r;
}
