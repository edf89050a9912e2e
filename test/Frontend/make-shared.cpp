// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// A std::make_shared whose last reference dies in the function moves to the
// stack: the control block's type is known where it is made, so its virtual
// _M_dispose/_M_destroy calls (and the out-of-line last-use path that makes
// them) become direct calls, and _M_destroy's deallocation is handed over.
// A shared_ptr that is copied out of the function keeps it on the heap.
#include <memory>
#include <vector>

struct Widget {
  long a[4];
  explicit Widget(long v) : a{v, 1, 2, v} {} // expected-remark {{this does not escape}}
};

__attribute__((noinline)) long use(const Widget *w) { return w->a[0] + w->a[3]; } // expected-remark {{w does not escape}}

std::shared_ptr<Widget> kept;
std::vector<std::shared_ptr<Widget>> all;

long local(long v) {
  auto p = std::make_shared<Widget>(v); // expected-remark {{std::make_shared<Widget> does not escape; moved to stack}}
  return use(p.get());
}

long localWithWeak(long v) {
  auto p = std::make_shared<Widget>(v); // expected-remark {{std::make_shared<Widget> does not escape; moved to stack}}
  std::weak_ptr<Widget> w = p;
  long r = use(p.get());
  p.reset();
  return r + w.expired();
}

long published(long v) {
  auto p = std::make_shared<Widget>(v); // expected-remark {{std::make_shared<Widget> escapes to heap: passed to an indirect call}}
  kept = p;
  return use(p.get());
}

long stored(long v) {
  auto p = std::make_shared<Widget>(v); // expected-remark {{std::make_shared<Widget> escapes to heap: stored through unknown pointer}}
  all.push_back(p); // expected-remark {{allocation in 'push_back' escapes to heap: stored to global 'all'}}
  return use(p.get());
}
