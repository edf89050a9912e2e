// An allocation in a statement that is never run gets no line: the discarded
// branch of `if constexpr` (in plain code, in a template instantiation, in a
// generic lambda's specialization) and the compile-time branch of
// `if consteval`. A branch that some instantiation keeps is reported once,
// spelled as written in the template.
// RUN: %clangxx -std=c++23 -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --implicit-check-not=remark:
int *keep;

long discarded_plain(int n) {
  // CHECK-NOT: discarded-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  if constexpr (sizeof(int) > 100) { keep = new int(n); }
  // CHECK-NOT: discarded-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  if consteval { return *new int(n); }
  else { keep = new int(n + 1); }
  // CHECK: discarded-new.cpp:[[@LINE-1]]:17: remark: new int escapes to heap: stored to global 'keep'
  return 0;
}

template <class T> long cc() {
  // CHECK-NOT: discarded-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  if constexpr (sizeof(T) > 100) { return *new T(); }
  else { T *p = new T(); long r = (long)*p; delete p; return r; }
  // CHECK: discarded-new.cpp:[[@LINE-1]]:17: remark: new T does not escape; eliminated
}
long use_cc() { return cc<int>(); }

template <class T> T *pick() {
  if constexpr (sizeof(T) > 4) return new T();
  // CHECK: discarded-new.cpp:[[@LINE-1]]:39: remark: new T escapes to heap: returned
  else return nullptr;
}
long *use_pick() { return pick<int>() ? nullptr : pick<long>(); }

long generic(int n) {
  auto f = [](auto x) -> long {
    if constexpr (sizeof(x) > 4) { keep = new int((int)x); return 1; }
    // CHECK: discarded-new.cpp:[[@LINE-1]]:43: remark: new int escapes to heap: stored to global 'keep'
    else { return x; }
  };
  auto g = [](auto x) -> long {
    // CHECK-NOT: discarded-new.cpp:[[@LINE+1]]:{{.*}}eliminated
    if constexpr (sizeof(x) > 4) { keep = new int((int)x); return 1; }
    else { return x; }
  };
  return f(n) + f((long)n) + g(n);
}
