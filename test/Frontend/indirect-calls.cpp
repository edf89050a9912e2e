// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// Calls whose targets the optimizer knows: a function pointer chosen among
// known functions (LLVM's CalledValuePropagation lists them in `!callees`),
// a static helper only ever given known callbacks, and a virtual call on an
// object whose dynamic type is known where it is made (devirtualized before
// the escape pass runs). Each control keeps its object on the heap because
// one possible target, or the unknown one, really publishes it.

int *published;

static int twice(int *p) { return *p * 2; }  // expected-remark {{p does not escape}}
static int thrice(int *p) { return *p * 3; } // expected-remark {{p does not escape}}
static int keep(int *p) { // expected-remark {{leaking param: p}}
  published = p;
  return 0;
}

int choose_local(int v, bool b) {
  int (*f)(int *) = b ? twice : thrice;
  int *p = new int(v); // expected-remark {{new int does not escape; moved to stack}}
  int r = f(p);
  delete p;
  return r;
}

int choose_leak(int v, bool b) {
  int (*f)(int *) = b ? twice : keep;
  int *p = new int(v); // expected-remark {{new int escapes to heap: passed to 'keep' which leaks it}}
  return f(p);
}

// The report's parameter lines describe the function as written, before the
// optimizer lists f's targets.
__attribute__((noinline)) static int apply(int (*f)(int *), int *p) { // expected-remark {{f does not escape}} expected-remark {{leaking param: p}}
  return f(p) + 1;
}

int via_helper(int v) {
  int *p = new int(v); // expected-remark {{new int does not escape; moved to stack}}
  int r = apply(twice, p) + apply(thrice, p);
  delete p;
  return r;
}

int via_helper_leak(int v) {
  int *p = new int(v); // expected-remark {{new int escapes to heap: passed to 'apply' which leaks it}}
  return apply(twice, p) + apply(keep, p);
}

struct Shape {
  virtual ~Shape() {} // expected-remark {{this does not escape}}
  virtual double area() const = 0;
};
struct Circle final : Shape {
  double r;
  explicit Circle(double r) : r(r) {} // expected-remark {{this does not escape}}
  double area() const override;
};
__attribute__((noinline)) double Circle::area() const { return 3.0 * r * r; } // expected-remark {{this does not escape}}

double known_type(int n) {
  double a = 0;
  for (int i = 0; i < n; ++i) {
    Shape *s = new Circle(i); // expected-remark {{new Circle does not escape; moved to stack}}
    a += s->area();
    delete s;
  }
  return a;
}

// The control: the visitor comes from elsewhere, its visit() is unknown.
struct Visitor {
  virtual void visit(const double *d) = 0;
};
double unknown_visitor(Visitor &v, double x) { // expected-remark {{leaking param: v}}
  double *d = new double(x); // expected-remark {{new double escapes to heap: passed to an indirect call}}
  v.visit(d);
  double r = *d;
  delete d;
  return r;
}
