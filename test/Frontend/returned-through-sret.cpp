// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m=2 -c %s -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=remark:
// An object stored into the result a function returns in memory (the hidden
// sret argument: a std::unique_ptr, a struct) is returned; the sret argument
// is no source parameter, so no parameter is named for it.
#include <memory>

struct Shape {
  int sides;
  double length[8];
};

std::unique_ptr<Shape> make_shape(int sides, double size) {
  auto s = std::make_unique<Shape>();
  s->sides = sides;
  for (int k = 0; k < sides; ++k)
    s->length[k] = size + k;
  return s;
}
// CHECK: returned-through-sret.cpp:13:12: remark: std::make_unique<Shape> escapes to heap: returned
// CHECK: note: flow: ~r0 = &{storage for std::make_unique<Shape>}:

struct Pair {
  int *first;
  long pad[4];
};

Pair make_pair_of(int v) { return Pair{new int(v), {}}; }
// CHECK: returned-through-sret.cpp:27:40: remark: new int escapes to heap: returned
