// bench-kind: non-escaping
// Ownership transfer: each job is made with `new Job` and handed to an
// out-of-line `run_and_retire(Job *)` that runs it and deletes it (a common
// shape for commands, requests and tasks). The callee stays out of line
// (noinline: it is too big to inline in real code), so the object is freed
// inside another function. The plugin moves it to the caller's stack and calls
// a copy of the callee without the delete.
#include <cstdint>
#include <cstdio>

namespace {

volatile uint64_t g_seed = 0x9e3779b97f4a7c15ull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

struct Job {
  uint32_t regs[12];
  uint32_t steps;
};

__attribute__((noinline)) uint64_t run_and_retire(Job *j) {
  uint64_t acc = 0;
  for (uint32_t i = 0; i < j->steps; ++i) {
    uint32_t a = j->regs[(i * 5 + acc) % 12];
    uint32_t b = j->regs[(a + i) % 12];
    j->regs[(a ^ b) % 12] = a * 2654435761u + b;
    acc += j->regs[i % 12];
  }
  delete j;
  return acc;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kJobs = 3000000;
  for (int n = 0; n < kJobs; ++n) {
    Job *j = new Job;
    for (int r = 0; r < 12; ++r)
      j->regs[r] = static_cast<uint32_t>(next(s));
    j->steps = 8 + static_cast<uint32_t>(next(s) & 7);
    checksum = checksum * 1000003u + run_and_retire(j);
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
