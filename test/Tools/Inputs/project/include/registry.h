#pragma once

struct Widget { int a, b; };
extern Widget *registry;

// Included by two translation units: the same site is reported by both.
inline void register_widget(int a) { registry = new Widget{a, a}; }

__attribute__((noinline)) int weigh(const Widget *w);
