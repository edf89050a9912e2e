// A header template whose allocation is inlined into several callers (a < b && c > d).
template <class T> struct Box {
  T *p;
  Box(T v) : p(new T(v)) {}
  ~Box() { delete p; }
  T *release() { T *q = p; p = nullptr; return q; }
};
