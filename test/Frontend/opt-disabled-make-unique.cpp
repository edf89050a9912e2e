// At -O0 std::make_unique is an out-of-line call: its allocation is seen at
// the call (an allocating call), and ~unique_ptr, also out of line, frees it
// through the unique_ptr's content. Freeing is not escaping, so the report
// reads "does not escape" with the -O0 reason, not "passed to '~unique_ptr'".
// RUN: %clangxx -O0 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
#include <memory>

struct W { int a[4]; };
__attribute__((noinline)) int rw(const W *w) { return w->a[0] + w->a[3]; } // expected-remark {{w does not escape}}

int mu() {
  auto p = std::make_unique<W>(); // expected-remark {{std::make_unique<W> does not escape; kept on heap: optimization disabled}}
  return rw(p.get());
}
