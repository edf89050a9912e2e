// bench-kind: non-escaping
// `malloc(256)` / `free` scratch buffers.
//
// Records of random integers are rendered as comma-separated decimal text into
// a 256-byte line buffer from malloc, hashed, and freed: the C idiom for a
// temporary buffer.  Write positions depend on the digits, so plain -O2 keeps
// the buffer in memory and makes one heap allocation per record.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

volatile uint64_t g_seed = 0xda942042e4dd58b5ull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

// Writes v in decimal at out, returns the number of characters written.
inline int put_u64(char *out, uint64_t v) {
  int n = 0;
  do {
    out[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  for (int i = 0, j = n - 1; i < j; ++i, --j) {
    char t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return n;
}

inline uint64_t render_record(uint64_t &s) {
  char *line = static_cast<char *>(std::malloc(256));
  if (line == nullptr)
    std::abort();
  int pos = 0;
  int fields = 2 + static_cast<int>(next(s) & 7); // at most 9 fields of <= 21 chars
  for (int f = 0; f < fields; ++f) {
    uint64_t r = next(s);
    pos += put_u64(line + pos, r >> (r & 63));
    line[pos++] = ',';
  }
  uint64_t h = 1469598103934665603ull;
  for (int i = 0; i < pos; ++i)
    h = (h ^ static_cast<unsigned char>(line[i])) * 1099511628211ull;
  h ^= static_cast<unsigned char>(line[pos / 2]);
  std::free(line);
  return h;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kRecords = 1200000;
  for (int i = 0; i < kRecords; ++i)
    checksum = checksum * 7 + render_record(s);
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
