// A cause that names a parameter gives its source name, whatever hidden
// arguments the IR has: an sret argument (a struct returned by value),
// `this`, both, and a variadic function.
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// RUN: %clangxx -O0 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
struct Big { int a[16]; };

Big named(int **out, int *unused) { // expected-remark {{out does not escape}} expected-remark {{unused does not escape}}
  int *p = new int(3); // expected-remark {{new int escapes to heap: stored through parameter 'out'}}
  *out = p;
  return Big{};
}

void plain(int **out, int *unused) { // expected-remark {{out does not escape}} expected-remark {{unused does not escape}}
  int *p = new int(3); // expected-remark {{new int escapes to heap: stored through parameter 'out'}}
  *out = p;
}

struct S {
  int *slot;
  void keep(int *unused, int v);
  Big keepBig(int *unused, int v);
};
void S::keep(int *unused, int v) { // expected-remark {{this does not escape}} expected-remark {{unused does not escape}}
  slot = new int(v); // expected-remark {{new int escapes to heap: stored through parameter 'this'}}
}
Big S::keepBig(int *unused, int v) { // expected-remark {{this does not escape}} expected-remark {{unused does not escape}}
  slot = new int(v); // expected-remark {{new int escapes to heap: stored through parameter 'this'}}
  return Big{};
}

void va(int **out, ...) { // expected-remark {{out does not escape}}
  *out = new int(1); // expected-remark {{new int escapes to heap: stored through parameter 'out'}}
}
