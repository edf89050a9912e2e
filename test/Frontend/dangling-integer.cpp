// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// An address that leaves the frame only as an integer (a length, or the
// difference of two addresses, stored into the caller's object or returned)
// is no certain dangling address: it may carry the address, but it may as
// well be a number. std::string's constructor stores std::distance(first,
// last) into the string this way, and a local buffer copied into a returned
// string or one the caller owns gives no warning. The address itself,
// stored or returned as a pointer, still is warned about.
#include <iterator>
#include <string>

struct Span {
  const char *p;
  long n;
};

__attribute__((noinline)) long dist(const char *b, const char *e) { return e - b; } // expected-remark {{leaking param: b to result}} expected-remark {{leaking param: e to result}}
__attribute__((noinline)) void set_len(Span *s, const char *b, const char *e) { s->n = e - b; } // expected-remark {{s does not escape}} expected-remark {{leaking param: b to *s}} expected-remark {{leaking param: e to *s}}
__attribute__((noinline)) void set_ptr(Span *s, const char *b) { s->p = b; } // expected-remark {{s does not escape}} expected-remark {{leaking param: b to *s}}

long returned_difference() {
  char buf[8];
  return std::distance(buf, buf + 8);
}

long returned_through_callee() {
  char buf[8];
  return dist(buf, buf + 8);
}

void stored_through_callee(Span *s) { // expected-remark {{s does not escape}}
  char buf[8];
  s->n = dist(buf, buf + 8);
}

void length_stored_by_callee(Span *s) { // expected-remark {{s does not escape}}
  char buf[8];
  set_len(s, buf, buf + 8);
}

void pointer_stored_by_callee(Span *s) { // expected-remark {{s does not escape}}
  char buf[8];
  set_ptr(s, buf); // expected-warning {{address of local 'buf' escapes: stored through parameter 's'}}
}

std::string copied_range(int n) {
  char buf[8] = "abcdefg";
  return std::string(buf, buf + n); // expected-remark {{allocation in 'basic_string<char *, void>' escapes to heap: returned}}
}

void copied_into_callers(std::string &out, int n) { // expected-remark {{leaking param content: out}}
  char buf[8] = "abcdefg";
  out.assign(buf, buf + n); // expected-remark {{allocation in 'assign<char *, void>' escapes to heap: stored through parameter 'out'}}
}
