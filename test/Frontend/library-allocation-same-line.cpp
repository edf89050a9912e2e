// An allocation inlined from library code (a std::vector temporary) and a
// `new` the user wrote, on one line: the library's allocation is reported
// at its call, and never gives its verdict to the user's `new`. (The
// vector's "moved to stack when at most 256 bytes" used to be printed for
// the `new long`.)
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -fplugin-arg-escape-m -fno-color-diagnostics -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | %FileCheck %s
#include <vector>

long g(int n) { long *p = new long(n); long r = *p + (long)std::vector<int>(n).size(); delete p; return r; }
// CHECK: library-allocation-same-line.cpp:[[@LINE-1]]:27: remark: new long does not escape; eliminated
// CHECK-NEXT: library-allocation-same-line.cpp:[[@LINE-2]]:60: remark: allocation in 'vector' freed on every path before return; moved to stack when at most 256 bytes; larger sizes stay on the heap
// CHECK-NOT: remark: new long {{.*}}256 bytes
