// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// Go's "indirect assignment" case: storing a pointer into a field of a local
// struct does not make it escape as long as the struct stays local.

struct W { int a[4]; };
struct Box { W *w; };
__attribute__((noinline)) int rw(const W *w) { return w->a[0] + w->a[3]; } // expected-remark {{w does not escape}}
__attribute__((noinline)) int rb(Box *b) { return rw(b->w); } // expected-remark {{b does not escape}}

int indirect() {
  Box b;
  W *w = new W(); // expected-remark {{new W does not escape; moved to stack}}
  b.w = w;
  int r = rb(&b);
  delete w;
  return r;
}
