// RUN: %clangxx -std=c++20 -O2 %s -o %t.plain
// RUN: %clangxx -std=c++20 -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %clangxx -std=c++20 -O2 -fplugin=%plugin -fsanitize=address %s -o %t.asan
// RUN: %t.plain 100000 > %t.plain.out
// RUN: %t.esc 100000 > %t.esc.out
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1 %t.asan 100000 > %t.asan.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: %FileCheck %s < %t.esc.out
// RUN: env LD_PRELOAD=%alloccount %t.plain 1000 2>&1 >/dev/null | %FileCheck %s --check-prefix=HEAP
// RUN: env LD_PRELOAD=%alloccount %t.esc 1000 2> %t.count1000 > /dev/null
// RUN: env LD_PRELOAD=%alloccount %t.esc 3000 2> %t.count3000 > /dev/null
// RUN: diff %t.count1000 %t.count3000
// Local strings grown by += past the inline buffer (C++20: basic_string's
// members are instantiated here) live in the frame arena: no allocation per
// call, the same output; a string too long for the arena goes to the heap
// and back; a string returned to the caller stays on the heap.
#include <cstdio>
#include <cstdlib>
#include <string>

__attribute__((noinline)) long built(int seed, int n) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += char('a' + (i + seed) % 26);
  long h = 0;
  for (char c : s)
    h = h * 31 + c;
  return h;
}

__attribute__((noinline)) std::string returned(int seed) {
  std::string s;
  for (int i = 0; i < 40; ++i)
    s += char('a' + (i * seed) % 26);
  return s;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000;
  long t = 0;
  for (long i = 0; i < n; ++i)
    t += built(int(i), 40);
  printf("built(3, 40) = %ld built(3, 5000) = %ld\n", built(3, 40),
         built(3, 5000));
  printf("returned(7) = %s\n", returned(7).c_str());
  printf("total %ld\n", t);
  return 0;
}
// CHECK: built(3, 40) =
// CHECK: returned(7) = ahovcjqxelszgnubipwdkryfmtahovcjqxelszgn
// CHECK: total
// Without the plugin: two buffers per call (31 and 61 bytes).
// HEAP: alloc-count: 20{{[0-9][0-9]}} heap allocations
