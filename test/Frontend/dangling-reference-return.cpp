// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// A function returning a reference to its own local returns the local's
// address: warned at the returned name, like `return &x`. Returning by value,
// a copy, a parameter or a global is not dangling. Clang's own warning for the same
// return is in the same -W group as ours (-Wreturn-stack-address).
struct B { int v; };
struct D : B { int w; };

const int &ref_local() { int x = 8; return x; } // expected-warning {{address of local 'x' escapes: returned}} expected-warning {{reference to stack memory associated with local variable 'x' returned}}
const B &ref_base() { D d{}; return d; }         // expected-warning {{address of local 'd' escapes: returned}} expected-warning {{reference to stack memory associated with local variable 'd' returned}}
int &ref_param(int &p) { return p; }            // expected-remark {{leaking param: p to result}}
int by_value() { int x = 8; return x; }
B copy_out() { B b{3}; return b; }
static int g;
int &ref_global() { return g; }
