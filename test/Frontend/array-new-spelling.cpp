// An array new is spelled as written: the bound the new counts first, then
// the allocated type's own bounds (`new char[n][4]`, not `new char[4][n]`),
// and `[]` for a bound taken from the initializer (`new int[]{1, 2, 3}` is
// `new int[]`, not `new int[int]`); an array typedef keeps its name; the
// bound of an array of pointers to arrays is inside the declarator.
// RUN: %clangxx -std=c++20 -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --implicit-check-not=remark:
#define BUF 8
typedef char Row[4];
int *ints;
char (*rows)[4];
char (*bufs)[BUF];
char *chars;
int (**ptrs)[4];

void spell(int n) {
  // CHECK-NOT: new int[int]
  ints = new int[]{1, 2, 3};
  // CHECK: array-new-spelling.cpp:[[@LINE-1]]:10: remark: new int[] escapes to heap: stored to global 'ints'
  // CHECK-NOT: new char[4][n]
  rows = new char[n][4];
  // CHECK: array-new-spelling.cpp:[[@LINE-1]]:10: remark: new char[n][4] escapes to heap: stored to global 'rows'
  bufs = new char[n + 1][BUF];
  // CHECK: array-new-spelling.cpp:[[@LINE-1]]:10: remark: new char[n + 1][BUF] escapes to heap: stored to global 'bufs'
  rows = new Row[n];
  // CHECK: array-new-spelling.cpp:[[@LINE-1]]:10: remark: new Row[n] escapes to heap: stored to global 'rows'
  // CHECK-NOT: new char[Row]
  chars = new Row;
  // CHECK: array-new-spelling.cpp:[[@LINE-1]]:11: remark: new Row escapes to heap: stored to global 'chars'
  ints = new int[3]{1, 2, 3};
  // CHECK: array-new-spelling.cpp:[[@LINE-1]]:10: remark: new int[3] escapes to heap: stored to global 'ints'
  // CHECK-NOT: new int (*)[4][3]
  ptrs = new (int (*[3])[4]);
  // CHECK: array-new-spelling.cpp:[[@LINE-1]]:10: remark: new int (*[3])[4] escapes to heap: stored to global 'ptrs'
}

long local(int n) {
  // CHECK-NOT: new long[long]
  long *a = new long[]{1, 2, 3};
  // CHECK: array-new-spelling.cpp:[[@LINE-1]]:13: remark: new long[] does not escape; eliminated
  long s = a[0] + a[2];
  delete[] a;
  return s;
}
