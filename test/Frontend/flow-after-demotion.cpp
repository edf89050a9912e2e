// An object freed before return whose address escapes (converted to an
// integer and returned): the rewrite erases the call and the delete its flow
// path points to, so the report must take the path's positions first.
// MALLOC_PERTURB_ makes a read of freed memory fail every time.
// RUN: env MALLOC_PERTURB_=165 %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=%t.json -c %s -o %t.o 2>&1 | %FileCheck %s
#include <cstdint>
long f(long v) {
  long *p = new long(v);
  long r = (long)(std::uintptr_t)p;
  delete p;
  return r;
}
// CHECK: flow-after-demotion.cpp:8:13: remark: new long freed on every path before return; moved to stack (address converted to integer (returned))
// CHECK: note: flow: ~r0 = &{storage for new long}:
