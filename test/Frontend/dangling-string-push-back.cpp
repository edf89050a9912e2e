// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --allow-empty
// A std::string made from a local buffer and added to a container the
// caller owns holds a copy of the characters: no warning. The temporary
// string points to its own short-string buffer, but the move constructor
// that puts it into the vector copies that buffer and points the new string
// to its own, on a branch the analysis does not tell apart from the copy of
// a heap pointer.
// CHECK-NOT: warning:
#include <cstdio>
#include <string>
#include <vector>

void pushed(std::vector<std::string> *out, int n) {
  char buf[20];
  std::snprintf(buf, sizeof(buf), "%d", n);
  out->push_back(buf);
}

void pushed_temporary(std::vector<std::string> &out, int n) {
  char buf[20];
  std::snprintf(buf, sizeof(buf), "%d", n);
  out.push_back(std::string(buf));
}

void moved(std::vector<std::string> &out, int n) {
  char buf[20];
  std::snprintf(buf, sizeof(buf), "%d", n);
  std::string s(buf);
  out.push_back(std::move(s));
}
