// Shapes real code has and our small tests did not: a coroutine, consteval
// and constexpr new, a lambda in a default argument, a macro that expands to
// new, a local class, a variadic function, a dangling lambda capture. Every
// report output, at every -O level, without a crash.
// RUN: for O in -O0 -O1 -O2 -O3; do %clangxx -std=c++20 $O -fplugin=%plugin -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=%t$O.json -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -fsave-optimization-record -foptimization-record-file=%t$O.yaml -c %s -o %t.o 2> %t$O.err || exit 1; python3 -c "import json,sys; json.load(open(sys.argv[1]))" %t$O.json || exit 1; done
// RUN: %FileCheck %s < %t-O2.err
#include <coroutine>
#include <cstdlib>
#include <functional>
#include <memory>

struct Gen {
  struct promise_type {
    int v = 0;
    Gen get_return_object() { return Gen{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int x) { v = x; return {}; }
    void return_void() {}
    void unhandled_exception() { std::abort(); }
  };
  std::coroutine_handle<promise_type> h;
  ~Gen() { if (h) h.destroy(); }
};
Gen counter(int n) { auto p = std::make_unique<int>(n); for (int i = 0; i < *p; ++i) co_yield i; }
consteval int ce() { int *p = new int(4); int r = *p; delete p; return r; }
constexpr int cx(int n) { int *p = new int(n); int r = *p; delete p; return r; }
int usece() { return ce() + cx(3); }
// CHECK: real-code-shapes.cpp:[[@LINE-2]]:36: remark: new int does not escape; eliminated
int withdef(std::function<int(int)> f = [](int x) { auto q = new int(x); int r = *q; delete q; return r; }) { return f(2); }
int calldef() { return withdef(); }
#define MKNEW(T) new T
int *mac() { return MKNEW(int); }
// CHECK: real-code-shapes.cpp:[[@LINE-1]]:21: remark: new int escapes to heap: returned
struct Local { static int *make() { struct In { int *m() { return new int(1); } }; return In{}.m(); } };
// CHECK: real-code-shapes.cpp:[[@LINE-1]]:67: remark: new int escapes to heap: returned
int *lm() { return Local::make(); }
void *va(int n, ...) { return malloc(n); }
// CHECK: real-code-shapes.cpp:[[@LINE-1]]:31: remark: malloc(n) escapes to heap: returned
auto lam() { int y = 2; return [&] { return y; }; }
// CHECK: real-code-shapes.cpp:[[@LINE-1]]:45: warning: address of local 'y' escapes: captured by reference in an escaping lambda (returned)
