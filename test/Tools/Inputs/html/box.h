// A header template whose allocation is inlined into several callers: <b>Box&lt;T&gt;</b> && a < b.
template <class T> struct Box {
  T *p;
  Box(T v) : p(new T(v)) {}
  ~Box() { delete p; }
  T *release() { T *q = p; p = nullptr; return q; }
};
