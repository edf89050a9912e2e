#include "registry.h"

__attribute__((noinline)) int fill(char *p, int n) {
  for (int i = 0; i < n; ++i)
    p[i] = char(i);
  return p[n / 2];
}

int big_buffer() {
  char *p = new char[1 << 20];
  int r = fill(p, 1 << 20);
  delete[] p;
  return r;
}

void add_two(int a) { register_widget(a + 1); }
