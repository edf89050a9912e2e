// RUN: rm -f %t.json
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-json=%t.json -c %s -o %t.o
// RUN: %FileCheck %s < %t.json
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['version']==1; e=[x for x in d['entries'] if x['kind']=='site']; assert len(e)==2, e; v=sorted((x['line'],x['verdict'],x['moved']) for x in e); assert v==[(11,'escapes',False),(14,'does not escape',True)], v" %t.json

struct W { int a[4]; };
W *g;
__attribute__((noinline)) int rw(const W *w) { return w->a[0]; }

void glob() {
  g = new W;
}
int local() {
  W *w = new W();
  int r = rw(w);
  delete w;
  return r;
}
// CHECK-DAG: "message": "new W escapes to heap: stored to global 'g'"
// CHECK-DAG: "reason": "stored to global 'g'"
// CHECK-DAG: "function": "glob"
// CHECK-DAG: "message": "new W does not escape; moved to stack"
// CHECK: "version": 1
