// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// A local's address published into the caller's memory or a global for the
// duration of a call, then put back on every path to a return, does not
// dangle: no warning. Publishing without the restore, or restoring on some
// paths only, still warns. A heap object published the same way escapes
// while the call runs and stays on the heap.
#include <csetjmp>

struct JumpBuf {
  std::jmp_buf b;
  int status;
  JumpBuf *previous;
};
struct State {
  JumpBuf *errorJmp;
  int top;
};

int protect(State *L, int (*body)(State *)) { // expected-remark {{leaking param: L}} expected-remark {{body does not escape}}
  JumpBuf lj;
  lj.status = 0;
  lj.previous = L->errorJmp;
  L->errorJmp = &lj;
  if (setjmp(lj.b) == 0)
    body(L);
  L->errorJmp = lj.previous;
  return lj.status;
}

int publish_only(State *L, int (*body)(State *)) { // expected-remark {{leaking param: L}} expected-remark {{body does not escape}}
  JumpBuf lj;
  lj.status = 0;
  L->errorJmp = &lj; // expected-warning {{address of local 'lj' escapes: stored through parameter 'L'}}
  return body(L);
}

int restore_on_one_path(State *L, int (*body)(State *)) { // expected-remark {{leaking param: L}} expected-remark {{body does not escape}}
  JumpBuf lj;
  JumpBuf *old = L->errorJmp;
  L->errorJmp = &lj; // expected-warning {{address of local 'lj' escapes: stored through parameter 'L'}}
  int r = body(L);
  if (r < 0)
    return r;
  L->errorJmp = old;
  return r;
}

int restore_in_loop(State *L, int (*body)(State *), int n) { // expected-remark {{leaking param: L}} expected-remark {{body does not escape}}
  JumpBuf *old = L->errorJmp;
  int t = 0;
  for (int i = 0; i < n; ++i) {
    JumpBuf lj;
    lj.status = i;
    L->errorJmp = &lj;
    t += body(L);
  }
  L->errorJmp = old;
  return t;
}

int *current;

int scoped_global(int (*body)()) { // expected-remark {{body does not escape}}
  int frame = 0;
  int *prev = current;
  current = &frame;
  int r = body();
  current = prev;
  return r + frame;
}

int global_kept(int (*body)()) { // expected-remark {{body does not escape}}
  int frame = 0;
  current = &frame; // expected-warning {{address of local 'frame' escapes: stored to global 'current'}}
  return body() + frame;
}

// Restoring the pointer does not make a heap object local: body() may have
// kept it.
int heap_published(int (*body)()) { // expected-remark {{body does not escape}}
  int *p = new int(1); // expected-remark {{new int escapes to heap: stored to global 'current'}}
  int *prev = current;
  current = p;
  int r = body();
  current = prev;
  delete p;
  return r;
}
