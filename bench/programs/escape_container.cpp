// bench-kind: control
// Control: polymorphic objects pushed into a container that outlives the loop.
//
// Shapes of three kinds are made with std::make_unique and moved into a
// std::vector<std::unique_ptr<Shape>> that lives past the loop that fills it;
// they are then sorted by area and used through virtual calls.  Every Shape is
// stored into the vector's heap buffer and outlives its loop iteration: all of
// them must stay on the heap.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

volatile uint64_t g_seed = 0xd1b54a32d192ed03ull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

struct Shape {
  virtual ~Shape() = default;
  virtual uint64_t area() const = 0;
  virtual uint64_t perimeter() const = 0;
};

struct Rect : Shape {
  uint32_t w, h;
  Rect(uint32_t w, uint32_t h) : w(w), h(h) {}
  uint64_t area() const override { return static_cast<uint64_t>(w) * h; }
  uint64_t perimeter() const override { return 2ull * (w + h); }
};

struct Square : Shape {
  uint32_t side;
  explicit Square(uint32_t side) : side(side) {}
  uint64_t area() const override { return static_cast<uint64_t>(side) * side; }
  uint64_t perimeter() const override { return 4ull * side; }
};

struct Tri : Shape {
  uint32_t base, height, slant;
  Tri(uint32_t b, uint32_t h, uint32_t s) : base(b), height(h), slant(s) {}
  uint64_t area() const override { return static_cast<uint64_t>(base) * height / 2; }
  uint64_t perimeter() const override { return base + 2ull * slant; }
};

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kBatches = 60;
  const int kShapes = 10000;
  for (int batch = 0; batch < kBatches; ++batch) {
    std::vector<std::unique_ptr<Shape>> shapes;
    for (int i = 0; i < kShapes; ++i) {
      uint64_t r = next(s);
      uint32_t a = static_cast<uint32_t>(r >> 8) & 0xffff;
      uint32_t b = static_cast<uint32_t>(r >> 24) & 0xffff;
      switch (r % 3) {
      case 0: shapes.push_back(std::make_unique<Rect>(a, b)); break;
      case 1: shapes.push_back(std::make_unique<Square>(a)); break;
      default: shapes.push_back(std::make_unique<Tri>(a, b, b + 1)); break;
      }
    }
    std::sort(shapes.begin(), shapes.end(),
              [](const std::unique_ptr<Shape> &x, const std::unique_ptr<Shape> &y) {
                uint64_t ax = x->area(), ay = y->area();
                return ax != ay ? ax < ay : x->perimeter() < y->perimeter();
              });
    for (size_t i = 0; i < shapes.size(); i += 7)
      checksum = checksum * 31 + shapes[i]->area() + shapes[i]->perimeter();
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
