// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --allow-empty
// A local buffer whose characters are copied into a returned std::string
// (leveldb's test helpers do this) does not dangle: only its content is
// copied. No warning.
// CHECK-NOT: warning:
#include <cstdio>
#include <string>

std::string Key(int i) {
  char buf[100];
  std::snprintf(buf, sizeof(buf), "key%06d", i);
  return std::string(buf);
}

std::string Joined(const char *a) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%s/x", a);
  std::string s(buf);
  s += buf;
  return s;
}
