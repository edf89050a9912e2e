// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -fplugin-arg-escape-max-arena-size=0 -c %s -o %t.o -Xclang -verify=off
// Local containers whose buffers no fixed slot can hold (they grow in a loop,
// the old buffer is freed by the same delete as the new one) go to the
// function's frame arena; what escapes stays on the heap.
#include <vector>

__attribute__((noinline)) long filled(int seed) {
  std::vector<int> v;
  for (int i = 0; i < 50; ++i)
    v.push_back(i * seed); // expected-remark {{allocation in 'push_back' does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)}} \
                              off-remark {{allocation in 'push_back' does not escape; kept on heap: non-constant size}}
  long s = 0;
  for (int x : v)
    s += x;
  return s;
}

__attribute__((noinline)) long reserved(int seed) {
  std::vector<int> v;
  v.reserve(50); // expected-remark {{allocation in 'reserve' does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)}} \
                    off-remark {{allocation in 'reserve' does not escape; kept on heap: freed together with other objects}}
  for (int i = 0; i < 50; ++i)
    v.push_back(i + seed); // expected-remark {{allocation in 'push_back' does not escape; moved to stack (frame arena of 2048 bytes; the heap when it is full)}} \
                              off-remark {{allocation in 'push_back' does not escape; kept on heap: non-constant size}}
  long s = 0;
  for (int x : v)
    s += x;
  return s;
}

std::vector<int> *kept;

// The vector's buffer escapes with the vector: it stays on the heap.
__attribute__((noinline)) void published(int n) {
  auto *v = new std::vector<int>; // expected-remark {{new std::vector<int> escapes to heap: stored to global 'kept'}} \
                                     off-remark {{new std::vector<int> escapes to heap: stored to global 'kept'}}
  for (int i = 0; i < n; ++i)
    v->push_back(i); // expected-remark {{allocation in 'push_back' escapes to heap: stored to global 'kept'}} \
                        off-remark {{allocation in 'push_back' escapes to heap: stored to global 'kept'}}
  kept = v;
}
