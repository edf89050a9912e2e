// inventory.cpp — a small warehouse simulation, the bundled example of escape.
//
// A catalogue of items is stocked from a set of suppliers; for two weeks of simulated
// days, customers place orders, stock runs down, lines that cannot be served become
// backorders, and items below their reorder level are restocked. Every day prints a
// summary line; the run ends with the best sellers, the largest order and a checksum.
// The output is deterministic (a fixed-seed xorshift generator drives everything).
//
// The program allocates on the heap in two ways, on purpose:
//
//  * objects that outlive the function that creates them — they must stay on the heap:
//      make_item            new Item         returned to the caller (a factory)
//      register_suppliers   new Supplier     handed to registry.cpp, which keeps it
//      add_backorder        new Backorder    linked into a list through a parameter
//      run_day              new Order(*o)    kept in the global g_largest_order
//
//  * short-lived objects that never leave their function — plain `clang++ -O2` still
//    puts them on the heap, the escape plugin moves them to the stack:
//      run_day              new Order        one per order, deleted at the end of the
//                                            iteration (thousands of them)
//      receipt_code         malloc(64)       scratch buffer for the receipt text
//      run_day              new int[16]      histogram of order values
//      run_day              std::make_unique<DayStats>   the day's counters
//      best_sellers         new int[kTop]    ranking scratch array
//
// See what the plugin decides, and compare the heap allocations of both builds:
//
//   clang++ -O2 -fplugin=build/lib/libEscape.so -fplugin-arg-escape-m -c inventory.cpp
//   bash tools/demo.sh
#include "registry.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

constexpr int kItems = 240;
constexpr int kSuppliers = 12;
constexpr int kDays = 14;
constexpr int kOrdersPerDay = 2500;
constexpr int kMaxLines = 8;
constexpr int kBuckets = 16;

// xorshift64: small, fast and the same on every platform.
struct Rng {
  uint64_t state;
  explicit Rng(uint64_t seed) : state(seed) {}
  uint32_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return static_cast<uint32_t>(state >> 16);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<uint32_t>(n)); }
};

struct Item {
  int id;
  int supplier;
  int stock;
  int reorder_level;
  int price_cents;
  int sold;
  long revenue_cents;
};

struct Order {
  int customer;
  int lines;
  int item[kMaxLines];
  int qty[kMaxLines];
};

struct Backorder {
  int item;
  int qty;
  int day;
  Backorder *next;
};

struct DayStats {
  long revenue_cents;
  int orders;
  int lines;
  int backordered_lines;
  int restocks;
  int units_restocked;
  uint32_t receipts; // combined hash of the day's receipt codes
};

// Long-lived state: lives until the end of main.
std::vector<Item *> g_catalog;
Order *g_largest_order;
long g_largest_order_value = -1;
int g_largest_order_day;

// ---------------------------------------------------------------------------
// Set-up: everything made here outlives the function that makes it.

// A factory: the Item is returned, so it escapes.
[[gnu::noinline]] Item *make_item(int id, Rng &rng) {
  Item *it = new Item;
  it->id = id;
  it->supplier = rng.below(kSuppliers);
  it->stock = 100 + rng.below(150);
  it->reorder_level = 60 + rng.below(40);
  it->price_cents = 199 + rng.below(9800);
  it->sold = 0;
  it->revenue_cents = 0;
  return it;
}

void build_catalog(Rng &rng) {
  g_catalog.reserve(kItems);
  for (int i = 0; i < kItems; ++i)
    g_catalog.push_back(make_item(i, rng));
}

// Each Supplier goes to registry.cpp (another translation unit), which keeps it.
void register_suppliers(Rng &rng) {
  static const char *const kNames[] = {"Acme", "Borealis", "Cobalt", "Dynamo"};
  for (int i = 0; i < kSuppliers; ++i) {
    Supplier *s = new Supplier;
    s->id = i;
    s->lead_days = 1 + rng.below(5);
    s->reliability = 70 + rng.below(31);
    std::snprintf(s->name, sizeof s->name, "%s-%02d", kNames[i % 4], i);
    registry_add_supplier(s);
  }
}

// The new Backorder is linked into the caller's list: stored through 'head'.
[[gnu::noinline]] void add_backorder(Backorder **head, int item, int qty, int day) {
  Backorder *b = new Backorder;
  b->item = item;
  b->qty = qty;
  b->day = day;
  b->next = *head;
  *head = b;
}

// ---------------------------------------------------------------------------
// The daily work: the allocations here are short-lived.

// Small helpers that the optimizer inlines: an Order passed to them stays local.
inline void fill_order(Order *o, Rng &rng) {
  o->customer = 1000 + rng.below(9000);
  o->lines = 1 + rng.below(kMaxLines - 2);
  for (int l = 0; l < o->lines; ++l) {
    o->item[l] = rng.below(kItems);
    o->qty[l] = 1 + rng.below(4);
  }
}

inline int units_in(const Order *o) {
  int units = 0;
  for (int l = 0; l < o->lines; ++l)
    units += o->qty[l];
  return units;
}

inline int value_bucket(long cents) {
  int b = 0;
  for (long v = cents / 1000; v > 0 && b < kBuckets - 1; v /= 2)
    ++b;
  return b;
}

