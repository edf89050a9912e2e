// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// The printf family reads a `%s` argument's characters and keeps no pointer
// to them (LibraryModels.h): a string printed with c_str() stays local, and
// so does a buffer formatted into another one. Its address printed with
// `%p` (the address becomes text) still escapes.
#include <cstdio>
#include <string>

__attribute__((noinline)) void shown(FILE *out, int seed) { // expected-remark {{leaking param: out}}
  std::string s;
  for (int i = 0; i < 40; ++i)
    s += char('a' + (i + seed) % 26); // expected-remark {{allocation in 'operator+=' does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)}}
  std::fprintf(out, "%s\n", s.c_str());
}

__attribute__((noinline)) void copied(char *out, int n) { // expected-remark {{leaking param: out}}
  char *b = new char[16]; // expected-remark {{new char[16] does not escape; moved to stack}}
  std::snprintf(b, 16, "%d", n);
  std::sprintf(out, "<%s>", b);
  delete[] b;
}

__attribute__((noinline)) void address_shown(FILE *out, char *keep) { // expected-remark {{leaking param: out}} expected-remark {{keep does not escape}}
  char *b = new char[16]; // expected-remark {{new char[16] escapes to heap: passed to unknown function 'fprintf'}}
  std::fprintf(out, "%p\n", (void *)b);
  keep[0] = b[0];
}
