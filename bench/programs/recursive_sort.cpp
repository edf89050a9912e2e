// bench-kind: non-escaping
// Recursion: a k-d tree style median split of short tracks of points. Each
// call of the out-of-line, self-recursive `split(in, n)` copies its points
// into a fresh scratch array `new int[8]`, keyed by the coordinate this level
// splits on, sorts it with std::sort (whose introsort loop is a recursive
// function), and hands the two halves of the scratch to two recursive calls,
// which read them; the tree is reduced to a hash of its split values. Neither
// function keeps a pointer: solved as recursive components, their parameters
// do not escape, and every call's scratch moves to its frame.
//
// The points follow a track heading north-east with small wiggles, so each
// level's sort gets points that are nearly in order (as time- or
// space-ordered data usually is), and the splits are a few dozen
// instructions each: the allocation is a large part of a call's cost.
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

constexpr int kPoints = 8;

// A point is the key x << 16 | y (x and y below 2^15), which sorts by x; flip
// swaps the coordinates, so that the key sorts by y.
inline int flip(int k) { return (k & 0xffff) << 16 | k >> 16; }

__attribute__((noinline)) uint64_t split(const int *in, int n) {
  if (n == 1)
    return static_cast<uint64_t>(in[0]);
  int *p = new int[kPoints];
  for (int i = 0; i < n; ++i)
    p[i] = flip(in[i]);
  std::sort(p, p + n);
  uint64_t h = static_cast<uint64_t>(p[n / 2] >> 16);
  h = h * 31 + split(p, n / 2) * 7 + split(p + n / 2, n - n / 2);
  delete[] p;
  return h;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kTracks = 1000000;
  int track[kPoints];
  for (int t = 0; t < kTracks; ++t) {
    uint64_t r = next(s);
    int x = static_cast<int>(r >> 49), y = static_cast<int>(r >> 34) & 0x7fff;
    for (int i = 0; i < kPoints; ++i) {
      x = (x + static_cast<int>(r & 7)) & 0x7fff;          // steps 0..7
      y = (y + static_cast<int>((r >> 3) & 7) - 1) & 0x7fff; // steps -1..6
      r = r >> 6 | r << 58;
      track[i] = x << 16 | y;
    }
    checksum = checksum * 1000003u + split(track, kPoints);
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
