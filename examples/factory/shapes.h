// A factory in one file (shapes.cpp) and its user in another (main.cpp).
// Compiled one file at a time, main's loop cannot see that the shape it
// gets is freed before the next iteration: every shape goes to the heap.
// Linked with LTO and the plugin, the whole program is analysed at once.
#pragma once
#include <memory>

struct Shape {
  int sides;
  double length[8]; // of each side
};

std::unique_ptr<Shape> make_shape(int sides, double size);
double perimeter(const Shape &s);
