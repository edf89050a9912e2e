// Sites in an imported C++20 module's inline functions have their verdicts
// at the module's lines (not "eliminated" there, nor "allocation in 'F'" at
// the calls). Names attached to the module read as written: 'mkeep', not
// the demangler's 'mkeep@sites'.
// RUN: %clangxx -std=c++20 -O2 --precompile %S/Inputs/module-sites.cppm -o %t.pcm
// RUN: %clangxx -std=c++20 -O2 -fplugin=%plugin -fplugin-arg-escape-m -fmodule-file=sites=%t.pcm -c %s -o %t.o 2>&1 | %FileCheck %s --implicit-check-not=remark:
import sites;

int *use(int n) { mstore(n); return mleak(n) + mlocal(n); }
// CHECK-NOT: module-sites.cppm:{{5|6}}:{{.*}} does not escape; eliminated
// CHECK: Inputs/module-sites.cppm:5:42: remark: new int escapes to heap: returned
// CHECK: Inputs/module-sites.cppm:6:44: remark: new int escapes to heap: stored to global 'mkeep'
// CHECK: Inputs/module-sites.cppm:7:44: remark: new int does not escape; eliminated
// CHECK-NOT: allocation in 'mstore'
// CHECK-NOT: allocation in 'mleak'
