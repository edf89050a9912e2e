// Allocation sites: one of each site class, and a header site inlined 3 times.
#include "box.h"

struct Widget { int a[4]; };
Widget *keepme;

__attribute__((noinline)) int read(const Widget *w) { return w->a[0]; }
__attribute__((noinline)) int use(const char *b) { return b[7]; }
__attribute__((noinline)) int peek(const int *p) { return *p; }

// moved: used and freed in the function.
int moved() {
  Widget *w = new Widget();
  int r = read(w);
  delete w;
  return r;
}

// escapes: returned.
Widget *make() {
  return new Widget();
}

// kept: too large for the stack (1 MiB), used and deleted.
int big() {
  char *b = new char[1 << 20];
  b[7] = 3;
  int r = use(b);
  delete[] b;
  return r;
}

// Box<int>'s new: moved in 2 of its 3 inlined copies.
int *gi;
int box1(int v) { Box<int> b(v); return peek(b.p); }
int box2(int v) { Box<int> b(v); return peek(b.p) + 1; }
void box3(int v) { Box<int> b(v); gi = b.release(); }
