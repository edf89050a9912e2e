// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m=2 -c %s -o %t.o 2>&1 | %FileCheck %s
// -m=2 explains escapes with a flow path.

struct W { int a[4]; };
W *g;

void glob() {
  W *w = new W;
  g = w;
}
// CHECK: m2-flow.cpp:8:10: remark: new W escapes to heap: stored to global 'g'
// CHECK: m2-flow.cpp:8:10: note: flow: {heap} = &{storage for new W}:
// CHECK: note:   from {{.*}} (escape) at {{.*}}m2-flow.cpp:9:5
// CHECK: note:   from {{.*}} (address-of) at {{.*}}m2-flow.cpp:8:10
