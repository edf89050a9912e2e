// bench-kind: non-escaping
// bench-size: variable
// A local `std::vector<int>` grown by push_back, one per request.
//
// A metrics collector receives lines of latency samples ("812 95 4410 ...",
// 16 to 63 numbers a line) and answers each with the line's mean, maximum,
// median and the number of outliers (samples above four times the median).
// The out-of-line handler tokenizes the line into a local `std::vector<int>`
// by push_back, with no reserve (the count is only known once the line is
// read), selects the median in place with std::nth_element, counts the
// outliers above it, and lets the vector die at the end of the function. The
// vector never leaves the handler, but it grows: 4, 8, 16, 32, 64, 128 and
// 256 bytes, each new buffer allocated while the old one is still alive and
// freed by the same delete, so one fixed stack slot cannot hold it and plain
// -O2 makes five to seven heap allocations per request.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace {

volatile uint64_t g_seed = 0xd1b54a32d192ed03ull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

constexpr int kLines = 2048;
constexpr int kTextBytes = kLines * 64 * 7;
char g_text[kTextBytes];
uint32_t g_line_start[kLines];
uint32_t g_line_length[kLines];

// A latency in microseconds: mostly small, with a long tail.
inline uint32_t sample(uint64_t &s) {
  const uint64_t r = next(s);
  switch (r & 7) {
  case 0:
    return static_cast<uint32_t>((r >> 8) % 90000);
  case 1:
  case 2:
    return static_cast<uint32_t>((r >> 8) % 5000);
  default:
    return static_cast<uint32_t>((r >> 8) % 900);
  }
}

void make_lines(uint64_t &s) {
  char *out = g_text;
  for (int l = 0; l < kLines; ++l) {
    g_line_start[l] = static_cast<uint32_t>(out - g_text);
    const int n = 16 + static_cast<int>(next(s) % 48);
    for (int i = 0; i < n; ++i) {
      if (i)
        *out++ = ' ';
      out += std::snprintf(out, 8, "%u", sample(s));
    }
    g_line_length[l] = static_cast<uint32_t>(out - g_text) - g_line_start[l];
    *out++ = '\n';
  }
}

struct Stats {
  int median, max, count, outliers;
  int64_t sum;
};

// The per-request handler: parse, then select the median in place. The
// count, the sum and the maximum are kept as the numbers are read. (Returning
// values.size() instead would return an integer made from the buffer's
// addresses, end - begin, which the analysis takes for an escape:
// `converted to integer (returned)`.)
__attribute__((noinline)) Stats line_stats(const char *line, uint32_t length) {
  std::vector<int> values;
  Stats st{0, 0, 0, 0, 0};
  int v = 0;
  bool in_number = false;
  for (uint32_t i = 0; i < length; ++i) {
    const unsigned d = static_cast<unsigned char>(line[i]) - '0';
    if (d < 10) {
      v = v * 10 + static_cast<int>(d);
      in_number = true;
    } else if (in_number) {
      values.push_back(v);
      st.sum += v;
      st.max = std::max(st.max, v);
      ++st.count;
      v = 0;
      in_number = false;
    }
  }
  if (in_number) {
    values.push_back(v);
    st.sum += v;
    st.max = std::max(st.max, v);
    ++st.count;
  }
  if (values.empty())
    return st;
  auto mid = values.begin() + values.size() / 2;
  std::nth_element(values.begin(), mid, values.end());
  st.median = *mid;
  // Samples more than four times the median: all lie above it.
  for (auto it = mid + 1; it != values.end(); ++it)
    st.outliers += *it > 4 * st.median;
  return st;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  make_lines(s);
  uint64_t checksum = 0;
  const int kRequests = 1200000;
  for (int i = 0; i < kRequests; ++i) {
    const int l = static_cast<int>(next(s) % kLines);
    const Stats st = line_stats(g_text + g_line_start[l], g_line_length[l]);
    checksum = checksum * 1000003u +
               (static_cast<uint64_t>(st.median) << 40) +
               (static_cast<uint64_t>(st.max) << 20) +
               static_cast<uint64_t>(st.count ? st.sum / st.count : 0) * 64 +
               static_cast<uint64_t>(st.outliers);
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
