// RUN: %clangxx -O0 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// At -O0 nothing is moved; non-escaping allocations are reported as kept on heap.
#include <cstdlib>

__attribute__((noinline)) int rd(const int *p) { return p[0]; } // expected-remark {{p does not escape}}

int with_new() {
  int *p = new int[4](); // expected-remark {{new int[4] does not escape; kept on heap: optimization disabled}}
  int r = rd(p);
  delete[] p;
  return r;
}

int with_malloc() {
  int *p = (int *)malloc(16); // expected-remark {{malloc(16) does not escape; kept on heap: optimization disabled}}
  p[0] = 1;
  int r = rd(p);
  free(p);
  return r;
}
