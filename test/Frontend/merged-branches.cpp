// The same `new T` in both branches of an if is one call after SimplifyCFG,
// at a merged position (line 0): both source sites take its verdict, and
// neither is reported as eliminated.
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
struct T { int a, b; T(int x) : a(x), b(x) {} }; // expected-remark {{this does not escape}}
T *pick(bool c, int x) {
  T *t;
  if (c)
    t = new T(x); // expected-remark {{new T escapes to heap: returned}}
  else
    t = new T(x); // expected-remark {{new T escapes to heap: returned}}
  return t;
}
