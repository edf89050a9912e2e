// An allocation in an operand that is never evaluated (sizeof, alignof,
// noexcept, decltype, typeof, typeid of a non-polymorphic object, a
// requires-expression) or that only the compiler evaluates (a constexpr
// initializer, static_assert, an array bound) gets no line: it never runs.
// Operands that are evaluated keep their verdicts: typeid of a polymorphic
// object, sizeof of a variable-length array, the body of a lambda whose type
// decltype names.
// RUN: %clangxx -std=c++20 -O2 -fplugin=%plugin -fplugin-arg-escape-m -Wno-unevaluated-expression -Wno-vla-cxx-extension -c %s -o %t.o 2>&1 | %FileCheck %s --implicit-check-not=remark:
#include <typeinfo>

struct NP { int a; };
struct Poly { virtual int f() { return 1; } };
// CHECK: unevaluated-new.cpp:[[@LINE-1]]:27: remark: this does not escape
int *keep;

long unevaluated(int n) {
  // CHECK-NOT: unevaluated-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  long s = sizeof(new int);
  // CHECK-NOT: unevaluated-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  s += noexcept(new int);
  // CHECK-NOT: unevaluated-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  s += alignof(decltype(*new int));
  // CHECK-NOT: unevaluated-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  s += __alignof__(new int);
  // CHECK-NOT: unevaluated-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  decltype(new int) p = nullptr;
  // CHECK-NOT: unevaluated-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  __typeof__(new int) q = nullptr;
  // CHECK-NOT: unevaluated-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  s += typeid(*new NP).name()[0];
  // CHECK-NOT: unevaluated-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  s += requires { new int; };
  keep = new int(n);
  // CHECK: unevaluated-new.cpp:[[@LINE-1]]:10: remark: new int escapes to heap: stored to global 'keep'
  return s + (p != q);
}

long polymorphic() { return typeid(*new Poly).name()[0]; }
// CHECK: unevaluated-new.cpp:[[@LINE-1]]:37: remark: new Poly does not escape; eliminated

long vla(int n) {
  char v[n];
  v[0] = 1;
  return sizeof((keep = new int(n), v));
  // CHECK: unevaluated-new.cpp:[[@LINE-1]]:25: remark: new int escapes to heap: stored to global 'keep'
}
long vla_type(int n) { return sizeof(char[*(keep = new int(n))]); }
// CHECK: unevaluated-new.cpp:[[@LINE-1]]:52: remark: new int escapes to heap: stored to global 'keep'

using L = decltype([] { return new int(7); });
int *from_lambda_type() { return L{}(); }
// CHECK: unevaluated-new.cpp:[[@LINE-2]]:32: remark: new int escapes to heap: returned

long constant_evaluated() {
  // CHECK-NOT: unevaluated-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  constexpr int k = (delete new int(3), 4);
  // CHECK-NOT: unevaluated-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  static_assert((delete new int, true));
  // CHECK-NOT: unevaluated-new.cpp:[[@LINE+1]]:{{.*}}eliminated
  int arr[(delete new int, 2)] = {1, 2};
  return k + arr[1];
}
