// bench-kind: non-escaping
// Hot-loop `new T` / `delete` temporaries.
//
// Every expression of a random stream of stack-machine programs is evaluated
// on a freshly allocated Evaluator (an operand stack and a stack pointer),
// which is deleted before the next expression.  The object never leaves the
// loop body, so one stack slot can serve every iteration.  The operand stack is
// indexed by the data-dependent stack pointer, so the optimizer cannot turn the
// object into registers and plain -O2 keeps one heap allocation per expression.
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

struct Evaluator {
  uint32_t stack[16];
  int sp;
};

inline uint32_t apply(uint32_t op, uint32_t a, uint32_t b) {
  switch (op & 3) {
  case 0: return a + b;
  case 1: return a * b + 1;
  case 2: return a ^ (b >> 3);
  default: return a - b;
  }
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kExpressions = 3000000;
  for (int e = 0; e < kExpressions; ++e) {
    Evaluator *ev = new Evaluator;
    ev->sp = 0;
    uint64_t shape = next(s);
    int len = 6 + static_cast<int>(shape & 7);
    for (int i = 0; i < len; ++i) {
      uint64_t r = next(s);
      if (ev->sp < 2 || ((r & 3) == 0 && ev->sp < 16)) {
        ev->stack[ev->sp++] = static_cast<uint32_t>(r >> 40);
      } else {
        uint32_t b = ev->stack[--ev->sp];
        uint32_t a = ev->stack[--ev->sp];
        ev->stack[ev->sp++] = apply(static_cast<uint32_t>(r >> 8), a, b);
      }
    }
    uint32_t top = ev->stack[ev->sp - 1];
    checksum = checksum * 1000003u + top + static_cast<uint64_t>(ev->sp);
    delete ev;
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
