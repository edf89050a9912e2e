// RUN: %clangxx -std=c++20 -O2 %s -o %t.plain
// RUN: %clangxx -std=c++20 -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %clangxx -std=c++20 -O2 -fplugin=%plugin -fsanitize=address %s -o %t.asan
// RUN: %t.plain 5 > %t.plain.out
// RUN: %t.esc 5 > %t.esc.out
// RUN: %t.asan 5 > %t.asan.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: %FileCheck %s < %t.esc.out
// RUN: %clangxx -std=c++20 -O0 -fplugin=%plugin -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=%t.json -c %s -o %t.o
// RUN: %clangxx -std=c++20 -O2 -fplugin=%plugin -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=%t.json -c %s -o %t.o
// A generator coroutine allocates inside its body; the object lives across
// suspension points in the coroutine frame. Two generators are live at once,
// one resumed from another function, so their frames are not elided.
#include <coroutine>
#include <cstdio>
#include <cstdlib>
#include <memory>

struct Gen {
  struct promise_type {
    int v = 0;
    Gen get_return_object() {
      return Gen{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int x) { v = x; return {}; }
    void return_void() {}
    void unhandled_exception() { std::abort(); }
  };
  std::coroutine_handle<promise_type> h;
  Gen(Gen &&o) : h(o.h) { o.h = nullptr; }
  explicit Gen(std::coroutine_handle<promise_type> h) : h(h) {}
  ~Gen() { if (h) h.destroy(); }
  bool next() { h.resume(); return !h.done(); }
};

Gen counter(int n, int step) {
  auto p = std::make_unique<int>(n);
  int *scratch = new int[4]{1, 2, 3, 4};
  for (int i = 0; i < *p; ++i)
    co_yield i * step + scratch[i & 3];
  delete[] scratch;
}

__attribute__((noinline)) int drain(Gen &a, Gen &b) {
  int s = 0;
  while (a.next()) {
    s = s * 3 + a.h.promise().v;
    if (b.next())
      s += b.h.promise().v;
  }
  return s;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 3;
  Gen a = counter(n, 2), b = counter(n + 1, 5);
  std::printf("drained %d\n", drain(a, b));
}
// CHECK: drained
