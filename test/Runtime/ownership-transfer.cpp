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
// Objects handed to out-of-line functions that free them live on the
// stack: the calls go to copies without the deallocation, while the
// destructor still runs. The original callee keeps freeing what other
// callers give it, and an object a callee publishes stays valid.
#include <cstdio>
#include <cstdlib>
#include <memory>

static long destroyed;

struct Widget {
  int a[4];
  explicit Widget(int v) : a{v, 0, 0, v * 2} {}
  ~Widget() { destroyed += a[0]; }
};

__attribute__((noinline)) int use(const Widget *w) { return w->a[0] + w->a[3]; }
__attribute__((noinline)) int consume(Widget *w) {
  int r = use(w);
  delete w;
  return r;
}
__attribute__((noinline)) int sink_reset(std::unique_ptr<Widget> p) {
  int r = use(p.get());
  p.reset();
  return r;
}
__attribute__((noinline)) int release(int *n) {
  int r = *n;
  std::free(n);
  return r;
}

static Widget *kept;
__attribute__((noinline)) int stash(Widget *w) {
  kept = w;
  return use(w);
}

// The same callee, given an object from elsewhere: still freed.
__attribute__((noinline)) Widget *make(int v) { return new Widget(v); }

__attribute__((noinline)) int handed_over(int v) { return consume(new Widget(v)); }
__attribute__((noinline)) int unique_handed_over(int v) {
  return sink_reset(std::make_unique<Widget>(v));
}
__attribute__((noinline)) int malloc_handed_over(int v) {
  int *n = (int *)std::malloc(sizeof(int));
  *n = v;
  return release(n);
}

int main() {
  long t = 0;
  for (int i = 0; i < 100000; ++i)
    t += handed_over(i) + unique_handed_over(i) + malloc_handed_over(i);
  t += consume(make(7));
  t += stash(new Widget(5));
  t += kept->a[3];
  delete kept;
  printf("total %ld destroyed %ld\n", t, destroyed);
  return 0;
}
// CHECK: total 34999650046 destroyed 9999900012
// HEAP: alloc-count: 30000{{[0-9]}} heap allocations
// ALLOC: alloc-count: {{[0-9]}} heap allocations
