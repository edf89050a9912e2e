// A shared library: `measure` is exported (default visibility), so the
// dynamic loader may bind its calls to another definition; `measure_hidden`
// is not. Both only read the box.
#include "box.h"

__attribute__((noinline)) long measure(const Box *b, int n) {
  long s = 0;
  for (int k = 0; k < n; ++k)
    s += b->v[k];
  return s;
}

__attribute__((noinline, visibility("hidden"))) long
measure_hidden(const Box *b, int n) {
  long s = 0;
  for (int k = 0; k < n; ++k)
    s += b->v[k] * 2;
  return s;
}

long run(int n) {
  long t = 0;
  for (int i = 0; i < 1000; ++i) {
    Box *b = new Box{{i, 1, 2, 3}};
    t += measure(b, n);
    delete b;
    Box *h = new Box{{i, 4, 5, 6}};
    t += measure_hidden(h, n);
    delete h;
  }
  return t;
}
