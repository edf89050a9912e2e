// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// Helpers that copy what one parameter points to into another (a pointer
// swap) or write a parameter's content back (a cursor advanced through a
// reference) do not send it to the heap: the callers replay the copy between
// their own variables, so an object swapped between two locals stays local,
// and one swapped into a variable that is then published escapes. The line
// of a copied parameter says where its content goes.

__attribute__((noinline)) void swapPtr(int *&a, int *&b) { // expected-remark {{leaking param content: a to *b}} expected-remark {{leaking param content: b to *a}}
  int *t = a;
  a = b;
  b = t;
}

__attribute__((noinline)) bool digits(const char *s, unsigned long &pos, unsigned long &out) { // expected-remark {{s does not escape}} expected-remark {{pos does not escape}} expected-remark {{out does not escape}}
  unsigned long v = 0, start = pos;
  while (s[pos] >= '0' && s[pos] <= '9')
    v = v * 10 + (s[pos++] - '0');
  out = v;
  return pos > start;
}

int *published;

void publishSwapped() {
  int *x = new int[4]; // expected-remark {{new int[4] escapes to heap: stored to global 'published'}}
  int *y = nullptr;
  swapPtr(x, y);
  published = y;
}

int swappedLocally(int k) {
  int *x = new int[4](); // expected-remark {{new int[4] does not escape; moved to stack}}
  int *y = nullptr;
  x[k & 3] = k;
  swapPtr(x, y);
  int r = y[1] + y[2];
  delete[] y;
  return r;
}
