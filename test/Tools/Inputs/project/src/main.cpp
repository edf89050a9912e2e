#include "registry.h"

Widget *make_widget(int a);
int scratch_widget(int a);
int folded(int a);
void add_one(int a);
void add_two(int a);
int big_buffer();
void keep(Widget *w);
void dangle();
extern "C" int cpair(int a);

int main() {
  add_one(1);
  add_two(2);
  keep(make_widget(3));
  dangle();
  return scratch_widget(1) + folded(2) + big_buffer() + cpair(3) > 0 ? 0 : 1;
}
