// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// A noinline callee that stores its argument to a global leaks it; a reader does not.

struct W { int a[4]; };
W *g;

__attribute__((noinline)) void leaker(W *w) { g = w; } // expected-remark {{leaking param: w}}
__attribute__((noinline)) int reader(W *w) { return w->a[0]; } // expected-remark {{w does not escape}}

void call_leaker() {
  W *w = new W; // expected-remark {{new W escapes to heap: passed to 'leaker' which leaks it}}
  leaker(w);
}

int call_reader() {
  W *w = new W(); // expected-remark {{new W does not escape; moved to stack}}
  int r = reader(w);
  delete w;
  return r;
}
