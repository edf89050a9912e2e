// registry.h — the supplier registry of the inventory example.
//
// registry.cpp is a separate translation unit: when inventory.cpp hands a Supplier to
// registry_add_supplier, the compiler cannot see what happens to it there (it is kept
// in a table until registry_clear), so the Supplier escapes to the heap.
#ifndef INVENTORY_REGISTRY_H
#define INVENTORY_REGISTRY_H

struct Supplier {
  int id;
  int lead_days;   // days from order to delivery
  int reliability; // percent of deliveries that arrive complete
  char name[20];
};

// Takes ownership of s and keeps it until registry_clear().
void registry_add_supplier(Supplier *s);
// The supplier with this id, or nullptr.
const Supplier *registry_supplier(int id);
int registry_size();
// Deletes every registered supplier.
void registry_clear();

#endif
