// RUN: %clangxx -O2 %s -o %t.plain
// RUN: %clangxx -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %clangxx -O2 -fplugin=%plugin -fsanitize=address %s -o %t.asan
// RUN: %t.plain > %t.plain.out
// RUN: %t.esc > %t.esc.out
// RUN: %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: %FileCheck %s < %t.esc.out
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=REPORT
// Polymorphic objects created and used through a base pointer within one function.
#include <cstdio>

struct Shape {
  virtual ~Shape() {}
  virtual int area() const = 0;
};
struct Rect : Shape {
  int w, h;
  Rect(int w, int h) : w(w), h(h) {}
  int area() const override { return w * h; }
};
struct Square : Shape {
  int s;
  explicit Square(int s) : s(s) {}
  int area() const override { return s * s; }
};

__attribute__((noinline)) int area_of(const Shape *s) { return s->area(); }

__attribute__((noinline)) int total(int k) {
  Shape *a = new Rect(k, k + 1);
  Shape *b = new Square(k + 2);
  int r = area_of(a) + area_of(b);
  delete a;
  delete b;
  return r;
}

int main() {
  for (int k = 1; k <= 3; k++)
    printf("total %d = %d\n", k, total(k));
  return 0;
}
// CHECK: total 1 = 11
// CHECK: total 2 = 22
// CHECK: total 3 = 37
// REPORT-DAG: polymorphic.cpp:32:14: remark: new Rect escapes to heap: passed to 'area_of' which leaks it
// REPORT-DAG: polymorphic.cpp:33:14: remark: new Square escapes to heap: passed to 'area_of' which leaks it
