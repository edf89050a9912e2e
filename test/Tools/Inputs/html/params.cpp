// Parameters and locals: leaking, param-ok, dangling and an eliminated site.
int *g;

// leaking param: p is stored to a global.
void keep(int *p) { g = p; }

// param-ok: p is only read.
int peek(const int *p) { return p && *p < 10 ? *p : 0; }

// dangling: the address of a local escapes its frame.
void dangle() {
  int x = 1;
  g = &x;
}

// eliminated: the optimiser removes the allocation.
int gone() {
  int *p = new int(1);
  int r = *p;
  delete p;
  return r;
}
