// A factory in one file (widget.cpp), its users in another (main.cpp).
struct Widget {
  int v[4];
};
Widget *make(int i);                     // returns a new Widget
long weigh(const Widget *w, int n);      // noinline, only reads w->v[0..n)
long weigh_weak(const Widget *w, int n); // the same, as a weak definition
