// bench-kind: non-escaping
// `new int[64]` scratch arrays.
//
// A block-wise byte statistic: every block of a buffer gets a 64-bucket
// histogram in a scratch array from `new int[64]()`, which is reduced to a score
// and deleted.  The buckets are indexed by the data, so plain -O2 keeps the
// array in memory and makes one heap allocation per block.
#include <cstdint>
#include <cstdio>

namespace {

volatile uint64_t g_seed = 0x853c49e6748fea9bull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

constexpr int kBuffer = 1 << 16;
unsigned char g_buffer[kBuffer];

inline uint64_t block_score(const unsigned char *p, int n) {
  int *count = new int[64]();
  for (int i = 0; i < n; ++i)
    ++count[p[i] & 63];
  uint64_t score = 0;
  for (int b = 0; b < 64; ++b)
    score += static_cast<uint64_t>(count[b]) * static_cast<uint64_t>(count[b]) * (b + 1);
  delete[] count;
  return score;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  for (int i = 0; i < kBuffer; ++i) {
    uint64_t r = next(s);
    g_buffer[i] = static_cast<unsigned char>((r & 0xff) & (r >> 8));
  }
  uint64_t checksum = 0;
  const int kBlocks = 2000000;
  for (int b = 0; b < kBlocks; ++b) {
    uint64_t r = next(s);
    int len = 16 + static_cast<int>(r & 31);
    int start = static_cast<int>((r >> 20) % (kBuffer - 64));
    checksum = checksum * 131 + block_score(g_buffer + start, len);
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
