// Allocations inside a system header's inline code, with every report
// output on: no crash, and a line only at the user's own code.
// RUN: %clangxx -std=c++17 -O2 -isystem %S/Inputs/sys -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// RUN: %clangxx -std=c++17 -O2 -isystem %S/Inputs/sys -fplugin=%plugin -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=%t.json -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -fsave-optimization-record -foptimization-record-file=%t.yaml -c %s -o %t.o
// RUN: %clangxx -std=c++17 -O0 -isystem %S/Inputs/sys -fplugin=%plugin -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=%t0.json -c %s -o %t0.o
// RUN: python3 -c "import json,sys; json.load(open(sys.argv[1])); json.load(open(sys.argv[2]))" %t.json %t0.json
#include <make-unique.h>

int f(int v) { return *mk(v); }
int fs(int v) { return *mks(v); } // expected-remark {{allocation in 'mks' does not escape; moved to stack}}
int ft(int v) { return *mkt(v); }

int *g;
void keep(int v) { g = mk(v).release(); } // expected-remark {{allocation in 'mk' escapes to heap: stored to global 'g'}}
