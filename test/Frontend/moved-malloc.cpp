// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// malloc and calloc whose results stay local are moved to the stack.
#include <cstdlib>

__attribute__((noinline)) int rd(const int *p, int n) { // expected-remark {{p does not escape}}
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

int mal() {
  int *p = (int *)malloc(64); // expected-remark {{malloc(64) does not escape; moved to stack}}
  for (int i = 0; i < 16; i++)
    p[i] = i;
  int r = rd(p, 16);
  free(p);
  return r;
}

int cal() {
  int *p = (int *)calloc(4, sizeof(int)); // expected-remark {{calloc(4, sizeof(int)) does not escape; moved to stack}}
  int r = rd(p, 4);
  free(p);
  return r;
}
