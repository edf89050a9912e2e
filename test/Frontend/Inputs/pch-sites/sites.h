// The header of pch-sites.cpp, read from a precompiled header or a module.
#pragma once
int *hkeep;
inline int *leak(int n) { return new int(n); }
inline void store(int n) { hkeep = new int(n); }
inline int local(int n) { int *p = new int(n); int r = *p + 1; delete p; return r; }
inline int first(const int *p) { return *p; }
inline int *dangle() { int x = 3; int *q = &x; return q; }
#include <vector>
inline void grow(std::vector<int> &v, int n) {
  v.push_back(n);
}
