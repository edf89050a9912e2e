// Sites in a header read from a precompiled header or a module have the
// verdicts they have when the header is included as text, at the header's
// lines: not "eliminated" there, nor "allocation in 'F'" at the calls.
// RUN: rm -rf %t.cache
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -I %S/Inputs/pch-sites -c %s -o %t.o 2>&1 | %FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clangxx -O2 -x c++-header %S/Inputs/pch-sites/sites.h -o %t.pch
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -I %S/Inputs/pch-sites -include-pch %t.pch -c %s -o %t.o 2>&1 | %FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clangxx -O2 -fmodules -fimplicit-module-maps -fmodules-cache-path=%t.cache -fplugin=%plugin -fplugin-arg-escape-m -I %S/Inputs/pch-sites -c %s -o %t.o 2>&1 | %FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
#include "sites.h"

std::vector<int> g;
int *use(int n) { store(n); grow(g, n); int *d = dangle(); return leak(n) + local(n) + first(d); }
// CHECK-NOT: sites.h:{{4|5}}:{{.*}} does not escape; eliminated
// CHECK: Inputs/pch-sites/sites.h:4:34: remark: new int escapes to heap: returned
// CHECK: Inputs/pch-sites/sites.h:5:36: remark: new int escapes to heap: stored to global 'hkeep'
// CHECK: Inputs/pch-sites/sites.h:6:36: remark: new int does not escape; eliminated
// CHECK: Inputs/pch-sites/sites.h:7:29: remark: p does not escape
// CHECK: Inputs/pch-sites/sites.h:8:44: warning: address of local 'x' escapes: returned
// CHECK: Inputs/pch-sites/sites.h:10:36: remark: v does not escape
// CHECK: Inputs/pch-sites/sites.h:11:5: remark: allocation in 'push_back' escapes to heap: stored to global 'g'
// CHECK-NOT: allocation in 'store'
// CHECK-NOT: allocation in 'grow'
// CHECK-NOT: allocation in 'leak'
