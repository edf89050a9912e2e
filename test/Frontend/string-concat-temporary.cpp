// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s
// A std::string temporary made by operator+ and only printed stays local:
// operator+ writes the new length back into the string it builds (its old
// length plus strlen of the suffix, an integer an unknown call returned),
// which the caller replays instead of letting the string's buffer escape.
// Kept in a global, the temporary's buffer escapes: no arena in that
// function.

// CHECK-LABEL: define {{.*}} @_Z6joined
// CHECK:         alloca [2048 x i8], align 16
// CHECK-LABEL: define {{.*}} @_Z9published
// CHECK-NOT:     alloca [2048 x i8]
// CHECK:         ret void
#include <cstdio>
#include <string>

__attribute__((noinline)) static void leaf(FILE *f, const std::string &p) { // expected-remark {{leaking param: f}} expected-remark {{p does not escape}}
  std::fprintf(f, "%s\n", p.c_str());
}

void joined(FILE *f, const std::string &path) { // expected-remark {{leaking param: f}} expected-remark {{leaking param content: path}}
  leaf(f, path + "/x"); // expected-remark-re {{allocation in 'operator+<{{.*}}>' does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)}}
}

std::string kept;
void published(const std::string &path) { // expected-remark {{leaking param content: path}}
  kept = path + "/y"; // expected-remark-re {{allocation in 'operator+<{{.*}}>' escapes to heap: stored to global 'kept[abi:cxx11]'}}
}
