// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// Objects stored through a parameter or into an object the caller owns escape.

struct W { int a[4]; };
struct Box { W *w; };

void through_param(W **out) { *out = new W; } // expected-remark {{out does not escape}} expected-remark {{new W escapes to heap: stored through parameter 'out'}}

void into_escaping(Box *b) { // expected-remark {{b does not escape}}
  W *w = new W; // expected-remark {{new W escapes to heap: stored through parameter 'b'}}
  b->w = w;
}
