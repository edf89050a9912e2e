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
// Local std::make_shared objects, with and without a weak_ptr, live on the
// stack: the destructor still runs, the counts still work. Copies published
// to a global or stored in a global vector stay on the heap and stay valid
// (ASan with stack-use-after-return checks it).
#include <cstdio>
#include <memory>
#include <vector>

static long destroyed;
struct Widget {
  long a[4];
  explicit Widget(long v) : a{v, 1, 2, v * 2} {}
  ~Widget() { destroyed += a[0]; }
};

__attribute__((noinline)) long use(const Widget *w) { return w->a[0] + w->a[3]; }
__attribute__((noinline)) long useShared(const std::shared_ptr<Widget> &p) { return p->a[1] + p.use_count(); }

static std::shared_ptr<Widget> kept;
static std::vector<std::shared_ptr<Widget>> all;

__attribute__((noinline)) long local(long v) {
  auto p = std::make_shared<Widget>(v);
  return use(p.get());
}
__attribute__((noinline)) long localCopied(long v) {
  auto p = std::make_shared<Widget>(v);
  auto q = p;
  return use(q.get()) + useShared(p);
}
__attribute__((noinline)) long localWeak(long v) {
  auto p = std::make_shared<Widget>(v);
  std::weak_ptr<Widget> w = p;
  long r = use(p.get());
  p.reset();
  return r + w.expired();
}
__attribute__((noinline)) long published(long v) {
  auto p = std::make_shared<Widget>(v);
  kept = p;
  return use(p.get());
}
__attribute__((noinline)) long stored(long v) {
  auto p = std::make_shared<Widget>(v);
  all.push_back(p);
  return use(p.get());
}

int main() {
  long t = 0;
  for (long i = 0; i < 100000; ++i)
    t += local(i) + localCopied(i) + localWeak(i);
  for (long i = 0; i < 3; ++i)
    t += published(i) + stored(i);
  t += kept->a[0] + all.size() + all[2]->a[3];
  kept.reset();
  all.clear();
  printf("total %ld destroyed %ld\n", t, destroyed);
  return 0;
}
// CHECK: total 44999950027 destroyed 14999850006
// HEAP: alloc-count: 3000{{[0-9][0-9]}} heap allocations
// The copied one (useShared reads the count through the shared_ptr) stays.
// ALLOC: alloc-count: 1000{{[0-9][0-9]}} heap allocations
