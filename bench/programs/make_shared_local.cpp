// bench-kind: non-escaping
// A std::make_shared whose last reference dies in the function: requests of
// 256 clients through a per-client token-bucket rate limiter. Each request is
// made with `auto req = std::make_shared<Request>(...)` (the server's API
// passes requests as shared_ptr in general) and a std::weak_ptr handle to it
// is taken, as a timeout hook would hold; the out-of-line limiter reads and
// marks it through `req.get()`; a rejected request (about 1 in 20) is logged
// through the handle (`lock()`). The last reference dies at the end of the
// iteration. The plugin makes the control block's virtual _M_dispose and
// _M_destroy calls direct (its type is known where make_shared builds it),
// inlines the last-use release path, and moves the request and its control
// block to the stack. Admitting a request is a few loads, selects and stores,
// so the allocation is a large part of its cost.
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

struct Request {
  uint32_t client;
  uint32_t cost;
  uint64_t time;
  uint64_t id;
  bool admitted = false;
  Request(uint32_t c, uint32_t w, uint64_t t, uint64_t i)
      : client(c), cost(w), time(t), id(i) {}
};

struct Bucket {
  int64_t tokens;
  uint64_t last; // time of the last refill
  uint64_t served, rejected;
};

constexpr int kClients = 256;
constexpr int64_t kRate = 4;     // tokens per tick
constexpr int64_t kBurst = 4096; // bucket size
Bucket g_buckets[kClients];

uint64_t g_log; // what the rejection log saw

// Refills the client's bucket for the time since its last request and admits
// the request if the bucket holds its cost.
__attribute__((noinline)) bool admit(Request *q) {
  Bucket &b = g_buckets[q->client];
  int64_t t = b.tokens + static_cast<int64_t>(q->time - b.last) * kRate;
  t = t < kBurst ? t : kBurst;
  const bool ok = t >= q->cost;
  b.tokens = ok ? t - q->cost : t;
  b.last = q->time;
  b.served += ok ? q->cost : 0;
  b.rejected += !ok;
  q->admitted = ok;
  return ok;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  for (Bucket &b : g_buckets)
    b = Bucket{kBurst, 0, 0, 0};
  uint64_t checksum = 0;
  const int kRequests = 8000000;
  for (int n = 0; n < kRequests; ++n) {
    uint64_t r = next(s);
    // cost: mostly small, 1 in 8 a large request
    uint32_t cost =
        ((r >> 8) & 7) == 0 ? 512 + ((r >> 16) & 4095) : (r >> 16) & 1023;
    auto req = std::make_shared<Request>(r & (kClients - 1), cost,
                                         static_cast<uint64_t>(n), n);
    std::weak_ptr<Request> handle = req;
    if (!admit(req.get()))
      if (auto live = handle.lock())
        g_log = g_log * 31 + live->id + live->cost;
    checksum = checksum * 1000003u + req->cost + req->admitted;
  }
  for (const Bucket &b : g_buckets)
    checksum =
        checksum * 31 + static_cast<uint64_t>(b.tokens) + b.served + b.rejected;
  checksum += g_log;
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