// The receipt code "day-customer-cents" is written into a malloc'ed scratch buffer and
// hashed (FNV-1a); the buffer is freed before returning.
inline uint32_t receipt_code(int day, int customer, long cents) {
  char *buf = static_cast<char *>(std::malloc(64));
  if (!buf)
    std::abort();
  const long parts[3] = {day, customer, cents};
  int n = 0;
  for (int p = 0; p < 3; ++p) {
    if (p)
      buf[n++] = '-';
    char digits[24];
    int nd = 0;
    long v = parts[p];
    do {
      digits[nd++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v > 0);
    while (nd > 0)
      buf[n++] = digits[--nd];
  }
  uint32_t h = 2166136261u;
  for (int i = 0; i < n; ++i)
    h = (h ^ static_cast<unsigned char>(buf[i])) * 16777619u;
  std::free(buf);
  return h;
}

void run_day(int day, Rng &rng, Backorder **backorders, long *total_revenue) {
  auto stats = std::make_unique<DayStats>();
  int *histogram = new int[kBuckets]();

  for (int k = 0; k < kOrdersPerDay; ++k) {
    Order *o = new Order;
    fill_order(o, rng);

    long value = 0;
    for (int l = 0; l < o->lines; ++l) {
      Item *it = g_catalog[o->item[l]];
      int qty = o->qty[l];
      if (it->stock >= qty) {
        it->stock -= qty;
        it->sold += qty;
        it->revenue_cents += static_cast<long>(it->price_cents) * qty;
        value += static_cast<long>(it->price_cents) * qty;
      } else {
        add_backorder(backorders, it->id, qty, day);
        stats->backordered_lines++;
      }
    }

    stats->orders++;
    stats->lines += o->lines;
    stats->revenue_cents += value;
    histogram[value_bucket(value)]++;
    stats->receipts = (stats->receipts ^ receipt_code(day, o->customer, value)) * 31u + units_in(o);

    if (value > g_largest_order_value) {
      delete g_largest_order;
      g_largest_order = new Order(*o);
      g_largest_order_value = value;
      g_largest_order_day = day;
    }
    delete o;
  }

  // Deliveries: items at or below their reorder level are restocked.
  for (Item *it : g_catalog) {
    if (it->stock > it->reorder_level)
      continue;
    const Supplier *s = registry_supplier(it->supplier);
    int units = 40 + s->reliability - 6 * s->lead_days + rng.below(40);
    it->stock += units;
    stats->restocks++;
    stats->units_restocked += units;
  }

  std::printf("day %2d  orders %4d  lines %5d  revenue %10.2f  backordered %4d  "
              "restocked %3d (%5d units)  receipts %08x\n",
              day, stats->orders, stats->lines, stats->revenue_cents / 100.0,
              stats->backordered_lines, stats->restocks, stats->units_restocked,
              static_cast<unsigned>(stats->receipts));
  std::printf("        order values:");
  for (int b = 0; b < kBuckets; ++b)
    if (histogram[b])
      std::printf(" <$%ld:%d", 10L << b, histogram[b]);
  std::printf("\n");

  *total_revenue += stats->revenue_cents;
  delete[] histogram;
}

// ---------------------------------------------------------------------------
// The final report.

// The five items with the highest revenue, best first; ties go to the lower id.
void best_sellers() {
  constexpr int kTop = 5;
  int *rank = new int[kTop];
  for (int i = 0; i < kTop; ++i)
    rank[i] = -1;
  for (int id = 0; id < kItems; ++id) {
    long r = g_catalog[id]->revenue_cents;
    int pos = kTop;
    while (pos > 0 && (rank[pos - 1] < 0 || g_catalog[rank[pos - 1]]->revenue_cents < r))
      --pos;
    if (pos == kTop)
      continue;
    for (int j = kTop - 1; j > pos; --j)
      rank[j] = rank[j - 1];
    rank[pos] = id;
  }
  std::printf("best sellers:\n");
  for (int i = 0; i < kTop; ++i) {
    const Item *it = g_catalog[rank[i]];
    const Supplier *s = registry_supplier(it->supplier);
    std::printf("  item %3d  %5d sold  %10.2f  from %s\n", it->id, it->sold,
                it->revenue_cents / 100.0, s->name);
  }
  delete[] rank;
}

void report_backorders(const Backorder *head) {
  int count = 0, units = 0;
  int per_day[kDays + 1] = {};
  for (const Backorder *b = head; b; b = b->next) {
    ++count;
    units += b->qty;
    per_day[b->day]++;
  }
  std::printf("backorders: %d lines, %d units; busiest day", count, units);
  int busiest = 1;
  for (int d = 2; d <= kDays; ++d)
    if (per_day[d] > per_day[busiest])
      busiest = d;
  std::printf(" %d (%d lines)\n", busiest, per_day[busiest]);
}

int main() {
  Rng rng(0x9e3779b97f4a7c15ull);
  build_catalog(rng);
  register_suppliers(rng);
  std::printf("catalogue: %zu items from %d suppliers\n", g_catalog.size(), registry_size());

  Backorder *backorders = nullptr;
  long revenue = 0;
  for (int day = 1; day <= kDays; ++day)
    run_day(day, rng, &backorders, &revenue);

  std::printf("total revenue: %.2f\n", revenue / 100.0);
  best_sellers();
  report_backorders(backorders);
  if (g_largest_order) {
    std::printf("largest order: day %d, customer %d, %d lines, %d units, %.2f\n",
                g_largest_order_day, g_largest_order->customer, g_largest_order->lines,
                units_in(g_largest_order), g_largest_order_value / 100.0);
  }

  uint64_t checksum = static_cast<uint64_t>(revenue);
  for (const Item *it : g_catalog)
    checksum = checksum * 1000003u + static_cast<uint64_t>(it->stock * 7 + it->sold);
  std::printf("checksum: %016llx\n", static_cast<unsigned long long>(checksum));

  // Clean up: the program frees everything it allocated.
  while (backorders) {
    Backorder *next = backorders->next;
    delete backorders;
    backorders = next;
  }
  for (Item *it : g_catalog)
    delete it;
  g_catalog.clear();
  delete g_largest_order;
  registry_clear();
  return 0;
}
