// bench-kind: non-escaping
// Virtual calls on an object whose dynamic type is known: a laser-cutting
// estimator prices an order of parts. Per part, the branch that reads its kind
// makes it with its concrete type (`Part *p = new Disc(...)`), prices it
// through the `Part` interface (`area()`, which caches its result in the
// object, and `cut_length()`, both out of line) and deletes it through the
// virtual destructor. -O2 makes the first call after the constructor direct
// (GVN forwards the vtable pointer it just stored), but `area()` writes the
// object, so the vtable pointer is loaded again for `cut_length()` and for
// the destructor, and those calls stay indirect: the object is passed to an
// unknown function. The plugin sees that this function allocated the object
// and stored its vtable pointer, and that nothing it is passed to can store
// that pointer again (the overriders only read the object and write their
// cache), makes the calls direct, applies the callees' summaries (the deleting
// destructor frees exactly its object) and moves the part to the stack.
// Pricing a part is a few dozen instructions, so the allocation is a large
// part of its cost. Integer arithmetic (1/16 mm units), so every build computes
// the same figures.
//
// Each branch makes, prices and deletes its own part and then counts it in its
// own tally. A `price(p); delete p;` after the switch would call through a
// `phi` of the parts, and so would branches ending with the same code (-O2's
// SimplifyCFG sinks it into one tail on a `phi`); parts of the same size in
// every branch would have their `operator new` hoisted into one allocation with
// a different vtable pointer per branch. The type is then no longer known at
// the calls, and the plugin keeps the parts on the heap. (The disc is 32 bytes,
// the other parts 40.)
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
      delete p;
      discs += 1;
      break;
    }
    case 1: {
      Part *p = new Plate(m, x, y);
      cut += price(p);
      delete p;
      plates += x > y; // landscape plates
      break;
    }
    case 2: {
      Part *p = new Gusset(m, x, y);
      cut += price(p);
      delete p;
      gussets += x ^ y;
      break;
    }
    default: {
      Part *p = new Slot(m, x, y >> 4);
      cut += price(p);
      delete p;
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
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
