// A program using libbox.so: `measure` is a function of the shared library.
#include "box.h"
#include <cstdio>

int main(int argc, char **) {
  int n = argc + 3; // 4
  long t = run(n);
  for (int i = 0; i < 1000; ++i) {
    Box *b = new Box{{i, 7, 8, 9}};
    t += measure(b, n);
    delete b;
  }
  std::printf("%ld\n", t);
}
