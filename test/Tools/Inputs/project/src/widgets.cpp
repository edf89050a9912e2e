#include "registry.h"

Widget *registry;

__attribute__((noinline)) int weigh(const Widget *w) { return w->a * 3 + w->b; }

Widget *make_widget(int a) { return new Widget{a, 2}; }

int scratch_widget(int a) {
  Widget *w = new Widget{a, a + 1};
  int r = weigh(w);
  delete w;
  return r;
}

int folded(int a) {
  Widget *w = new Widget{a, 4};
  int r = w->a + w->b;
  delete w;
  return r;
}

void add_one(int a) { register_widget(a); }
