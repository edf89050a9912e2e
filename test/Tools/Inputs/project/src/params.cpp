#include "registry.h"

int *published;

void keep(Widget *w) { registry = w; }

void dangle() {
  int x = 1;
  published = &x;
}
