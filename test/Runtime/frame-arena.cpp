// RUN: %clangxx -O2 %s -o %t.plain
// RUN: %clangxx -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %clangxx -O2 -fplugin=%plugin -fsanitize=address %s -o %t.asan
// RUN: %t.plain 2000000 > %t.plain.out
// RUN: %t.esc 2000000 > %t.esc.out
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1 %t.asan 2000 > %t.asan.out
// RUN: %t.plain 2000 > %t.plain.small.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: diff %t.plain.small.out %t.asan.out
// RUN: %FileCheck %s < %t.esc.out
// RUN: env LD_PRELOAD=%alloccount %t.plain 1000 2>&1 >/dev/null | %FileCheck %s --check-prefix=HEAP
// RUN: env LD_PRELOAD=%alloccount %t.esc 1000 2>&1 >/dev/null | %FileCheck %s --check-prefix=ALLOC
// RUN: env LD_PRELOAD=%alloccount %t.esc 1000 2> %t.count1000 > /dev/null
// RUN: env LD_PRELOAD=%alloccount %t.esc 3000 2> %t.count3000 > /dev/null
// RUN: diff %t.count1000 %t.count3000
// Growing local vectors, a chain of objects each freed after the next is
// made, and objects freed by one delete take frame-arena memory: the same
// bytes are reused call after call (two million calls do not grow the
// stack), the output is the same, and a vector too big for the arena moves
// to the heap and back without harm. Under ASan the arena is off and the
// objects are checked one by one on the heap.
#include <cstdio>
#include <cstdlib>
#include <vector>

__attribute__((noinline)) long filled(int seed) {
  std::vector<int> v;
  for (int i = 0; i < 50; ++i)
    v.push_back(i * seed);
  long s = 0;
  for (int x : v)
    s += x;
  return s;
}

__attribute__((noinline)) long reserved(int seed) {
  std::vector<int> v;
  v.reserve(50);
  for (int i = 0; i < 50; ++i)
    v.push_back(i + seed);
  long s = 0;
  for (int x : v)
    s += x;
  return s;
}

// 2000 ints do not fit in a 2048-byte arena: the buffers that do not fit
// are on the heap, and the deletes tell the two apart.
__attribute__((noinline)) long large(int seed) {
  std::vector<int> v;
  for (int i = 0; i < 2000; ++i)
    v.push_back(i ^ seed);
  long s = 0;
  for (int x : v)
    s += x;
  return s;
}

struct Node { long v[3]; };
__attribute__((noinline)) long rd(const Node *n) { return n->v[0] + n->v[2]; }

// Each node is freed after the next one is made.
__attribute__((noinline)) long chain(int n) {
  Node *prev = nullptr;
  long s = 0;
  for (int i = 0; i < n; ++i) {
    Node *cur = new Node{{i, 0, i * 2}};
    if (prev) {
      s += rd(prev);
      delete prev;
    }
    prev = cur;
  }
  s += rd(prev);
  delete prev;
  return s;
}

// One delete frees either object.
__attribute__((noinline)) long either(int k) {
  Node *a = new Node{{k, 1, 2}};
  Node *b = new Node{{2 * k, 3, 4}};
  long s = rd(a) + rd(b);
  delete (k & 1 ? a : b);
  delete (k & 1 ? b : a);
  return s;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000;
  long t = 0;
  for (long i = 0; i < n; ++i)
    t += filled(int(i)) + reserved(int(i)) + either(int(i));
  for (long i = 0; i < 100; ++i)
    t += large(int(i)) + chain(int(i) + 1);
  printf("filled(3) = %ld reserved(3) = %ld large(3) = %ld\n", filled(3),
         reserved(3), large(3));
  printf("chain(100) = %ld either(3) = %ld\n", chain(100), either(3));
  printf("total %ld\n", t);
  return 0;
}
// CHECK: filled(3) = 3675 reserved(3) = 1375 large(3) = 1999000
// CHECK: chain(100) = 14850 either(3) = 15
// CHECK: total
// Without the plugin: 9 allocations per iteration (7 growths of the filled
// vector, the reserved one, two nodes), then 12 growths per large vector
// and 5050 chain nodes.
// HEAP: alloc-count: {{1[0-9][0-9][0-9][0-9]}} heap allocations
// With it: none per iteration (1000 and 3000 iterations allocate the same),
// only what the large vectors and the long chains need beyond the arena.
// ALLOC: alloc-count: {{[0-9][0-9][0-9]}} heap allocations
