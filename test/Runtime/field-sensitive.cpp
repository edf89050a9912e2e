// RUN: %clangxx -O2 %s -o %t.plain
// RUN: %clangxx -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %clangxx -O2 -fplugin=%plugin -fsanitize=address %s -o %t.asan
// RUN: %t.plain > %t.plain.out
// RUN: %t.esc > %t.esc.out
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1 %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: %FileCheck %s < %t.esc.out
// RUN: env LD_PRELOAD=%alloccount %t.plain 2>&1 >/dev/null | %FileCheck %s --check-prefix=HEAP
// RUN: env LD_PRELOAD=%alloccount %t.esc 2>&1 >/dev/null | %FileCheck %s --check-prefix=ALLOC
// An object kept in the field of a struct that an out-of-line callee only
// reads lives on the stack, while the callee publishes another field. The
// published objects, and one the callee copies into the published field
// before publishing it, stay on the heap and are still valid after the
// callers return (ASan with stack-use-after-return checks it).
#include <cstdio>

struct Pair {
  long *a;
  long *b;
};

static long *published;
static long *copied;

__attribute__((noinline)) long publishB(Pair *q) {
  published = q->b;
  return *q->a;
}
__attribute__((noinline)) long copyThenPublish(Pair *q) {
  q->b = q->a;
  copied = q->b;
  return *q->b;
}

__attribute__((noinline)) long readField(long v, long *keep) {
  long *x = new long(v);
  Pair q{x, keep};
  long r = publishB(&q);
  delete x;
  return r;
}

__attribute__((noinline)) long publishedField(long v) {
  long *x = new long(v);
  Pair q{x, x};
  return publishB(&q);
}

__attribute__((noinline)) long copiedIntoPublished(long v) {
  long *x = new long(v);
  Pair q{x, nullptr};
  return copyThenPublish(&q);
}

int main() {
  long t = 0;
  long keep = 3;
  for (long i = 0; i < 100000; ++i)
    t += readField(i, &keep);
  for (long i = 0; i < 3; ++i) {
    long *before = published;
    t += publishedField(i + 10);
    if (before != &keep)
      delete before;
  }
  t += *published;
  delete published;
  t += copiedIntoPublished(40);
  t += *copied;
  delete copied;
  printf("total %ld\n", t);
  return 0;
}
// CHECK: total 4999950125
// HEAP: alloc-count: 10000{{[0-9]}} heap allocations
// ALLOC: alloc-count: {{[0-9]}} heap allocations
