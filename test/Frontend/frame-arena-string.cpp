// RUN: %clangxx -std=c++20 -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// A local std::string built by += past its 15-byte inline buffer: in C++20
// libstdc++ instantiates basic_string's members in the translation unit, so
// the growth helper (_M_mutate) is there. Its summary hands the new buffer
// to the caller with what it copies from the old one (nothing of the
// string object leaks, though the inline buffer points into the object),
// escape-driven inlining brings it in, and the frame arena takes the
// buffers: the old one is freed by the same delete as the new one.
#include <string>

__attribute__((noinline)) long built(int seed) {
  std::string s;
  for (int i = 0; i < 40; ++i)
    s += char('a' + (i + seed) % 26); // expected-remark {{allocation in 'operator+=' does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)}}
  long h = 0;
  for (char c : s)
    h = h * 31 + c;
  return h;
}
