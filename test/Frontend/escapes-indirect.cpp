// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// Less obvious escapes: returned inside a struct, captured by a lambda stored in a
// global std::function, copied out with memcpy, round-tripped through an integer,
// returned through a select.
#include <cstring>
#include <functional>

struct W { int a[4]; };
struct Box { W *w; };
Box mk(int k) { Box b; b.w = new W{{k, k, k, k}}; return b; } // expected-remark {{new W escapes to heap: returned}}
std::function<int()> gf;
void setf(int k) { W *w = new W{{k, 1, 2, 3}}; gf = [w] { return w->a[0]; }; } // expected-remark {{new W escapes to heap: converted to integer (passed to an indirect call)}}
void cpy(W **dst, int k) { W *w = new W{{k, 0, 0, 0}}; W *tmp[1] = {w}; memcpy(dst, tmp, sizeof tmp); } // expected-remark {{dst does not escape}} expected-remark {{new W escapes to heap: stored through parameter 'dst'}}
W *gw;
void viaint(int k) { W *w = new W{{k, 0, 0, 0}}; unsigned long x = (unsigned long)w; gw = (W *)(x ^ 0); } // expected-remark {{new W escapes to heap: stored to global 'gw'}}
W *sel(int k, W *o) { W *w = new W{{k, 0, 0, 0}}; return k ? w : o; } // expected-remark {{leaking param: o to result}} expected-remark {{new W escapes to heap: returned}}
