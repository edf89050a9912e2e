// RUN: %clang -O2 %s -o %t.plain
// RUN: %clang -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %t.plain > %t.plain.out
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %clang -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=REPORT
// A function that calls setjmp gets no frame arena: the arena's state lives
// in registers, and after longjmp brings control back the arena would look
// empty while objects made before the jump (kept through a volatile local)
// are still live; new blocks would overwrite them.
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
static jmp_buf jb;
__attribute__((noinline)) void fail(int k) { if (k) longjmp(jb, 1); }
struct node { long v[6]; };
__attribute__((noinline)) long rd(const struct node *n) { return n->v[0]; }
/* A conforming use of setjmp: 'kept' is modified after setjmp, so it is volatile. */
__attribute__((noinline)) long f(int n) {
  struct node *volatile kept = NULL;
  long s = 0;
  if (setjmp(jb) == 0) {
    struct node *prev = NULL;
    for (int i = 0; i < n; ++i) {
      struct node *cur = malloc(sizeof *cur);
      cur->v[0] = 7 + i;
      if (prev) { s += rd(prev); free(prev); }
      prev = cur;
    }
    kept = prev;
    fail(n > 0);           /* error path: longjmp back */
    free(prev);
    return s;
  }
  /* after longjmp: 'kept' (the last node) is still live; make a new chain */
  struct node *p = kept;
  struct lnode { struct lnode *next; long v; } *head = NULL;
  long t = 0;
  for (int i = 0; i < 3; ++i) {          /* a list: all nodes live together */
    struct lnode *c = malloc(sizeof *c);
    c->v = 1000 + i; c->next = head; head = c;
  }
  while (head) { struct lnode *nx = head->next; t += head->v; free(head); head = nx; }
  t += 1000000 * rd(p);    /* p's value must still be 7 + n - 1 */
  free(p);
  return t;
}
int main(int argc, char **argv) { printf("%ld\n", f(argc)); return 0; }
// REPORT-NOT: frame arena
