// bench-kind: non-escaping
// `std::make_unique<T>` locals.
//
// For every window of a data stream, the number of distinct values is counted
// with a small open-addressing hash set held by a local std::unique_ptr.  The
// set dies at the end of the function that made it; after inlining, the
// unique_ptr's delete is in the same function as the make_unique, so the set can
// live on the stack.  Probing depends on the data, so plain -O2 cannot dissolve
// the object and keeps one heap allocation per window.
#include <cstdint>
#include <cstdio>
#include <memory>

namespace {

volatile uint64_t g_seed = 0x2545f4914f6cdd1dull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

struct SmallSet {
  uint8_t slots[64]; // 0 marks an empty slot; values are below 64
  int size;
  SmallSet() : slots{}, size(0) {}
  bool insert(uint8_t v) {
    v |= 1;
    uint32_t h = (v * 2654435761u) >> 26;
    while (slots[h] != 0) {
      if (slots[h] == v)
        return false;
      h = (h + 1) & 63;
    }
    slots[h] = v;
    ++size;
    return true;
  }
};

constexpr int kData = 1 << 14;
uint8_t g_data[kData];

inline uint64_t distinct_in_window(const uint8_t *data, int n) {
  auto set = std::make_unique<SmallSet>();
  uint64_t firsts = 0;
  for (int i = 0; i < n; ++i)
    if (set->insert(data[i]))
      firsts += static_cast<uint64_t>(i);
  return static_cast<uint64_t>(set->size) * 977 + firsts;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  for (int i = 0; i < kData; ++i)
    g_data[i] = static_cast<uint8_t>(next(s) % 40);
  uint64_t checksum = 0;
  const int kWindows = 1500000;
  for (int w = 0; w < kWindows; ++w) {
    uint64_t r = next(s);
    int len = 8 + static_cast<int>(r & 15);
    int start = static_cast<int>((r >> 16) % (kData - 32));
    checksum = checksum * 31 + distinct_in_window(g_data + start, len);
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
