// bench-kind: non-escaping
// Locally used polymorphic objects.
//
// Each record is encoded by one of three codecs.  The codec is created as
// `std::unique_ptr<Codec> c = std::make_unique<XorCodec>(key)` (or another
// derived class), called through its virtual interface, and destroyed through
// the virtual destructor, all in the same function.  After inlining, the vtable
// pointer is known, the calls are devirtualized, and the object does not escape.
// The codec's table is indexed by the data, so plain -O2 keeps one heap
// allocation per record.

#include <cstdint>
#include <cstdio>
#include <memory>

namespace {

volatile uint64_t g_seed = 0x5851f42d4c957f2dull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

struct Codec {
  virtual ~Codec() = default;
  // Encodes a block; one virtual call per block, as a batch API would have.
  virtual uint64_t encode(const uint32_t *p, int n) const = 0;
  uint32_t table[16];
};

// The per-element loop, shared by the codecs.
template <class F> inline uint64_t hash_block(const uint32_t *p, int n, F f) {
  uint64_t h = 0;
  for (int i = 0; i < n; ++i)
    h = h * 131 + f(p[i]);
  return h;
}

struct XorCodec : Codec {
  explicit XorCodec(uint32_t key) {
    for (int i = 0; i < 16; ++i)
      table[i] = (key >> i) ^ (static_cast<uint32_t>(i) * 0x9e37u);
  }
  uint64_t encode(const uint32_t *p, int n) const override {
    return hash_block(p, n, [this](uint32_t x) { return x ^ table[x & 15]; });
  }
};

struct AddCodec : Codec {
  explicit AddCodec(uint32_t key) {
    for (int i = 0; i < 16; ++i)
      table[i] = key * static_cast<uint32_t>(i + 1);
  }
  uint64_t encode(const uint32_t *p, int n) const override {
    return hash_block(p, n, [this](uint32_t x) { return x + table[(x >> 3) & 15]; });
  }
};

struct MixCodec : Codec {
  explicit MixCodec(uint32_t key) {
    for (int i = 0; i < 16; ++i)
      table[i] = (key + static_cast<uint32_t>(i)) * 2654435761u;
  }
  uint64_t encode(const uint32_t *p, int n) const override {
    return hash_block(p, n, [this](uint32_t x) { return (x * 31u) ^ table[(x >> 7) & 15]; });
  }
};

constexpr int kData = 1 << 12;
uint32_t g_data[kData];

inline uint64_t encode_xor(uint32_t key, const uint32_t *p, int n) {
  std::unique_ptr<Codec> c = std::make_unique<XorCodec>(key);
  return c->encode(p, n);
}

inline uint64_t encode_add(uint32_t key, const uint32_t *p, int n) {
  std::unique_ptr<Codec> c = std::make_unique<AddCodec>(key);
  return c->encode(p, n);
}

inline uint64_t encode_mix(uint32_t key, const uint32_t *p, int n) {
  std::unique_ptr<Codec> c = std::make_unique<MixCodec>(key);
  return c->encode(p, n);
}

} // namespace

int main() {
  uint64_t s = g_seed;
  for (int i = 0; i < kData; ++i)
    g_data[i] = static_cast<uint32_t>(next(s));
  uint64_t checksum = 0;
  const int kRecords = 2000000;
  for (int i = 0; i < kRecords; ++i) {
    uint64_t r = next(s);
    uint32_t key = static_cast<uint32_t>(r >> 32);
    int len = 4 + static_cast<int>(r & 15);
    const uint32_t *p = g_data + (r >> 8) % (kData - 32);
    uint64_t h;
    switch ((r >> 4) % 3) {
    case 0: h = encode_xor(key, p, len); break;
    case 1: h = encode_add(key, p, len); break;
    default: h = encode_mix(key, p, len); break;
    }
    checksum = checksum * 1000003u + h;
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
