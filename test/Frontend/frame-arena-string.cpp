// RUN: %clangxx -std=c++20 -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -fplugin-arg-escape-m -fplugin-arg-escape-instantiate-strings=0 -c %s -o %t.o -Xclang -verify=extern
// A local std::string built by += past its 15-byte inline buffer. In C++20
// libstdc++ instantiates basic_string's members in the translation unit; up
// to C++17 it declares them `extern template`, and the plugin switches that
// off (_GLIBCXX_EXTERN_TEMPLATE=-1, as _GLIBCXX_ASSERTIONS does), so the
// growth helper (_M_mutate) is there too. With instantiate-strings=0 the
// growth is a call into libstdc++.so: no allocation site in this file at all
// (extern-no-diagnostics). The helper's summary hands the new buffer
// to the caller with what it copies from the old one (nothing of the
// string object leaks, though the inline buffer points into the object),
// escape-driven inlining brings it in, and the frame arena takes the
// buffers: the old one is freed by the same delete as the new one.
#include <string>

// extern-no-diagnostics

__attribute__((noinline)) long built(int seed) {
  std::string s;
  for (int i = 0; i < 40; ++i)
    s += char('a' + (i + seed) % 26); // expected-remark {{allocation in 'operator+=' does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)}}
  long h = 0;
  for (char c : s)
    h = h * 31 + c;
  return h;
}
