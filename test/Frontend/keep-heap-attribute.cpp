// [[escape::keep_heap]] is a real attribute: it keeps the function's allocations on
// the heap, like the annotate spelling. Both plugin attributes apply to functions
// only.
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -fplugin-arg-escape-m -Xclang -verify -c %s -o %t.o
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s
// CHECK-LABEL: define {{.*}} @_Z4keepi(
// CHECK: call {{.*}} @_Znwm(
// CHECK-LABEL: define {{.*}} @_Z4freei(
// CHECK-NOT: call {{.*}} @_Znwm(
// CHECK: ret

__attribute__((noinline)) int rd(const int *p) { return *p; } // expected-remark {{p does not escape}}
[[escape::keep_heap]] int keep(int n) {
  int *p = new int(n); // expected-remark {{new int does not escape; kept on heap: demotion disabled for this function}}
  int r = rd(p);
  delete p;
  return r;
}
int free(int n) {
  int *p = new int(n); // expected-remark {{new int does not escape; moved to stack}}
  int r = rd(p);
  delete p;
  return r;
}
[[escape::noheap]] int v; // expected-warning {{'noheap' attribute only applies to functions}}
