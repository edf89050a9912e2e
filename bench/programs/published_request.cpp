// bench-kind: freed-early
// Requests published in globals while they are handled, deleted before their
// handler returns.
//
// Each request is made with new, registered in a global intrusive list of
// in-flight requests and set as the "current" request, handled by functions
// that read it through those globals, then unregistered and deleted. The
// address escapes (stored to globals), so escape analysis alone keeps it on
// the heap; but the handler deletes it on every path before returning, with
// nothing in between that can throw or longjmp, so it never outlives the
// frame and does not need the heap.
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

struct Request {
  Request *next_in_flight;
  uint32_t id;
  uint32_t priority;
  uint64_t payload[6];
  uint64_t result;
};

Request *g_in_flight;  // every request being handled
Request *g_current;    // the request the worker is on
uint64_t g_handled;

__attribute__((noinline)) void enter(Request *r) noexcept {
  r->next_in_flight = g_in_flight;
  g_in_flight = r;
  g_current = r;
}

__attribute__((noinline)) void leave(Request *r) noexcept {
  Request **p = &g_in_flight;
  while (*p != r)
    p = &(*p)->next_in_flight;
  *p = r->next_in_flight;
  g_current = g_in_flight;
  ++g_handled;
}

// Reads the current request through the global only.
__attribute__((noinline)) void work() noexcept {
  Request *r = g_current;
  uint64_t h = r->id;
  for (int i = 0; i < 6; ++i)
    h = h * 0x100000001b3ull ^ r->payload[i];
  r->result = h + r->priority;
}

// Counts the requests in flight (an observer walking the global list).
__attribute__((noinline)) uint32_t in_flight() noexcept {
  uint32_t n = 0;
  for (Request *r = g_in_flight; r; r = r->next_in_flight)
    ++n;
  return n;
}

uint64_t handle(uint32_t id, uint64_t r) {
  Request *req = new Request;
  req->id = id;
  req->priority = static_cast<uint32_t>(r >> 60);
  for (int i = 0; i < 6; ++i)
    req->payload[i] = r >> (7 * i);
  enter(req);
  uint64_t out;
  if (req->priority > 12) {
    // urgent: a nested sub-request while the parent is in flight
    Request *sub = new Request{};
    sub->id = id + 1;
    sub->payload[0] = r;
    enter(sub);
    work();
    uint64_t v = sub->result + in_flight();
    leave(sub);
    delete sub;
    g_current = req;
    work();
    out = req->result ^ v;
  } else {
    work();
    out = req->result + in_flight();
  }
  leave(req);
  delete req;
  return out;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kRequests = 20000000;
  for (int i = 0; i < kRequests; ++i)
    checksum = checksum * 31 + handle(static_cast<uint32_t>(i), next(s));
  std::printf("checksum: %llu handled %llu\n", static_cast<unsigned long long>(checksum),
              static_cast<unsigned long long>(g_handled));
  return 0;
}
