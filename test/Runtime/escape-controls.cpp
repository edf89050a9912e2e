// RUN: %clangxx -O2 %s -o %t.plain
// RUN: %clangxx -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %clangxx -O2 -fplugin=%plugin -fsanitize=address %s -o %t.asan
// RUN: %t.plain > %t.plain.out
// RUN: %t.esc > %t.esc.out
// RUN: %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: %FileCheck %s < %t.esc.out
// Control: objects that escape in less obvious ways (returned inside a struct,
// captured by a lambda stored in a global std::function, copied out with memcpy,
// round-tripped through an integer, returned through a select) must stay on the
// heap. The stack is scribbled over before they are read; ASan catches any
// object wrongly moved to a dead frame.
#include <cstdio>
#include <cstring>
#include <functional>

struct W { int a[4]; };
struct Box { W *w; };
__attribute__((noinline)) Box mk(int k) { Box b; b.w = new W{{k, k, k, k}}; return b; }
std::function<int()> gf;
__attribute__((noinline)) void setf(int k) { W *w = new W{{k, 1, 2, 3}}; gf = [w] { return w->a[0]; }; }
__attribute__((noinline)) void cpy(W **dst, int k) { W *w = new W{{k, 0, 0, 0}}; W *tmp[1] = {w}; memcpy(dst, tmp, sizeof tmp); }
W *gw;
__attribute__((noinline)) void viaint(int k) { W *w = new W{{k, 0, 0, 0}}; unsigned long x = (unsigned long)w; gw = (W *)(x ^ 0); }
__attribute__((noinline)) W *sel(int k, W *o) { W *w = new W{{k, 0, 0, 0}}; return k ? w : o; }

__attribute__((noinline)) void scribble() {
  volatile char junk[1024];
  for (int i = 0; i < 1024; i++)
    junk[i] = (char)0x55;
}

int main() {
  Box b = mk(5);
  setf(6);
  W *c;
  cpy(&c, 7);
  viaint(8);
  W *s = sel(9, nullptr);
  scribble();
  printf("%d %d %d %d %d\n", b.w->a[0], gf(), c->a[0], gw->a[0], s->a[0]);
  return 0;
}
// CHECK: 5 6 7 8 9
