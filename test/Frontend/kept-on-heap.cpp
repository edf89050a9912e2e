// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -fplugin-arg-escape-max-variable-size=0 -fplugin-arg-escape-max-arena-size=0 -c %s -o %t.o -Xclang -verify
// Non-escaping allocations that still stay on the heap, with the reason.

__attribute__((noinline)) int rd(const int *p, int n) { // expected-remark {{p does not escape}}
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

int too_large() {
  char *p = new char[8192](); // expected-remark {{new char[8192] does not escape; kept on heap: too large for stack (8192 bytes)}}
  int r = rd((int *)p, 2048);
  delete[] p;
  return r;
}

int non_constant(int n) {
  int *p = new int[n](); // expected-remark {{new int[n] does not escape; kept on heap: non-constant size}}
  int r = rd(p, n);
  delete[] p;
  return r;
}

struct Node { Node *next; int v; };
void use(int *);

int loop(int n) {
  Node *h = nullptr;
  for (int i = 0; i < n; i++) {
    Node *x = new Node; // expected-remark {{new Node does not escape; kept on heap: live across loop iterations}}
    x->next = h;
    x->v = i;
    h = x;
  }
  use(nullptr);
  int s = 0;
  while (h) {
    s += h->v;
    Node *t = h->next;
    delete h;
    h = t;
  }
  return s;
}
