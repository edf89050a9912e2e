// bench-kind: control
// Control: linked lists built and kept.
//
// A chained hash table kept in a global array of bucket heads: every inserted
// key gets a `new Node` linked into its bucket's list, the lists are searched
// later, and each round frees them all.  Nodes are stored to a global and
// outlive the loop iteration that made them: all of them must stay on the heap.
#include <cstdint>
#include <cstdio>

namespace {

volatile uint64_t g_seed = 0xa0761d6478bd642full;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

struct Node {
  uint32_t key;
  uint32_t count;
  Node *next;
};

constexpr int kBuckets = 256;
Node *g_buckets[kBuckets];

void insert(uint32_t key) {
  Node *&head = g_buckets[(key * 2654435761u) >> 24];
  for (Node *n = head; n != nullptr; n = n->next)
    if (n->key == key) {
      ++n->count;
      return;
    }
  head = new Node{key, 1, head};
}

uint32_t lookup(uint32_t key) {
  for (Node *n = g_buckets[(key * 2654435761u) >> 24]; n != nullptr; n = n->next)
    if (n->key == key)
      return n->count;
  return 0;
}

void clear() {
  for (Node *&head : g_buckets) {
    while (head != nullptr) {
      Node *n = head;
      head = n->next;
      delete n;
    }
  }
}

} // namespace

int main() {
  uint64_t s = g_seed;
  uint64_t checksum = 0;
  const int kRounds = 600;
  const int kInserts = 4000;
  for (int round = 0; round < kRounds; ++round) {
    for (int i = 0; i < kInserts; ++i)
      insert(static_cast<uint32_t>(next(s) % 3000));
    for (int i = 0; i < kInserts; ++i)
      checksum = checksum * 31 + lookup(static_cast<uint32_t>(next(s) % 3000));
    clear();
  }
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
