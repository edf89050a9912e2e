// bench-kind: non-escaping
// bench-size: variable
// Small variable-size buffers: `new char[n]`, n small but not a constant.
//
// Keys are copied into a buffer of exactly their length, normalized in place
// (reversed, lower-cased, adjacent duplicates collapsed) and hashed.  Most keys
// are 1..64 characters; about one in 64 is 257..512 characters long.  The
// buffer never leaves the function, but its size is only known at run time, so
// a constant-size stack slot cannot hold it: demoting it needs a stack buffer
// behind a runtime size check, with the heap as the fallback for long keys
// (which this program exercises, so the fallback's free is checked too).
#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace {

volatile uint64_t g_seed = 0x94d049bb133111ebull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

constexpr int kText = 1 << 14;
char g_text[kText];

inline uint64_t normalized_hash(const char *src, size_t n) {
  char *buf = new char[n];
  for (size_t i = 0; i < n; ++i)
    buf[i] = static_cast<char>(src[n - 1 - i] | 0x20);
  size_t w = 0;
  for (size_t i = 0; i < n; ++i)
    if (w == 0 || buf[w - 1] != buf[i])
      buf[w++] = buf[i];
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < w; ++i)
    h = (h ^ static_cast<unsigned char>(buf[i])) * 1099511628211ull;
  delete[] buf;
  return h + w;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  for (int i = 0; i < kText; ++i)
    g_text[i] = static_cast<char>("AaBbCcDdEe"[next(s) % 10]);
  uint64_t checksum = 0;
  const int kKeys = 2500000;
  for (int i = 0; i < kKeys; ++i) {
    uint64_t r = next(s);
    size_t len = (r & 0x3f00) == 0 ? 257 + (r & 255) : 1 + (r & 63);
    const char *src = g_text + (r >> 16) % (kText - 512);
    checksum = checksum * 31 + normalized_hash(src, len);
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
