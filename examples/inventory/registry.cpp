// registry.cpp — the supplier registry of the inventory example (see registry.h).
#include "registry.h"

namespace {
constexpr int kCapacity = 64;
Supplier *g_suppliers[kCapacity];
int g_count;
} // namespace

void registry_add_supplier(Supplier *s) {
  if (g_count < kCapacity)
    g_suppliers[g_count++] = s;
  else
    delete s;
}

const Supplier *registry_supplier(int id) {
  for (int i = 0; i < g_count; ++i)
    if (g_suppliers[i]->id == id)
      return g_suppliers[i];
  return nullptr;
}

int registry_size() { return g_count; }

void registry_clear() {
  for (int i = 0; i < g_count; ++i)
    delete g_suppliers[i];
  g_count = 0;
}
