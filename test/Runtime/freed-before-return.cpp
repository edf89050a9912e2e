// RUN: %clangxx -O2 %s -o %t.plain
// RUN: %clangxx -O2 -fplugin=%plugin %s -o %t.esc
// RUN: %clangxx -O2 -fplugin=%plugin -fsanitize=address %s -o %t.asan
// RUN: %t.plain > %t.plain.out
// RUN: %t.esc > %t.esc.out
// RUN: %t.asan > %t.asan.out
// RUN: diff %t.plain.out %t.esc.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: %FileCheck %s < %t.esc.out
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=REPORT
// RUN: env LD_PRELOAD=%alloccount %t.esc 2>&1 >/dev/null | %FileCheck %s --check-prefix=ALLOC
// Objects registered in a global list, used, unregistered and deleted before
// their function returns live on the stack although their address escapes.
// Controls: an observer left registered when a callee throws, and one left
// registered when a callee longjmps, must stay on the heap.
#include <csetjmp>
#include <cstdio>

struct Observer {
  Observer *next;
  int id;
  long seen;
};
Observer *observers; // every live observer, newest first

__attribute__((noinline)) void subscribe(Observer *o) {
  o->next = observers;
  observers = o;
}

__attribute__((noinline)) void unsubscribe(Observer *o) {
  Observer **p = &observers;
  while (*p != o)
    p = &(*p)->next;
  *p = o->next;
}

__attribute__((noinline)) void publish(long v) {
  for (Observer *o = observers; o; o = o->next)
    o->seen += v * o->id;
}

long step(int i) {
  Observer *a = new Observer{nullptr, i, 0};
  subscribe(a);
  Observer *b = new Observer{nullptr, i + 1, 0};
  subscribe(b);
  publish(i);
  publish(2);
  long r = a->seen + b->seen;
  unsubscribe(b);
  delete b;
  unsubscribe(a);
  delete a;
  return r;
}

__attribute__((noinline)) void publishOrThrow(long v) {
  if (v % 1000 == 999)
    throw v;
  publish(v);
}

long stepMayThrow(int i) {
  Observer *o = new Observer{nullptr, i, 0};
  subscribe(o);
  publishOrThrow(i); // on a throw, o stays registered and alive
  long r = o->seen;
  unsubscribe(o);
  delete o;
  return r;
}

std::jmp_buf env;

__attribute__((noinline)) void publishOrJump(long v) {
  if (v % 1000 == 998)
    std::longjmp(env, 1);
  publish(v);
}

__attribute__((noinline)) long stepMayJump(int i) {
  Observer *o = new Observer{nullptr, i, 0};
  subscribe(o);
  publishOrJump(i); // on a longjmp, o stays registered and alive
  long r = o->seen;
  unsubscribe(o);
  delete o;
  return r;
}

int main() {
  long s = 0;
  for (int i = 0; i < 100000; i++)
    s += step(i);
  int thrown = 0;
  for (int i = 0; i < 3000; i++) {
    try {
      s += stepMayThrow(i);
    } catch (long) {
      thrown++;
    }
  }
  int jumped = 0;
  for (int i = 0; i < 3000; i++) {
    if (setjmp(env)) {
      jumped++;
      continue;
    }
    s += stepMayJump(i);
  }
  // The observers left behind are still readable.
  int left = 0;
  long ids = 0;
  for (Observer *o = observers; o; o = o->next) {
    left++;
    ids += o->id;
  }
  publish(1);
  printf("sum %ld thrown %d jumped %d left %d ids %ld\n", s, thrown, jumped, left, ids);
  return 0;
}
// CHECK: sum {{[0-9]+}} thrown 3 jumped 3 left 6 ids 11991
// REPORT-DAG: freed-before-return.cpp:44:17: remark: new Observer freed on every path before return; moved to stack (address passed to 'subscribe' which leaks it)
// REPORT-DAG: freed-before-return.cpp:46:17: remark: new Observer freed on every path before return; moved to stack (address passed to 'subscribe' which leaks it)
// REPORT-DAG: freed-before-return.cpp:65:17: remark: new Observer escapes to heap: passed to 'subscribe' which leaks it
// REPORT-DAG: freed-before-return.cpp:83:17: remark: new Observer escapes to heap: passed to 'subscribe' which leaks it
// The 200000 observers of step() are gone; the 6000 of the controls remain.
// ALLOC: alloc-count: 60{{0[0-9]}} heap allocations
