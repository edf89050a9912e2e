// bench-kind: control
// Control for field_published: the same messages and the same out-of-line
// stage, `transform(const Stage *)`, which publishes `Stage::out` (the buffer
// it wrote last, for the flusher) and only reads `Stage::in`. Here the fresh
// `new Buffer` goes in the published field: each message gets its own output
// buffer, the input is decoded into a global staging buffer, and the previous
// message's output buffer is deleted only once the next one has been
// published. Every buffer outlives the handler that made it and escapes
// (report: `escapes to heap: passed to 'transform' which leaks it`): every
// allocation must stay on the heap.
#include <cstdint>
#include <cstdio>

namespace {

volatile uint64_t g_seed = 0xd1b54a32d192ed03ull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

struct Buffer {
  uint32_t n;
  uint32_t words[16];
};

struct Stage {
  const Buffer *in;
  Buffer *out;
  uint32_t salt;
};

Buffer g_staging;   // where a message is decoded
Buffer *g_last_out; // the buffer written last, for the flusher

// Mixes the input words into the output buffer's ring of 16 words and
// returns a hash of what it wrote.
__attribute__((noinline)) uint64_t transform(const Stage *st) {
  Buffer *out = st->out;
  g_last_out = out;
  const Buffer *in = st->in;
  const uint32_t n = in->n, salt = st->salt;
  const uint32_t at = out->n;
  uint64_t h = salt;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t w = in->words[i] ^ salt;
    h = h * 31 + w;
    out->words[(at + i) & 15] += w;
  }
  out->n = at + n;
  return h;
}

// One message: decoded into the staging buffer, transformed into a fresh
// output buffer that stays published until the next message replaces it.
__attribute__((noinline)) uint64_t handle(uint64_t r, uint32_t seq) {
  Buffer &msg = g_staging;
  msg.n = 6;
  for (uint32_t i = 0; i < msg.n; ++i)
    msg.words[i] = static_cast<uint32_t>(r >> (4 * i));
  Buffer *prev = g_last_out;
  Buffer *out = new Buffer();
  out->n = seq & 15;
  Stage st;
  st.in = &msg;
  st.out = out;
  st.salt = seq;
  uint64_t h = transform(&st);
  delete prev;
  return h;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kMessages = 10000000;
  for (int n = 0; n < kMessages; ++n)
    checksum = checksum * 1000003u + handle(next(s), static_cast<uint32_t>(n));
  for (uint32_t w : g_last_out->words)
    checksum = checksum * 31 + w;
  checksum += g_last_out->n;
  delete g_last_out;
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
