// XFAIL: *
// BUG: at -O0 std::make_unique<W> is reported as "does not escape; eliminated",
// but nothing is optimized away at -O0: make_unique is an out-of-line call that
// really allocates on the heap. Expected report: kept on heap (optimization disabled).
// RUN: %clangxx -O0 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
#include <memory>

struct W { int a[4]; };
__attribute__((noinline)) int rw(const W *w) { return w->a[0] + w->a[3]; } // expected-remark {{w does not escape}}

int mu() {
  auto p = std::make_unique<W>(); // expected-remark {{std::make_unique<W> does not escape; kept on heap: optimization disabled}}
  return rw(p.get());
}
