// bench-kind: control
// Control for growing_vector: the same lines, tokenized into a
// `std::vector<int>` by push_back and answered with the same statistics, but
// the handler then moves the vector into a global ring of the 64 most recent
// lines' samples (as a live dashboard would hold them); filing one frees the
// samples it evicts. The last buffer of every request outlives the request,
// and the growth buffers come from the same allocation site and are freed by
// the same delete: every allocation must stay on the heap.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <utility>
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

// The samples of the 64 most recent lines.
std::vector<int> g_recent[64];
unsigned g_head;
uint64_t g_retired; // samples evicted from the ring

struct Stats {
  int median, max, count, outliers;
  int64_t sum;
};

// The per-request handler: parse, select the median in place, then file the
// samples in the ring. The count, the sum and the maximum are kept as the
// numbers are read, as in growing_vector.
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
  std::vector<int> &slot = g_recent[g_head++ % 64];
  g_retired += slot.size();
  slot = std::move(values);
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
  checksum += g_retired;
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
