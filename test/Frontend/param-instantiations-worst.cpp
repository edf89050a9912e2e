// A parameter of a template has one line for all its instantiations: the
// worst of them, whatever their order in the module. Here keep<long> leaks
// p to the heap and keep<int> only to the result; the line used to read
// "to result" when the int instantiation came last.
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -fplugin-arg-escape-m -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | %FileCheck %s
// RUN: %clangxx -std=c++17 -O2 -DINT_FIRST -fplugin=%plugin -fplugin-arg-escape-m -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | %FileCheck %s

void *g;
// CHECK: param-instantiations-worst.cpp:[[@LINE+2]]:31: remark: leaking param: p{{$}}
// CHECK-NOT: param-instantiations-worst.cpp:[[@LINE+1]]:{{.*}}to result
template <class T> T *keep(T *p) {
  if constexpr (sizeof(T) > 4)
    g = p;
  return p;
}
#ifdef INT_FIRST
int *a(int *x) { return keep(x); }
long *b(long *y) { return keep(y); }
#else
long *b(long *y) { return keep(y); }
int *a(int *x) { return keep(x); }
#endif
