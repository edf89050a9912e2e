// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// A local's address handed to a function that stores it into a global, or
// into the memory of an argument that is the caller's own parameter, dangles
// once the caller returns: warned at the address, with the callee named.
// Handed to the same function with the caller's own local as destination, or
// to one that copies the value, it does not.
struct Reg {
  int *slot;
};
int *gslot;

__attribute__((noinline)) void put(Reg *r, int *p) { r->slot = p; } // expected-remark {{r does not escape}} expected-remark {{leaking param: p to *r}}
__attribute__((noinline)) void keep(int *p) { gslot = p; } // expected-remark {{leaking param: p}}
__attribute__((noinline)) void keep_via(int *p) { keep(p); } // expected-remark {{leaking param: p}}
__attribute__((noinline)) void copy(Reg *r, const int *p) { *r->slot = *p; } // expected-remark {{r does not escape}} expected-remark {{p does not escape}}

void into_callers_reg(Reg *r) { // expected-remark {{r does not escape}}
  int local = 3;
  put(r, &local); // expected-warning {{address of local 'local' escapes: stored through parameter 'r'}}
}

void into_global() {
  int local = 3;
  keep(&local); // expected-warning {{address of local 'local' escapes: passed to 'keep' which leaks it}}
}

void into_global_two_levels() {
  int local = 3;
  keep_via(&local); // expected-warning {{address of local 'local' escapes: passed to 'keep_via' which leaks it}}
}

int into_own_reg() {
  Reg r;
  int local = 3;
  put(&r, &local);
  return *r.slot;
}

void copied(Reg *r) { // expected-remark {{r does not escape}}
  int local = 3;
  copy(r, &local);
}

// Stored one level down, into what the argument's object points to: no
// caller can replay that, the summary says where it goes instead.
struct Node {
  Reg *reg;
};
__attribute__((noinline)) void put_deep(Node *n, int *p) { n->reg->slot = p; } // expected-remark {{n does not escape}} expected-remark {{leaking param: p}}

void deep_into_callers(Node *n) { // expected-remark {{n does not escape}}
  int local = 3;
  put_deep(n, &local); // expected-warning {{address of local 'local' escapes: passed to 'put_deep' which leaks it}}
}

int deep_into_own() {
  Reg r;
  Node n{&r};
  int local = 3;
  put_deep(&n, &local);
  return *r.slot;
}

// Where the callee sends the address must not depend on the caller: a
// callee that publishes it only until it returns, or that keeps it on one
// branch and hands it to code the analysis cannot see on the other, is no
// certain destination.
void sink(int *);
int body(Node *n);
int **where();

__attribute__((noinline)) int with_restored(Node *n, int *p) { // expected-remark {{leaking param: n}} expected-remark {{leaking param: p}}
  Reg *r = n->reg;
  int *old = r->slot;
  r->slot = p;
  int v = body(n);
  r->slot = old;
  return v;
}

int restored_by_callee(Node *n) { // expected-remark {{leaking param: n}}
  int local = 3;
  return with_restored(n, &local);
}

__attribute__((noinline)) void keep_or_hide(int *p, bool c) { // expected-remark {{leaking param: p}}
  if (c)
    keep(p);
  else
    *where() = p;
}

void hidden_by_caller() {
  int local = 3;
  keep_or_hide(&local, false);
}

// A route that certainly outlives the frame is warned about beside one to
// unknown code, in either order.
void also_sunk(Reg *r) { // expected-remark {{r does not escape}}
  int local = 3;
  sink(&local);
  put(r, &local); // expected-warning {{address of local 'local' escapes: stored through parameter 'r'}}
}

void sunk_after(Reg *r) { // expected-remark {{r does not escape}}
  int local = 3;
  put(r, &local); // expected-warning {{address of local 'local' escapes: stored through parameter 'r'}}
  sink(&local);
}
