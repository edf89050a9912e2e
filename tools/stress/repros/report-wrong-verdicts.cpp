// Report accuracy (no crash), clang++-19 -std=c++20 -O2 -fplugin=... -fplugin-arg-escape-m
#include <new>
#include <vector>
#include <type_traits>
template <class T> long cc() {
  if constexpr (sizeof(T) > 100) { return *new T(); }      // discarded for int: "new T does not escape; eliminated"
  else { T *p = new T(); long r = (long)*p; delete p; return r; }
}
long f(int n) {
  long s = sizeof(new int) + noexcept(new int);           // unevaluated: both "new int ... eliminated"
  int *a = new int[]{1, 2, 3}; s += a[2]; delete[] a;      // spelled "new int[int]"
  char (*m)[4] = new char[n][4]; delete[] m;               // spelled "new char[4][n]"
  return s + cc<int>();
}
// One line, a new and a library allocation: the vector's verdict ("moved to stack when at
// most 256 bytes ...") is given to the fixed-size `new long`.
long g(int n) { long *p = new long(n); long r = *p + (long)std::vector<int>(n).size(); delete p; return r; }
