// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// A callee that publishes one field of a struct and only reads another
// leaks only the published field's content: an object the caller keeps in
// the other field stays local and moves to the stack. An object in the
// published field, or in a field the callee first copies into the
// published one, escapes. The same holds for the dangling-address warning
// (decided before inlining, where the parameter is still spilled to a stack
// slot): a local's address in the read-only field does not dangle.

struct Pair {
  int *a;
  int *b;
};

int *published;

__attribute__((noinline)) int publishB(Pair *q) { // expected-remark {{leaking param content: q}}
  published = q->b;
  return *q->a;
}
__attribute__((noinline)) int copyThenPublish(Pair *q) { // expected-remark {{leaking param content: q}}
  q->b = q->a;
  published = q->b;
  return 0;
}
__attribute__((noinline)) int viaHelper(Pair *q) { // expected-remark {{leaking param content: q}}
  return publishB(q) + 1;
}

int readField(int v) {
  int *x = new int(v); // expected-remark {{new int does not escape; moved to stack}}
  Pair q{x, published};
  int r = publishB(&q);
  delete x;
  return r;
}

int readFieldThroughHelper(int v) {
  int *x = new int(v); // expected-remark {{new int does not escape; moved to stack}}
  Pair q{x, nullptr};
  int r = viaHelper(&q);
  delete x;
  return r;
}

int readFieldOfHeapPair(int v) {
  int *x = new int(v);            // expected-remark {{new int does not escape; moved to stack}}
  Pair *q = new Pair{x, nullptr}; // expected-remark {{new Pair does not escape; moved to stack}}
  int r = publishB(q);
  delete q;
  delete x;
  return r;
}

int publishedField(int v) {
  int *x = new int(v); // expected-remark {{new int escapes to heap: passed to 'publishB' which leaks it}}
  Pair q{x, x};
  return publishB(&q);
}

int copiedIntoPublished(int v) {
  int *x = new int(v); // expected-remark {{new int escapes to heap: passed to 'copyThenPublish' which leaks it}}
  Pair q{x, nullptr};
  return copyThenPublish(&q);
}

int readLocalField(int v) {
  int x = v;
  Pair q{&x, published};
  return publishB(&q);
}

int publishLocalField(int v) {
  int x = v;
  Pair q{published, &x}; // expected-warning {{address of local 'x' escapes: passed to 'publishB' which leaks it}}
  return publishB(&q);
}
