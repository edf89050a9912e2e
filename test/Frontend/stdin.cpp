// Source read from standard input is user code: its sites are reported.
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -x c++ -c - -o %t.o < %s 2>&1 | %FileCheck %s
int *f() { int *p = new int(3); return p; }
// CHECK: <stdin>:[[@LINE-1]]:21: remark: new int escapes to heap: returned
