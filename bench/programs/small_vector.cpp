// bench-kind: non-escaping
// Small constant-size local vectors: `std::vector<int> v(16)`.
//
// Random permutations of 16 elements are drawn (Fisher-Yates), inverted, and
// their cycle structure is measured.  The permutation and its inverse are
// local `std::vector<int>(16)` objects, destroyed at the end of the function.
// Swaps and lookups use random indices, so plain -O2 keeps two heap
// allocations per permutation.
#include <cstdint>
#include <cstdio>
#include <utility>
#include <vector>

namespace {

volatile uint64_t g_seed = 0xbf58476d1ce4e5b9ull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

// Uniform in [0, bound) without a division.
inline int below(uint64_t &s, int bound) {
  return static_cast<int>(((next(s) >> 32) * static_cast<uint64_t>(bound)) >> 32);
}

inline uint64_t permutation_signature(uint64_t &s) {
  std::vector<int> perm(16);
  for (int i = 0; i < 16; ++i)
    perm[i] = i;
  for (int i = 15; i > 0; --i)
    std::swap(perm[i], perm[below(s, i + 1)]);
  std::vector<int> inverse(16);
  for (int i = 0; i < 16; ++i)
    inverse[perm[i]] = i;
  uint64_t sig = static_cast<uint64_t>(inverse[0]) * 16 + static_cast<uint64_t>(inverse[15]);
  int cycles = 0;
  for (int i = 0; i < 16; ++i) {
    if (perm[i] < 0)
      continue;
    ++cycles;
    int j = i;
    while (perm[j] >= 0) {
      int k = perm[j];
      perm[j] = ~k;
      j = k;
    }
  }
  return sig * 17 + static_cast<uint64_t>(cycles);
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kPermutations = 1500000;
  for (int i = 0; i < kPermutations; ++i)
    checksum = checksum * 1000003u + permutation_signature(s);
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
