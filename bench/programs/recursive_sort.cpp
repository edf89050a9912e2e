// bench-kind: non-escaping
// Recursion: a scratch array `new int[64]` per window is sorted with
// std::sort (whose introsort loop is recursive) and reduced by an out-of-line
// divide-and-conquer sum that calls itself. Neither keeps a pointer: solved
// as a recursive component, their parameters do not escape, and the array
// moves to the stack.
#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace {

volatile uint64_t g_seed = 0x2545f4914f6cdd1dull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

__attribute__((noinline)) void rsum(int *a, int *b) {
  if (b - a < 2)
    return;
  int *m = a + (b - a) / 2;
  rsum(a, m);
  rsum(m, b);
  *a += *m;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kWindows = 400000;
  for (int w = 0; w < kWindows; ++w) {
    int *p = new int[64];
    for (int i = 0; i < 64; ++i)
      p[i] = static_cast<int>(next(s) % 1000);
    std::sort(p, p + 64);
    int median = p[32];
    rsum(p, p + 64);
    checksum = checksum * 1000003u + static_cast<uint64_t>(median) * 131 +
               static_cast<uint64_t>(p[0]);
    delete[] p;
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
