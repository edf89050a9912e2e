// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-max-clone-instructions=0 -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=NOCOPY
// Objects handed to a function that frees them (ownership transfer) move to
// the stack when nothing else keeps them: the call goes to a copy of the
// callee without its delete/free. A callee that also publishes the object,
// or frees it with the wrong deallocator, keeps it on the heap.
#include <cstdlib>
#include <memory>

struct Widget {
  int a[4];
  explicit Widget(int v) : a{v, 0, 0, v * 2} {} // expected-remark {{this does not escape}}
};

__attribute__((noinline)) int use(const Widget *w) { return w->a[0] + w->a[3]; } // expected-remark {{w does not escape}}
__attribute__((noinline)) int consume(Widget *w) { // expected-remark {{w does not escape}}
  int r = use(w);
  delete w;
  return r;
}
__attribute__((noinline)) int sink_reset(std::unique_ptr<Widget> p) {
  int r = use(p.get());
  p.reset();
  return r;
}
__attribute__((noinline)) void release(int *n) { std::free(n); } // expected-remark {{n does not escape}}

Widget *kept;
__attribute__((noinline)) int stash(Widget *w) { // expected-remark {{leaking param: w}}
  kept = w;
  return use(w);
}
__attribute__((noinline)) void wrong(int *n) { delete n; } // expected-remark {{n does not escape}}

int handed_over(int v) { return consume(new Widget(v)); } // expected-remark {{new Widget does not escape; moved to stack}}
int unique_handed_over(int v) {
  return sink_reset(std::make_unique<Widget>(v)); // expected-remark {{std::make_unique<Widget> does not escape; moved to stack}}
}
int malloc_handed_over(int v) {
  int *n = (int *)std::malloc(sizeof(int)); // expected-remark {{malloc(sizeof(int)) does not escape; moved to stack}}
  *n = v;
  int r = *n;
  release(n);
  return r;
}
int published(int v) { return stash(new Widget(v)); } // expected-remark {{new Widget escapes to heap: passed to 'stash' which leaks it}}
int mismatched(int v) {
  int *n = (int *)std::malloc(sizeof(int)); // expected-remark {{malloc(sizeof(int)) does not escape; kept on heap: mismatched free ('wrong')}}
  *n = v;
  wrong(n);
  return v;
}

// NOCOPY: ownership-transfer.cpp:35:41: remark: new Widget does not escape; kept on heap: may be freed inside 'consume'
