// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// Recursive functions are solved to a fixed point that starts from "nothing
// leaks", as Go's escape analysis solves a recursive batch: parameters that
// are only read and written through do not escape, however the function
// recurses (itself, with another function, or inside std::sort).
#include <algorithm>

int *published;

void rsum(int *a, int *b) { // expected-remark {{a does not escape}} expected-remark {{b does not escape}}
  if (b - a < 2)
    return;
  int *m = a + (b - a) / 2;
  rsum(a, m);
  rsum(m, b);
  *a += *m;
}

int rsum_user() {
  int *p = new int[16]; // expected-remark {{new int[16] does not escape; moved to stack}}
  for (int i = 0; i < 16; ++i)
    p[i] = i * i;
  rsum(p, p + 16);
  int r = p[0];
  delete[] p;
  return r;
}

int sorted_median(const int *in, int n) { // expected-remark {{in does not escape}}
  int *p = new int[64]; // expected-remark {{new int[64] does not escape; moved to stack}}
  for (int i = 0; i < 64; ++i)
    p[i] = in[i % n] * (i + 1) % 97;
  std::sort(p, p + 64);
  int r = p[32];
  delete[] p;
  return r;
}

// Mutual recursion: even() and odd() only read through p.
__attribute__((noinline)) bool odd(const int *p, int n);
__attribute__((noinline)) bool even(const int *p, int n) { // expected-remark {{p does not escape}}
  return n == 0 ? *p == 0 : odd(p, n - 1);
}
__attribute__((noinline)) bool odd(const int *p, int n) { // expected-remark {{p does not escape}}
  return n == 0 ? *p != 0 : even(p, n - 1);
}

int parity_user(int n) {
  int *v = new int(n & 1); // expected-remark {{new int does not escape; moved to stack}}
  bool r = even(v, n);
  delete v;
  return r;
}

// The control: the recursion publishes its parameter at the bottom, so the
// caller's array must stay on the heap.
void rpublish(int *a, int n) { // expected-remark {{leaking param: a}}
  if (n == 0) {
    published = a;
    return;
  }
  rpublish(a + 1, n - 1);
  a[0] += a[1];
}

int rpublish_user() {
  int *p = new int[16]; // expected-remark {{new int[16] escapes to heap: passed to 'rpublish' which leaks it}}
  rpublish(p, 8);
  return p[0];
}
