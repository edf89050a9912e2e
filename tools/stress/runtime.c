/* Runtime for modules written by gen_alloc.py; compiled without the plugin. */
#include <stdio.h>
#include <stdlib.h>

#define RING 65536
static long *sunk[RING];
static unsigned nsunk;

long ext_use(long *p) { return p[0] * 3 + 1; }
void ext_sink(long *p) { if (nsunk < RING) sunk[nsunk++] = p; }
long ext_opaque(long x) { return (x ^ 0x5bd1e995L) * 31 + (x >> 3); }

long run_all(long);

int main(int argc, char **argv) {
  int iters = argc > 1 ? atoi(argv[1]) : 4;
  unsigned long h = 0;
  for (int i = 0; i < iters; i++) h = h * 1000003u ^ (unsigned long)run_all(i * 17 + 3);
  unsigned long c = 0;
  for (unsigned i = 0; i < nsunk; i++) c = c * 31 + (unsigned long)sunk[i][0];
  printf("%lx %u %lx\n", h, nsunk, c);
  return 0;
}
