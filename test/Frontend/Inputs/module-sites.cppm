// The module interface of cxx20-module-sites.cpp.
module;
export module sites;
export int *mkeep;
export inline int *mleak(int n) { return new int(n); }
export inline void mstore(int n) { mkeep = new int(n); }
export inline int mlocal(int n) { int *p = new int(n); int r = *p + 1; delete p; return r; }
