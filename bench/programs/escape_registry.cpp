// bench-kind: control
// Control: objects returned from a factory into a global registry.
//
// Widgets are made by a factory, which returns them; the caller registers each
// in a global list, and they are only used and freed after the loop that made
// them.  Every Widget escapes (returned, then stored to a global): all of them
// must stay on the heap.
#include <cstdint>
#include <cstdio>
#include <vector>

namespace {

volatile uint64_t g_seed = 0x9fb21c651e98df25ull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

struct Widget {
  uint32_t id;
  uint32_t weight;
  uint32_t links[6];
};

std::vector<Widget *> g_registry;

Widget *make_widget(uint32_t id, uint64_t r) {
  Widget *w = new Widget;
  w->id = id;
  w->weight = static_cast<uint32_t>(r >> 40);
  for (int i = 0; i < 6; ++i)
    w->links[i] = static_cast<uint32_t>(r >> (8 * i));
  return w;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kRounds = 3000;
  const int kWidgets = 1000;
  g_registry.reserve(kWidgets);
  for (int round = 0; round < kRounds; ++round) {
    for (int i = 0; i < kWidgets; ++i)
      g_registry.push_back(make_widget(static_cast<uint32_t>(i), next(s)));
    // Follow links between registered widgets.
    uint32_t at = static_cast<uint32_t>(round);
    for (int step = 0; step < 4 * kWidgets; ++step) {
      const Widget *w = g_registry[at % kWidgets];
      checksum = checksum * 31 + w->weight + w->id;
      at = w->links[step % 6];
    }
    for (Widget *w : g_registry)
      delete w;
    g_registry.clear();
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
