// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s --check-prefix=IR
// RUN: %clangxx -std=c++17 -O2 -D_GLIBCXX_ASSERTIONS -fplugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s --check-prefix=ASSERT
// RUN: %clangxx -std=c++17 -O2 %s -o %t.plain
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -fPIC -shared %s -o %t.so
// RUN: %t.plain > %t.plain.out
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: %FileCheck %s < %t.esc.out
// The out-of-line basic_string members the plugin instantiates here
// (StringInstances.h) go back to being calls into libstdc++.so wherever
// escape-driven inlining did not take them (LibraryCopies.h): declarations
// in the object, resolved by the library at link and load time, in an
// executable and in a shared library. The string kept in a global grows
// through all of them. Under _GLIBCXX_ASSERTIONS libstdc++ instantiates its
// string members here itself, to check its assertions in them: they stay
// the translation unit's own.

// IR-NOT:  define {{.*}} @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_mutateEmmPKcm(
// IR-NOT:  define {{.*}} @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_createERmm(
// IR-DAG:  declare {{.*}} @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_mutateEmmPKcm(
// IR-DAG:  declare {{.*}} @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE10_M_replaceEmmPKcm(
// IR-DAG:  declare {{.*}} @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE7reserveEm(

// ASSERT: define {{.*}} @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE10_M_replaceEmmPKcm(

// CHECK: yhellx world world world world world world world world world world!
// CHECK: 7 wide

#include <cstdio>
#include <string>

std::string kept;
std::wstring wide;

__attribute__((noinline)) void grow(const char *s) {
  kept += s;
  kept.reserve(100);
  kept.replace(4, 1, "x");
  kept.insert(0, "y");
  for (int i = 0; i < 10; ++i)
    kept.append(" world");
  kept.push_back('!');
  wide.assign(7, L'w');
}

int main() {
  grow("hello");
  std::printf("%s\n%zu wide\n", kept.c_str(), wide.size());
}
