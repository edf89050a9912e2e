#include "widget.h"

Widget *make(int i) {
  Widget *w = new Widget;
  for (int k = 0; k < 4; ++k)
    w->v[k] = i + k;
  return w;
}

__attribute__((noinline)) long weigh(const Widget *w, int n) {
  long s = 0;
  for (int k = 0; k < n; ++k)
    s += w->v[k] * (k + 1);
  return s;
}

__attribute__((weak, noinline)) long weigh_weak(const Widget *w, int n) {
  long s = 0;
  for (int k = 0; k < n; ++k)
    s -= w->v[k] * (k + 1);
  return s;
}
