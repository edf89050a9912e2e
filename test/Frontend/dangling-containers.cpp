// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// RUN: %clangxx -O2 -fplugin=%plugin -c %s -o %t.o -Xclang -verify=plain
// plain-no-diagnostics
// A local's address added to a container the caller owns (push_back,
// emplace_back, insert; the container passed by reference or as a member of
// a struct passed by reference) dangles once the function returns: warned at
// the address, with the library function named. Adding the value a local
// holds, or the local's address to a container that dies with the frame, is
// not warned about.
#include <vector>

struct Holder {
  int n;
  std::vector<int *> v;
};

void collect(std::vector<int *> &out) { // expected-remark {{leaking param content: out}}
  int local = 1;
  out.push_back(&local); // expected-remark {{allocation in 'push_back' escapes to heap: stored through parameter 'out'}} expected-warning {{address of local 'local' escapes: passed to 'std::vector<int*, std::allocator<int*>>::push_back' which leaks it}}
}

// The vector's growth copies what it held into its new buffer, which stays
// the caller's (FunctionSummary::FreshContents): nothing of out leaks.
void copy_value(std::vector<int> &out) { // expected-remark {{out does not escape}}
  int local = 1;
  out.push_back(local); // expected-remark {{allocation in 'push_back' escapes to heap: stored through parameter 'out'}}
}

void emplaced(std::vector<int *> &out) { // expected-remark {{leaking param content: out}}
  int local = 1;
  out.emplace_back(&local); // expected-remark {{allocation in 'emplace_back<int *>' escapes to heap: stored through parameter 'out'}} expected-warning {{address of local 'local' escapes: passed to 'std::vector<int*, std::allocator<int*>>::emplace_back<int*>' which leaks it}}
}

void inserted(std::vector<int *> &out) { // expected-remark {{leaking param content: out}}
  int local = 1;
  out.insert(out.end(), &local); // expected-remark {{allocation in 'insert' escapes to heap: stored through parameter 'out'}} expected-warning {{address of local 'local' escapes: passed to 'std::vector<int*, std::allocator<int*>>::insert' which leaks it}}
}

void member(Holder &h) { // expected-remark {{leaking param content: h}}
  int local = 1;
  h.v.push_back(&local); // expected-remark {{allocation in 'push_back' escapes to heap: stored through parameter 'h'}} expected-warning {{address of local 'local' escapes: passed to 'std::vector<int*, std::allocator<int*>>::push_back' which leaks it}}
}

void through_pointer_variable(std::vector<int *> &out) { // expected-remark {{leaking param content: out}}
  int local = 1;
  int *p = &local; // expected-warning {{address of local 'local' escapes: passed to 'std::vector<int*, std::allocator<int*>>::push_back' which leaks it}}
  out.push_back(p); // expected-remark {{allocation in 'push_back' escapes to heap: stored through parameter 'out'}}
}

int local_vector() {
  int local = 1;
  std::vector<int *> v;
  v.push_back(&local);
  return *v[0];
}

// The address stays in the buffer after clear(), and the analysis does not
// follow statement order through the library: still warned.
void cleared(std::vector<int *> &out) { // expected-remark {{leaking param content: out}}
  int local = 1;
  out.push_back(&local); // expected-remark {{allocation in 'push_back' escapes to heap: stored through parameter 'out'}} expected-warning {{address of local 'local' escapes: passed to 'std::vector<int*, std::allocator<int*>>::push_back' which leaks it}}
  out.clear();
}

void copy_pointer_value(std::vector<int *> &out, int **pp) { // expected-remark {{out does not escape}} expected-remark {{leaking param content: pp}}
  int *q = *pp;
  out.push_back(q); // expected-remark {{allocation in 'push_back' escapes to heap: stored through parameter 'out'}}
}

void heap_pointer(std::vector<int *> &out) { // expected-remark {{leaking param content: out}}
  int *p = new int(1); // expected-remark {{new int escapes to heap: stored through parameter 'out'}}
  out.push_back(p); // expected-remark {{allocation in 'push_back' escapes to heap: stored through parameter 'out'}}
}
