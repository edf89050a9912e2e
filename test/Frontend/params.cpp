// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// Parameter summaries: leaking, non-escaping, content leaking, leaking to result, this.

struct W { int a[4]; int get() const { return a[0]; } }; // expected-remark {{this does not escape}}
W *g;

__attribute__((noinline)) void leak(W *w) { g = w; } // expected-remark {{leaking param: w}}
__attribute__((noinline)) int noleak(W *w) { return w->a[1]; } // expected-remark {{w does not escape}}
__attribute__((noinline)) void content(W **pp) { g = *pp; } // expected-remark {{leaking param content: pp}}
__attribute__((noinline)) int *to_result(int *p) { return p; } // expected-remark {{leaking param: p to result}}
int method(W &w) { return w.get(); } // expected-remark {{w does not escape}}
