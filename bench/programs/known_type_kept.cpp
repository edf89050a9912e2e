// bench-kind: control
// Control for known_type_virtual: the same parts, priced the same way through
// the same out-of-line overriders, but every part is also filed in a global
// ring of the 64 most recent ones (as a re-cut queue would hold them); filing
// one deletes the part it evicts, through the virtual destructor. A part
// outlives the iteration that made it: every allocation must stay on the heap.
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

struct Part {
  virtual ~Part() = default;
  // Sheet area the part covers, computed on first use and cached.
  virtual int64_t area() noexcept = 0;
  // Length of the cutting path around it.
  virtual int64_t cut_length() const noexcept = 0;
  int64_t cached_area = -1;
  uint32_t material;
  explicit Part(uint32_t m) : material(m) {}
};

// The overriders stay out of line, as the bodies of a shape library do.
struct Disc final : Part {
  int64_t r;
  Disc(uint32_t m, int64_t r) : Part(m), r(r) {}
  __attribute__((noinline)) int64_t area() noexcept override {
    if (cached_area < 0)
      cached_area = r * r * 355 / 113;
    return cached_area;
  }
  __attribute__((noinline)) int64_t cut_length() const noexcept override {
    return 2 * r * 355 / 113;
  }
};

struct Plate final : Part {
  int64_t w, h;
  Plate(uint32_t m, int64_t w, int64_t h) : Part(m), w(w), h(h) {}
  __attribute__((noinline)) int64_t area() noexcept override {
    if (cached_area < 0)
      cached_area = w * h;
    return cached_area;
  }
  __attribute__((noinline)) int64_t cut_length() const noexcept override {
    return 2 * (w + h);
  }
};

// A right-angled gusset with legs a and b.
struct Gusset final : Part {
  int64_t a, b;
  Gusset(uint32_t m, int64_t a, int64_t b) : Part(m), a(a), b(b) {}
  __attribute__((noinline)) int64_t area() noexcept override {
    if (cached_area < 0)
      cached_area = a * b / 2;
    return cached_area;
  }
  __attribute__((noinline)) int64_t cut_length() const noexcept override {
    const int64_t c = a > b ? a + b / 2 : b + a / 2; // hypotenuse, estimated
    return a + b + c;
  }
};

// A slot: a w x 2r rectangle with a half disc at each end.
struct Slot final : Part {
  int64_t w, r;
  Slot(uint32_t m, int64_t w, int64_t r) : Part(m), w(w), r(r) {}
  __attribute__((noinline)) int64_t area() noexcept override {
    if (cached_area < 0)
      cached_area = 2 * w * r + r * r * 355 / 113;
    return cached_area;
  }
  __attribute__((noinline)) int64_t cut_length() const noexcept override {
    return 2 * w + 2 * r * 355 / 113;
  }
};

int64_t g_sheet[4]; // sheet area used, per material
Part *g_recent[64];  // the 64 most recent parts, oldest replaced first
unsigned g_next;

// Files a part in the ring; the part it replaces is done with.
inline void keep(Part *p) {
  Part *old = g_recent[g_next & 63];
  g_recent[g_next & 63] = p;
  ++g_next;
  delete old;
}

// Prices a part through its interface: sheet area to its material, and the
// cutting path (returned).
inline int64_t price(Part *p) {
  g_sheet[p->material & 3] += p->area();
  return p->cut_length();
}

} // namespace

int main() {
  uint64_t s = g_seed;
  int64_t cut = 0;
  int64_t discs = 0, plates = 0, gussets = 0, slots = 0; // per-kind tallies
  const int kParts = 8000000;
  for (int i = 0; i < kParts; ++i) {
    const uint64_t r = next(s);
    const uint32_t m = static_cast<uint32_t>(r >> 60);
    const int64_t x = static_cast<int64_t>((r >> 8) & 1023) + 1;
    const int64_t y = static_cast<int64_t>((r >> 20) & 1023) + 1;
    switch ((r >> 32) & 3) {
    case 0: {
      Part *p = new Disc(m, x);
      cut += price(p);
      keep(p);
      discs += 1;
      break;
    }
    case 1: {
      Part *p = new Plate(m, x, y);
      cut += price(p);
      keep(p);
      plates += x > y; // landscape plates
      break;
    }
    case 2: {
      Part *p = new Gusset(m, x, y);
      cut += price(p);
      keep(p);
      gussets += x ^ y;
      break;
    }
    default: {
      Part *p = new Slot(m, x, y >> 4);
      cut += price(p);
      keep(p);
      slots += y >> 4;
      break;
    }
    }
  }
  uint64_t checksum = 0;
  for (int64_t a : g_sheet)
    checksum = checksum * 1000003u + static_cast<uint64_t>(a);
  checksum = checksum * 31 + static_cast<uint64_t>(cut);
  checksum = checksum * 31 +
             static_cast<uint64_t>(discs + 3 * plates + 5 * gussets + 7 * slots);
  for (Part *&p : g_recent) {
    checksum = checksum * 31 + static_cast<uint64_t>(p->area() + p->material);
    delete p;
    p = nullptr;
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
