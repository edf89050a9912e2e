#include <cstdint>
long f(long v) {
  long *p = new long(v);
  long r = (long)(std::uintptr_t)p;
  delete p;
  return r;
}
