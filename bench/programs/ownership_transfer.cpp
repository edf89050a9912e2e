// bench-kind: non-escaping
// Ownership transfer: a stream of small commands against an in-memory ledger
// of accounts (transfers, deposits, fees). Each command is made with `new Job`
// and handed to an out-of-line `run_and_retire(Job *)` that applies it and
// deletes it: the shape of command, request and task objects handed to an
// executor. The callee stays out of line (noinline: in real code it is too big
// to inline), so the object is freed inside another function. The plugin moves
// it to the caller's stack and calls a copy of the callee without the delete.
// Applying a command is a few loads and stores, as in a real hot path, so the
// allocation is a large part of its cost.
#include <cstdint>
#include <cstdio>

namespace {

volatile uint64_t g_seed = 0x9e3779b97f4a7c15ull;

inline uint64_t next(uint64_t &s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

enum Kind : uint32_t { Transfer, Deposit, Fee };

struct Job {
  Kind kind;
  uint32_t from, to;
  uint32_t amount;
  uint64_t id;
};

struct Account {
  int64_t balance;
  uint32_t ops;
  uint32_t last[4]; // the last amounts credited
};

constexpr int kAccounts = 256;
Account g_accounts[kAccounts];
uint64_t g_rejected;

__attribute__((noinline)) uint64_t run_and_retire(Job *j) {
  Account &a = g_accounts[j->from];
  uint64_t done = 0;
  switch (j->kind) {
  case Transfer:
    if (a.balance >= j->amount) {
      Account &b = g_accounts[j->to];
      a.balance -= j->amount;
      b.balance += j->amount;
      b.last[b.ops++ & 3] = j->amount;
      done = j->id;
    } else {
      ++g_rejected;
    }
    break;
  case Deposit:
    a.balance += j->amount;
    a.last[a.ops++ & 3] = j->amount;
    done = j->id;
    break;
  case Fee:
    a.balance -= a.balance / 64;
    done = j->id ^ static_cast<uint64_t>(a.balance);
    break;
  }
  delete j;
  return done;
}

} // namespace

int main() {
  uint64_t s = g_seed;
  for (Account &a : g_accounts)
    a.balance = 1000 + static_cast<int64_t>(next(s) % 1000);
  uint64_t checksum = 0;
  const int kJobs = 8000000;
  for (int n = 0; n < kJobs; ++n) {
    uint64_t r = next(s);
    Job *j = new Job;
    uint32_t k = (r >> 24) & 15; // 13 in 16 transfers, 2 deposits, 1 fee
    j->kind = k < 13 ? Transfer : k < 15 ? Deposit : Fee;
    j->from = r & (kAccounts - 1);
    j->to = (r >> 8) & (kAccounts - 1);
    j->amount = (r >> 16) & 255;
    j->id = static_cast<uint64_t>(n);
    checksum = checksum * 1000003u + run_and_retire(j);
  }
  for (const Account &a : g_accounts)
    checksum = checksum * 31 + static_cast<uint64_t>(a.balance) + a.ops + a.last[a.ops & 3];
  checksum += g_rejected;
  std::printf("checksum: %llu\n", static_cast<unsigned long long>(checksum));
  return 0;
}
