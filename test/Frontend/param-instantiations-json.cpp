// A parameter of a template: one line for all its instantiations, the worst
// one. When a later instantiation leaks, the JSON entry takes its verdict and
// reason too, not only its message (the verdict used to read
// "leaking param: p", the reason "").
// RUN: rm -f %t.json
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -fplugin-arg-escape-m -fplugin-arg-escape-json=%t.json -c %s -o /dev/null 2>&1 | %FileCheck %s --check-prefix=REMARK
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); e=[x for x in d['entries'] if x['kind']=='param' and x['what']=='p']; assert len(e)==1, e; x=e[0]; assert (x['line'],x['verdict'],x['reason'],x['message'])==(12,'leaks',\"stored to global 'g'\",'leaking param: p'), x" %t.json

void *g;
// REMARK: param-instantiations-json.cpp:[[@LINE+2]]:33: remark: leaking param: p
// REMARK-NOT: remark: p does not escape
template <class T> void keep(T *p) {
  if constexpr (sizeof(T) > 4)
    g = p;
}
void a(int *x) { keep(x); }
void b(long *y) { keep(y); }
