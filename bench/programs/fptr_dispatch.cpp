// bench-kind: non-escaping
// Calls through function pointers whose targets are known: a scoring
// function chosen per item among three static functions, called on a fresh
// `new Sample` through an out-of-line helper. LLVM lists the possible targets
// (`!callees`); none keeps the pointer, so the sample moves to the stack.
#include <cstdint>
#include <cstdio>

namespace {

volatile uint64_t g_seed = 0xbf58476d1ce4e5b9ull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

struct Sample {
  uint32_t v[10];
};

__attribute__((noinline)) uint64_t by_sum(Sample *x) {
  uint64_t t = 0;
  for (uint32_t i = 0; i < 10; ++i)
    t += x->v[(i * 3 + x->v[i]) % 10];
  return t;
}
__attribute__((noinline)) uint64_t by_max(Sample *x) {
  uint32_t m = 0;
  for (uint32_t i = 0; i < 10; ++i)
    m = x->v[(m + i) % 10] > m ? x->v[(m + i) % 10] : m;
  return m;
}
__attribute__((noinline)) uint64_t by_xor(Sample *x) {
  uint64_t t = 0;
  for (uint32_t i = 0; i < 10; ++i)
    t ^= static_cast<uint64_t>(x->v[(t + i) % 10]) << (i & 7);
  return t;
}

__attribute__((noinline)) uint64_t score(uint64_t (*f)(Sample *), Sample *x) {
  return f(x) + x->v[0];
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kItems = 3000000;
  for (int n = 0; n < kItems; ++n) {
    uint64_t r = next(s);
    uint64_t (*f)(Sample *) = (r & 3) == 0 ? by_max : (r & 3) == 1 ? by_xor : by_sum;
    Sample *x = new Sample;
    for (int i = 0; i < 10; ++i)
      x->v[i] = static_cast<uint32_t>(next(s));
    checksum = checksum * 1000003u + score(f, x);
    delete x;
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
