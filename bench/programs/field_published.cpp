// bench-kind: non-escaping
// Field-sensitive parameter summaries: a stream of fixed-format messages, each
// decoded into a fresh `new Buffer` and run through an out-of-line pipeline
// stage, `transform(const Stage *)`, that mixes the message into one of four
// global channel buffers. The stage gets a struct of pointers,
// `Stage{in, out, salt}`, publishes `out` (it records the channel it wrote
// last in a global, for the flusher) and only reads `in`. Only the published
// field's content escapes, so the message buffer, which the caller puts in
// `in`, does not: the plugin moves it to the handler's stack (report:
// `new Buffer does not escape; moved to stack`). The control,
// field_escaping, puts the fresh buffer in `out` instead. A message is six
// words, so the allocation is a large part of its cost.
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

constexpr int kChannels = 4;
Buffer g_channels[kChannels];
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

// One message: decoded into a fresh buffer, transformed into its channel.
__attribute__((noinline)) uint64_t handle(uint64_t r, uint32_t seq) {
  Buffer *msg = new Buffer;
  msg->n = 6;
  for (uint32_t i = 0; i < msg->n; ++i)
    msg->words[i] = static_cast<uint32_t>(r >> (4 * i));
  Stage st;
  st.in = msg;
  st.out = &g_channels[(r >> 40) & (kChannels - 1)];
  st.salt = seq;
  uint64_t h = transform(&st);
  delete msg;
  return h;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kMessages = 10000000;
  for (int n = 0; n < kMessages; ++n)
    checksum = checksum * 1000003u + handle(next(s), static_cast<uint32_t>(n));
  for (const Buffer &b : g_channels)
    for (uint32_t w : b.words)
      checksum = checksum * 31 + w;
  checksum += g_last_out->n;
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
