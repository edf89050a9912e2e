// One source site, three inlined copies: two are moved to the stack, one
// escapes. The line gives the worst verdict and counts the moved copies;
// the pattern's spelling (`new T`) names the site once.
// RUN: %clangxx -O2 -I %S/Inputs -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s
// RUN: %clangxx -O2 -I %S/Inputs -fplugin=%plugin -fplugin-arg-escape-json=%t.json -c %s -o %t.o
// RUN: python3 -c "import json,sys; e=[x for x in json.load(open(sys.argv[1]))['entries'] if x['kind']=='site']; assert [(x['what'], x['copies'], x['moved_copies'], x['moved']) for x in e]==[('new T', 3, 2, False)], e" %t.json
#include "box.h"
__attribute__((noinline)) int use(const int *p) { return *p; }
int *g;
int a(int v) { Box<int> b(v); return use(b.p); }
int c(int v) { Box<int> b(v); return use(b.p) + 1; }
void d(int v) { Box<int> b(v); g = b.release(); }
// CHECK: box.h:4:16: remark: new T escapes to heap: stored to global 'g'; moved to stack in 2 of 3 inlined copies
// CHECK-NOT: box.h:4:16
