#include "widget.h"
#include <cstdio>

static __attribute__((noinline)) long peek(const Widget *w, int n) {
  long s = 0;
  for (int k = 0; k < n; ++k)
    s += w->v[k];
  return s;
}

int main(int argc, char **) {
  int n = argc + 3; // 4
  long total = 0;
  for (int i = 0; i < 1000; ++i) {
    Widget *a = make(i); // peeked at in this file
    total += peek(a, n);
    delete a;
    Widget *b = make(i); // weighed in widget.cpp
    total += weigh(b, n);
    delete b;
    Widget *c = make(i); // weighed by a weak function
    total += weigh_weak(c, n);
    delete c;
  }
  std::printf("%ld\n", total);
}
