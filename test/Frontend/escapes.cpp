// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// Objects that escape: returned, stored to a global, passed to an unknown function.

struct W { int a[4]; };
void use(W *);
W *g;

W *ret() { return new W; } // expected-remark {{new W escapes to heap: returned}}

void glob() { g = new W; } // expected-remark {{new W escapes to heap: stored to global 'g'}}

void glob_via_local() {
  W *w = new W; // expected-remark {{new W escapes to heap: stored to global 'g'}}
  g = w;
}

void unknown() {
  W *w = new W; // expected-remark {{new W escapes to heap: passed to unknown function 'use'}}
  use(w);
}
