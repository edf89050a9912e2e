#include <stdlib.h>

__attribute__((noinline)) int csum(const int *p) { return p[0] + p[1]; }

int cpair(int a) {
  int *p = malloc(2 * sizeof(int));
  p[0] = a;
  p[1] = a + 1;
  int r = csum(p);
  free(p);
  return r;
}
