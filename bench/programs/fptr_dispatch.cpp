// bench-kind: non-escaping
// Calls through function pointers whose targets are known. Each item is a
// small `new Sample` (six readings and a weight) scored by a rule chosen per
// item among three static functions; the call happens in an out-of-line
// helper, `score(rule, sample)`. LLVM lists the possible targets of that call
// (`!callees`); none keeps the pointer, so the sample moves to the stack.
// Scoring an item is a few dozen instructions, as in a per-message dispatch
// loop, so the allocation is a large part of its cost.
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

constexpr int kReadings = 6;

struct Sample {
  uint32_t v[kReadings];
  uint32_t weight;
};

__attribute__((noinline)) uint64_t by_sum(Sample *x) {
  uint64_t t = 0;
  for (int i = 0; i < kReadings; ++i)
    t += x->v[i];
  return t * x->weight;
}
__attribute__((noinline)) uint64_t by_max(Sample *x) {
  uint32_t m = 0;
  for (int i = 0; i < kReadings; ++i)
    m = x->v[i] > m ? x->v[i] : m;
  return static_cast<uint64_t>(m) * x->weight;
}
__attribute__((noinline)) uint64_t by_xor(Sample *x) {
  uint64_t t = x->weight;
  for (int i = 0; i < kReadings; ++i)
    t = (t << 5 | t >> 59) ^ x->v[i];
  return t;
}

__attribute__((noinline)) uint64_t score(uint64_t (*rule)(Sample *), Sample *x) {
  return rule(x) + x->v[x->weight % kReadings];
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kItems = 7000000;
  for (int n = 0; n < kItems; ++n) {
    uint64_t r = next(s);
    uint64_t (*rule)(Sample *) = (r & 3) == 0 ? by_max : (r & 3) == 1 ? by_xor : by_sum;
    Sample *x = new Sample;
    uint64_t q = r;
    for (int i = 0; i < kReadings; ++i) {
      x->v[i] = static_cast<uint32_t>(q) & 0xffff;
      q = q >> 8 | q << 56;
    }
    x->weight = static_cast<uint32_t>(r >> 40) & 63;
    checksum = checksum * 1000003u + score(rule, x);
    delete x;
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
