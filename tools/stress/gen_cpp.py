#!/usr/bin/env python3
"""Random, valid C++17/C++20 translation units for stressing the clang front end
and the report path of the escape plugin.

    gen_cpp.py SEED OUTDIR [--large] [--std c++17|c++20] [--features F1,F2,...] [--no-encoding]

(--features: exactly these features, in this order, e.g. to cut a failing
unit down to the feature that fails; see frontend.py --bisect.)

writes, deterministically for SEED:
    OUTDIR/t.cpp            the translation unit (has a main printing a checksum)
    OUTDIR/escuser.h        a user header (included with quotes)
    OUTDIR/sys/escsys.h     a "system" header: compile with -isystem OUTDIR/sys
    OUTDIR/meta.json        {"std": ..., "features": [...], "large": ...}

The program is deterministic and free of undefined behaviour: every object is
initialised before it is read, escaped objects stay reachable, addresses of
locals stored into globals are never used after their frame is gone, and the
checksum depends on no address (except alignment checks, which hold on a
correct compiler).  Features mix templates instantiated many times (class,
function, variadic, CRTP), lambdas (by reference, by value, in default
arguments, generic, immediately invoked, in unevaluated operands), macros that
expand to new/malloc (also macros from the system header), nested and local
classes, virtual calls, exceptions, coroutines, constexpr/consteval new,
#line directives, _Pragma, sret, C variadic functions, placement new,
class-specific operator new, nothrow new, aligned new, runtime-size arrays,
unique_ptr<T[]>, dangling stores of local addresses, static locals,
thread_local, goto, switch, recursion, statement expressions, inline asm,
global initialisers, default member initialisers; --large adds thousands of
small allocating functions.
"""
import json
import os
import random
import sys

TYPES = ["int", "long", "short", "unsigned", "long long", "unsigned char", "double"]


class Gen:
    def __init__(self, seed, large=False, std=None):
        self.r = random.Random(seed)
        self.seed = seed
        self.std = std or self.r.choice(["c++17", "c++20", "c++20"])
        self.c20 = self.std == "c++20"
        self.large = large
        self.chunks = []      # namespace-scope code chunks (strings, may contain @@LINE@@)
        self.calls = []       # checksum expressions for main
        self.features = []
        self.sys_helpers = []  # names of optional helpers in the system header
        self.no_encoding = False

    # -- helpers -----------------------------------------------------------
    def ri(self, a, b):
        return self.r.randint(a, b)

    def pick(self, xs):
        return self.r.choice(xs)

    def maybe(self, p=0.5):
        return self.r.random() < p

    def add(self, code, call=None):
        self.chunks.append(code)
        if call:
            self.calls.append(call)

    # -- system header --------------------------------------------------------
    def sys_header(self):
        r = self.r
        h = ["#ifndef ESCSYS_H", "#define ESCSYS_H",
             "#include <cstddef>", "#include <cstdlib>", "#include <cstring>",
             "#include <memory>", "#include <vector>", "#include <functional>",
             "#include <string>", "#include <new>", "#include <utility>",
             "#define SYS_NEW(T, ...) (new T(__VA_ARGS__))",
             "#define SYS_NEW_ARR(T, n) (new T[n])",
             "#define SYS_MALLOC(n) (std::malloc(n))",
             "#define SYS_FREE(p) (std::free(p))",
             "#define SYS_MAKE_UNIQUE(T, ...) (std::make_unique<T>(__VA_ARGS__))",
             "#define SYS_MAKE_SHARED(T, ...) (std::make_shared<T>(__VA_ARGS__))",
             "#define SYS_LOCAL_BOX(name, T, v) std::unique_ptr<T> name = std::make_unique<T>(v)",
             "namespace escsys {",
             "inline int *new_int(int v) { return new int(v); }",
             "inline long use_new_int(int v) { int *p = new int(v); long r = *p; delete p; return r; }",
             "template <class T> std::unique_ptr<T> uniq(T v) { return std::make_unique<T>(v); }",
             "template <class T> std::shared_ptr<T> shared(T v) { return std::make_shared<T>(v); }",
             "template <class T> long vec_sum(int n) { std::vector<T> v; for (int i = 0; i < n; ++i) v.push_back(T(i)); long s = 0; for (auto &x : v) s += (long)x; return s; }",
             "inline std::function<long(long)> adder(long k) { return [k](long x) { return x + k; }; }",
             "inline std::string rep(const char *s, int n) { std::string r; for (int i = 0; i < n; ++i) r += s; return r; }",
             "template <class T, class F> long with_new(F f) { T *p = new T(); long r = f(*p); delete p; return r; }",
             "template <class T> T *keep(T v) { static std::vector<T *> kept; T *p = new T(v); kept.push_back(p); return p; }",
             "inline void *raw(std::size_t n) { return std::malloc(n); }",
             "template <class T, class... A> T *make(A &&...a) { return new T(std::forward<A>(a)...); }",
             "struct Buf { char *p; std::size_t n; explicit Buf(std::size_t n) : p(new char[n]), n(n) { std::memset(p, 1, n); }"
             " ~Buf() { delete[] p; } Buf(const Buf &) = delete; Buf &operator=(const Buf &) = delete;"
             " long sum() const { long s = 0; for (std::size_t i = 0; i < n; ++i) s += p[i]; return s; } };",
             "template <class T> struct Pool { std::vector<std::unique_ptr<T>> items;"
             " T *get(T v) { items.push_back(std::make_unique<T>(v)); return items.back().get(); }"
             " long size() const { return (long)items.size(); } };",
             "template <class F> long call_fn(F f, long x) { std::function<long(long)> g = f; return g(x); }",
             "inline std::shared_ptr<std::vector<int>> shared_vec(int n) { auto v = std::make_shared<std::vector<int>>(); for (int i = 0; i < n; ++i) v->push_back(i); return v; }",
             ]
        # Random extra helpers with random allocation styles.
        for i in range(self.ri(2, 8)):
            name = "hx%d" % i
            kind = self.ri(0, 5)
            if kind == 0:
                h.append("template <class T> long %s(T v) { T *p = new T(v); long r = (long)*p; delete p; return r; }" % name)
            elif kind == 1:
                h.append("template <class T> long %s(T v) { auto p = std::make_unique<T[]>(4); p[1] = v; return (long)p[1]; }" % name)
            elif kind == 2:
                h.append("template <class T> long %s(T v) { std::vector<T> xs(3, v); std::function<long()> f = [&xs] { return (long)xs.size(); }; return f() + (long)xs[0]; }" % name)
            elif kind == 3:
                h.append("template <class T> long %s(T v) { T *p = static_cast<T *>(std::malloc(sizeof(T) * 2)); p[0] = v; p[1] = v; long r = (long)(p[0] + p[1]); std::free(p); return r; }" % name)
            elif kind == 4:
                h.append("template <class T> long %s(T v) { auto sp = std::make_shared<T>(v); auto sp2 = sp; return (long)*sp2 + (long)sp.use_count(); }" % name)
            else:
                h.append("template <class T> long %s(T v) { std::string s(8, 'x'); s += std::to_string((long)v); return (long)s.size(); }" % name)
            self.sys_helpers.append(name)
        h += ["}  // namespace escsys", "#endif", ""]
        return "\n".join(h)

    def user_header(self):
        return "\n".join([
            "#ifndef ESCUSER_H", "#define ESCUSER_H",
            "#include <escsys.h>",
            "#define USER_NEW(T, v) (new T(v))",
            "#define USER_NEW_VIA_SYS(T, v) SYS_NEW(T, v)",
            "template <class T> struct UBox { T *p; explicit UBox(T v) : p(USER_NEW(T, v)) {} ~UBox() { delete p; }"
            " UBox(const UBox &) = delete; UBox &operator=(const UBox &) = delete; T get() const { return *p; } };",
            "inline long user_inline_alloc(long v) { long *p = new long(v); long r = *p; delete p; return r; }",
            "template <class T> inline T *user_leak(T v) { static T *last; last = USER_NEW_VIA_SYS(T, v); return last; }",
            "#endif", ""])

    # -- features ------------------------------------------------------------
    def f_template_class(self, k):
        lines = ["template <class T, int N> struct Box%d {" % k,
                 "  T *data;",
                 "  Box%d() : data(new T[N]) { for (int i = 0; i < N; ++i) data[i] = T(i); }" % k,
                 "  ~Box%d() { delete[] data; }" % k,
                 "  Box%d(const Box%d &) = delete;" % (k, k),
                 "  Box%d &operator=(const Box%d &) = delete;" % (k, k),
                 "  long sum() const { long s = 0; for (int i = 0; i < N; ++i) s += (long)data[i]; return s; }",
                 "  static Box%d *heap() { return new Box%d(); }" % (k, k),
                 "  template <class U> U conv() const { U *u = new U((U)data[0]); U r = *u; delete u; return r; }",
                 "};",
                 "long use_box%d() {" % k, "  long s = 0;"]
        for i in range(self.ri(3, 25)):
            t = self.pick(TYPES)
            n = self.ri(1, 40)
            c = self.ri(0, 2)
            if c == 0:
                lines.append("  { Box%d<%s, %d> b; s += b.sum(); }" % (k, t, n))
            elif c == 1:
                lines.append("  { auto *h = Box%d<%s, %d>::heap(); s += h->sum(); delete h; }" % (k, t, n))
            else:
                lines.append("  { Box%d<%s, %d> b; s += (long)b.template conv<%s>(); }" % (k, t, n, self.pick(TYPES)))
        lines += ["  return s;", "}"]
        self.add("\n".join(lines), "use_box%d()" % k)

    def f_func_template(self, k):
        depth = self.ri(2, 60)
        lines = ["template <class T, int K> T ft%d(T x) { T *p = new T(x + K); T r = *p; delete p; return r; }" % k,
                 "template <int N> long rec%d() { auto p = std::make_unique<long>(N); return *p + rec%d<N - 1>(); }" % (k, k),
                 "template <> long rec%d<0>() { return 0; }" % k,
                 "template <class T> T *escape_tpl%d(T v) { static T *sink; sink = new T(v); return sink; }" % k,
                 "long use_ft%d() {" % k, "  long s = rec%d<%d>();" % (k, depth)]
        for i in range(self.ri(3, 30)):
            t = self.pick(["int", "long", "short", "long long", "unsigned"])
            lines.append("  s += (long)ft%d<%s, %d>(%d);" % (k, t, self.ri(0, 50), self.ri(0, 9)))
        for i in range(self.ri(0, 4)):
            lines.append("  s += (long)*escape_tpl%d<%s>(%d);" % (k, self.pick(["int", "long", "short"]), self.ri(0, 9)))
        lines += ["  return s;", "}"]
        self.add("\n".join(lines), "use_ft%d()" % k)

    def f_variadic(self, k):
        lines = ["template <class... A> long vsum%d(A... a) {" % k,
                 "  long *arr = new long[sizeof...(A) + 1]{(long)a..., 0};",
                 "  long s = 0;",
                 "  for (unsigned long i = 0; i < sizeof...(A); ++i) s += arr[i];",
                 "  delete[] arr;",
                 "  return s;", "}",
                 "template <class... A> long fold%d(A... a) { return (0L + ... + (long)a); }" % k,
                 "template <class T, class... A> std::unique_ptr<T> mk%d(A... a) { return std::unique_ptr<T>(new T{a...}); }" % k,
                 "struct Agg%d { long a, b, c; };" % k,
                 "template <class... A> long count_heap%d(A &&...a) { std::vector<std::shared_ptr<long>> v{std::make_shared<long>((long)a)...}; long s = 0; for (auto &p : v) s += *p; return s; }" % k,
                 "long use_var%d() {" % k, "  long s = 0;"]
        for i in range(self.ri(2, 15)):
            n = self.ri(0, 12)
            args = ", ".join(str(self.ri(0, 9)) + self.pick(["", "L", "u", ".0"]) for _ in range(n))
            f = self.pick(["vsum", "fold", "count_heap"])
            lines.append("  s += %s%d(%s);" % (f, k, args))
        lines.append("  { auto a = mk%d<Agg%d>(1L, 2L, 3L); s += a->a + a->b + a->c; }" % (k, k))
        lines += ["  return s;", "}"]
        self.add("\n".join(lines), "use_var%d()" % k)

    def f_crtp(self, k):
        n = self.ri(2, 6)
        lines = ["template <class D> struct CrtpBase%d {" % k,
                 "  long run() { auto *p = new long(static_cast<D *>(this)->step()); long r = *p; delete p; return r; }",
                 "  std::unique_ptr<D> clone() const { return std::make_unique<D>(*static_cast<const D *>(this)); }",
                 "};"]
        for i in range(n):
            lines.append("struct Crtp%d_%d : CrtpBase%d<Crtp%d_%d> { long v = %d; long step() { return v * %d; } };"
                         % (k, i, k, k, i, self.ri(0, 9), self.ri(1, 5)))
        lines.append("long use_crtp%d() {" % k)
        lines.append("  long s = 0;")
        for i in range(n):
            if self.maybe():
                lines.append("  { Crtp%d_%d a; s += a.run(); s += a.clone()->run(); }" % (k, i))
            else:
                lines.append("  { auto *h = new Crtp%d_%d(); s += h->run(); delete h; }" % (k, i))
        lines += ["  return s;", "}"]
        self.add("\n".join(lines), "use_crtp%d()" % k)

    def f_lambda(self, k):
        a = self.ri(1, 20)
        lines = ["static std::function<long()> g_fn%d;" % k,
                 "long lam_default%d(long x, long (*f)(long) = [](long y) { int *p = new int((int)y); long r = *p; delete p; return r + 1; }) { return f(x); }" % k,
                 "long lam_default_obj%d(long x, std::function<long(long)> f = [](long y) { return *std::make_unique<long>(y * 2); }) { return f(x); }" % k,
                 "long use_lambda%d(int n) {" % k,
                 "  long a = %d; long s = 0;" % a,
                 "  auto byref = [&]() { s += a; int *q = new int(2); s += *q; delete q; };",
                 "  byref();",
                 "  auto byval = [a](long z) { return std::make_unique<long>(a + z); };",
                 "  s += *byval(4);",
                 "  auto gen = [](auto x) { auto *p = new decltype(x)(x); auto r = *p; delete p; return r; };",
                 "  s += gen(3) + (long)gen(4L) + (long)gen((short)5) + (long)gen(1.5);",
                 "  s += [&] { return a * 2; }();",
                 "  s += [](int m) { std::vector<int> v(m, 1); long t = 0; for (int e : v) t += e; return t; }(n);",
                 "  auto nested = [&](int m) { return [=](int j) { auto *p = new long(m + j + a); long r = *p; delete p; return r; }(m); };",
                 "  s += nested(n);",
                 "  long *heap = new long(5);",
                 "  g_fn%d = [heap] { return *heap; };" % k,
                 "  s += g_fn%d();" % k,
                 "  s += lam_default%d(3) + lam_default_obj%d(4);" % (k, k),
                 "  std::function<long(long)> rec = [&rec](long d) -> long { if (d <= 0) return 0; auto p = std::make_shared<long>(d); return *p + rec(d - 1); };",
                 "  s += rec(%d);" % self.ri(1, 12)]
        if self.c20:
            lines += ["  auto tl = []<class T>(T x) { return std::make_shared<T>(x); };",
                      "  s += *tl(7) + (long)*tl(2.0);",
                      "  auto pack = [](auto... xs) { return (0L + ... + *std::make_unique<long>(xs)); };",
                      "  s += pack(1, 2, 3);"]
        lines += ["  return s;", "}"]
        self.add("\n".join(lines), "use_lambda%d(rt)" % k)
        if self.c20 and self.maybe():
            self.add("using LamT%d = decltype([] { return new int(4); });\n"
                     "long use_uneval%d() { LamT%d l; int *p = l(); long r = *p; delete p; return r; }" % (k, k, k),
                     "use_uneval%d()" % k)

    def f_macro(self, k):
        lines = ["#define MK%d(T, v) (new T(v))" % k,
                 "#define MALLOC%d(n) ((long *)std::malloc((n) * sizeof(long)))" % k,
                 "#define DEFN%d(name, v) long name() { long *p = MK%d(long, v); long r = *p; delete p; return r; }" % (k, k),
                 "#define TWICE%d(x) ((x) + (x))" % k,
                 "#define MULTI%d(a, b) \\\n  auto *a = new long(1); \\\n  auto *b = new long(2)" % k,
                 "DEFN%d(macfn%d, %d)" % (k, k, self.ri(0, 9)),
                 "#define ONE_LINE_TWO%d (*std::unique_ptr<int>(new int(1)) + *std::unique_ptr<int>(new int(2)))" % k,
                 "long use_macro%d() {" % k,
                 "  long s = 0;",
                 "  int *a = MK%d(int, 4); s += *a; delete a;" % k,
                 "  long *m = MALLOC%d(4); for (int i = 0; i < 4; ++i) m[i] = i; s += m[3]; std::free(m);" % k,
                 "  int *b = SYS_NEW(int, 6); s += *b; delete b;",
                 "  int *ba = SYS_NEW_ARR(int, 3); ba[2] = 1; s += ba[2]; delete[] ba;",
                 "  void *c = SYS_MALLOC(16); std::memset(c, 0, 16); s += ((char *)c)[3]; SYS_FREE(c);",
                 "  auto u = SYS_MAKE_UNIQUE(long, 9); s += *u;",
                 "  auto sh = SYS_MAKE_SHARED(int, 3); s += *sh;",
                 "  SYS_LOCAL_BOX(bx, long, 8); s += *bx;",
                 "  s += TWICE%d(*std::unique_ptr<int>(MK%d(int, 2)));" % (k, k),
                 "  s += macfn%d();" % k,
                 "  { MULTI%d(x1, x2); s += *x1 + *x2; delete x1; delete x2; }" % k,
                 "  s += ONE_LINE_TWO%d;" % k,
                 "  { UBox<long> ub(3); s += ub.get(); }",
                 "  { long *ul = USER_NEW(long, 4); s += *ul; delete ul; }",
                 "  s += *user_leak<int>(3);",
                 "  s += user_inline_alloc(2);",
                 "  return s;", "}"]
        self.add("\n".join(lines), "use_macro%d()" % k)

    def f_nested_local(self, k):
        n = self.ri(1, 30)
        lines = ["struct Outer%d {" % k,
                 "  struct Inner { long v; Inner *next; };",
                 "  Inner *head = nullptr;",
                 "  void push(long v) { head = new Inner{v, head}; }",
                 "  long sum() const { long s = 0; for (auto *p = head; p; p = p->next) s += p->v; return s; }",
                 "  ~Outer%d() { while (head) { auto *nx = head->next; delete head; head = nx; } }" % k,
                 "  struct Deep { struct Deeper { static long f() { auto p = std::make_unique<long>(3); return *p; } }; };",
                 "};",
                 "long use_nested%d() {" % k,
                 "  struct Local { long x; long get() { auto *p = new long(x); long r = *p; delete p; return r; }",
                 "    struct LI { static long g() { return *std::make_shared<long>(2); } }; };",
                 "  Outer%d o; for (int i = 0; i < %d; ++i) o.push(i);" % (k, n),
                 "  Local l{7};",
                 "  auto *lh = new Local{8};",
                 "  long r = o.sum() + l.get() + lh->get() + Local::LI::g() + Outer%d::Deep::Deeper::f();" % k,
                 "  delete lh;",
                 "  auto lam = [] { struct InLam { long v = 4; }; auto *p = new InLam(); long r2 = p->v; delete p; return r2; };",
                 "  return r + lam();", "}"]
        self.add("\n".join(lines), "use_nested%d()" % k)

    def f_virtual(self, k):
        lines = ["struct VBase%d { virtual ~VBase%d() = default; virtual long get() const = 0; virtual VBase%d *clone() const = 0; };" % (k, k, k),
                 "struct VA%d : VBase%d { long v; explicit VA%d(long v) : v(v) {} long get() const override { return v; }"
                 " VBase%d *clone() const override { return new VA%d(v + 1); } };" % (k, k, k, k, k),
                 "struct VB%d final : VBase%d { std::string s; explicit VB%d(int n) : s(n, 'b') {} long get() const override { return (long)s.size(); }"
                 " VBase%d *clone() const override { return new VB%d((int)s.size() + 1); } };" % (k, k, k, k, k),
                 "struct VC%d : virtual VBase%d { std::vector<long> xs; VC%d() : xs(3, 2) {} long get() const override { long s = 0; for (long x : xs) s += x; return s; }"
                 " VBase%d *clone() const override { return new VC%d(); } };" % (k, k, k, k, k),
                 "long use_virtual%d() {" % k,
                 "  std::vector<std::unique_ptr<VBase%d>> vs;" % k]
        for i in range(self.ri(1, 8)):
            c = self.ri(0, 2)
            lines.append("  vs.push_back(%s);" % ["std::make_unique<VA%d>(%d)" % (k, self.ri(0, 9)),
                                                  "std::make_unique<VB%d>(%d)" % (k, self.ri(0, 9)),
                                                  "std::unique_ptr<VBase%d>(new VC%d())" % (k, k)][c])
        lines += ["  VBase%d *raw = new VA%d(4);" % (k, k),
                  "  long s = raw->get();",
                  "  VBase%d *c = raw->clone(); s += c->get(); delete c; delete raw;" % k,
                  "  for (auto &p : vs) { s += p->get(); std::unique_ptr<VBase%d> cl(p->clone()); s += cl->get(); }" % k,
                  "  VB%d onstack(3); VBase%d &ref = onstack; s += ref.get();" % (k, k),
                  "  return s;", "}"]
        self.add("\n".join(lines), "use_virtual%d()" % k)

    def f_exception(self, k):
        lines = ["struct Err%d { long code; };" % k,
                 "long thrower%d(int x) {" % k,
                 "  if (x > 2) throw new Err%d{x};" % k,
                 "  if (x > 1) throw std::runtime_error(std::string(x, 'e'));",
                 "  if (x > 0) throw Err%d{x * 10};" % k,
                 "  return x;", "}",
                 "long use_exc%d() {" % k,
                 "  long s = 0;",
                 "  for (int i = 0; i < 4; ++i) {",
                 "    try { s += thrower%d(i); }" % k,
                 "    catch (Err%d *e) { s += e->code; delete e; }" % k,
                 "    catch (const std::runtime_error &e) { s += (long)std::strlen(e.what()); }",
                 "    catch (Err%d e) { s += e.code; }" % k,
                 "  }",
                 "  try { try { auto p = std::make_unique<int>(4); s += *p; throw 5; } catch (...) { throw; } } catch (int v) { s += v; }",
                 "  try { std::vector<int> v(3); s += (long)v.at(1); (void)v.at(7); } catch (const std::out_of_range &) { s += 100; }",
                 "  try { long *leak = new long(3); s += *leak; throw std::unique_ptr<long>(leak); } catch (std::unique_ptr<long> &p) { s += *p; }",
                 "  return s;", "}"]
        self.add("\n".join(lines), "use_exc%d()" % k)

    def f_coroutine(self, k):
        if not self.c20:
            return self.f_func_template(k)
        n = self.ri(1, 20)
        lines = ["struct Gen%d {" % k,
                 "  struct promise_type {",
                 "    long cur = 0;",
                 "    Gen%d get_return_object() { return Gen%d{std::coroutine_handle<promise_type>::from_promise(*this)}; }" % (k, k),
                 "    std::suspend_always initial_suspend() noexcept { return {}; }",
                 "    std::suspend_always final_suspend() noexcept { return {}; }",
                 "    std::suspend_always yield_value(long v) noexcept { cur = v; return {}; }",
                 "    void return_void() noexcept {}",
                 "    void unhandled_exception() { std::terminate(); }",
                 "  };",
                 "  std::coroutine_handle<promise_type> h;",
                 "  explicit Gen%d(std::coroutine_handle<promise_type> h) : h(h) {}" % k,
                 "  Gen%d(Gen%d &&o) noexcept : h(o.h) { o.h = {}; }" % (k, k),
                 "  ~Gen%d() { if (h) h.destroy(); }" % k,
                 "  bool next() { h.resume(); return !h.done(); }",
                 "  long value() const { return h.promise().cur; }",
                 "};",
                 "Gen%d count%d(long n) { for (long i = 0; i < n; ++i) { auto p = std::make_unique<long>(i * 2); co_yield *p; } }" % (k, k),
                 "Gen%d heap_gen%d(long n) { long *buf = new long[4]{1, 2, 3, 4}; for (long i = 0; i < n; ++i) co_yield buf[i %% 4]; delete[] buf; }" % (k, k),
                 "struct Task%d {" % k,
                 "  struct promise_type {",
                 "    long v = 0;",
                 "    Task%d get_return_object() { return Task%d{std::coroutine_handle<promise_type>::from_promise(*this)}; }" % (k, k),
                 "    std::suspend_never initial_suspend() noexcept { return {}; }",
                 "    std::suspend_always final_suspend() noexcept { return {}; }",
                 "    void return_value(long x) { v = x; }",
                 "    void unhandled_exception() { std::terminate(); }",
                 "  };",
                 "  std::coroutine_handle<promise_type> h;",
                 "  explicit Task%d(std::coroutine_handle<promise_type> h) : h(h) {}" % k,
                 "  Task%d(Task%d &&o) noexcept : h(o.h) { o.h = {}; }" % (k, k),
                 "  ~Task%d() { if (h) h.destroy(); }" % k,
                 "  long get() const { return h.promise().v; }",
                 "};",
                 "Task%d task%d(long x) { int *p = new int((int)x); long r = *p; delete p; co_return r + 1; }" % (k, k),
                 "template <class T> Task%d ttask%d(T x) { auto sp = std::make_shared<T>(x); co_return (long)*sp; }" % (k, k),
                 "long use_coro%d() {" % k,
                 "  long s = 0;",
                 "  { auto g = count%d(%d); while (g.next()) s += g.value(); }" % (k, n),
                 "  { auto g = heap_gen%d(%d); while (g.next()) s += g.value(); }" % (k, self.ri(0, 9)),
                 "  { auto t = task%d(5); s += t.get(); }" % k,
                 "  { auto t = ttask%d<int>(3); s += t.get(); auto t2 = ttask%d<long>(4); s += t2.get(); }" % (k, k),
                 "  return s;", "}"]
        self.add("\n".join(lines), "use_coro%d()" % k)

    def f_constexpr(self, k):
        n = self.ri(1, 20)
        if self.c20:
            lines = ["constexpr long cnew%d(int n) { long *p = new long[n]; for (int i = 0; i < n; ++i) p[i] = i * i; long s = 0; for (int i = 0; i < n; ++i) s += p[i]; delete[] p; return s; }" % k,
                     "consteval long ceval%d(long x) { auto *p = new long(x); long r = *p * 3; delete p; return r; }" % k,
                     "constexpr long cvec%d() { std::vector<int> v; for (int i = 0; i < 5; ++i) v.push_back(i); long s = 0; for (int x : v) s += x; return s; }" % k,
                     "constexpr long cuniq%d() { std::string s = \"a constexpr heap string longer than the SSO buffer\"; s += \"!\"; return (long)s.size(); }" % k,
                     "static_assert(cnew%d(4) == 14);" % k,
                     "static_assert(cvec%d() == 10);" % k,
                     "constexpr long kval%d = cnew%d(%d);" % (k, k, n),
                     "long use_constexpr%d(int n) { constexpr long local = cuniq%d(); return cnew%d(n) + kval%d + ceval%d(7) + cvec%d() + local; }" % (k, k, k, k, k, k)]
        else:
            lines = ["constexpr long cnew%d(int n) { long s = 0; for (int i = 0; i < n; ++i) s += i * i; return s; }" % k,
                     "static_assert(cnew%d(4) == 14, \"\");" % k,
                     "constexpr long kval%d = cnew%d(%d);" % (k, k, n),
                     "long use_constexpr%d(int n) { long *p = new long(cnew%d(n)); long r = *p + kval%d; delete p; return r; }" % (k, k, k)]
        self.add("\n".join(lines), "use_constexpr%d(rt)" % k)

    def f_line(self, k):
        lines = []
        c = self.ri(0, 4)
        if c == 0:
            lines.append('#line %d "virtual%d.cpp"' % (self.ri(1, 100000), k))
        elif c == 1:
            lines.append("#line %d" % self.ri(1, 100000))
        elif c == 2:
            lines.append('#line %d "t.cpp"' % self.ri(1, 30))   # the real file name, wrong lines
        elif c == 3:
            lines.append('#line %d "@@SYSHDR@@"' % self.ri(1, 30))  # the system header's name
        else:
            lines.append('#line 1 "escuser.h"')
        lines += ["long line%d_a() { long *p = new long(3); long r = *p; delete p; return r; }" % k,
                  "long *g_line%d;" % k,
                  "long line%d_b(int n) { int *q = new int[4]{1, 2, 3, 4}; long r = q[3] + n; delete[] q; g_line%d = new long(r); return *g_line%d; }" % (k, k, k),
                  "long line%d_c() { return *std::make_unique<long>(5) + (long)std::vector<int>(3).size(); }" % k,
                  "long line%d_d(long *p) { static long *keep; keep = p; return *p; }" % k,
                  "@@RESTORE@@",
                  "long use_line%d(int n) { long x = 2; long r = line%d_a() + line%d_b(n) + line%d_c() + line%d_d(new long(x)); return r; }" % (k, k, k, k, k)]
        self.add("\n".join(lines), "use_line%d(rt)" % k)

    def f_pragma(self, k):
        lines = ["#define NOWARN%d(x) _Pragma(\"clang diagnostic push\") _Pragma(\"clang diagnostic ignored \\\"-Wunused-variable\\\"\") x _Pragma(\"clang diagnostic pop\")" % k,
                 "#define PRAGMA_NEW%d(T, v) _Pragma(\"GCC diagnostic push\") new T(v) _Pragma(\"GCC diagnostic pop\")" % k,
                 "_Pragma(\"clang diagnostic push\")",
                 "_Pragma(\"clang diagnostic ignored \\\"-Wshadow\\\"\")",
                 "long pragma%d(int n) {" % k,
                 "  long s = 0;",
                 "  _Pragma(\"clang loop unroll(disable)\")",
                 "  for (int i = 0; i < n; ++i) { long *p = new long(i); s += *p; delete p; }",
                 "  NOWARN%d(int unused%d = 3;)" % (k, k),
                 "  _Pragma(\"clang loop vectorize(enable)\")",
                 "  for (int i = 0; i < 8; ++i) { s += i; }",
                 "  long *q = PRAGMA_NEW%d(long, 4);" % k,
                 "  s += *q; delete q;",
                 "  return s;", "}",
                 "_Pragma(\"clang diagnostic pop\")"]
        self.add("\n".join(lines), "pragma%d(rt)" % k)

    def f_sret(self, k):
        lines = ["struct Big%d { long a[8]; long *extra; };" % k,
                 "Big%d mkbig%d(long v) { Big%d b{}; for (int i = 0; i < 8; ++i) b.a[i] = v + i; b.extra = new long(v); return b; }" % (k, k, k),
                 "struct Big2_%d { long a[6]; };" % k,
                 "Big2_%d mk2_%d(long v) { auto *p = new Big2_%d{}; p->a[0] = v; Big2_%d r = *p; delete p; return r; }" % (k, k, k, k),
                 "struct WithStr%d { std::string s; std::vector<int> v; long n; };" % k,
                 "WithStr%d mkws%d(int n) { WithStr%d w{std::string(n, 'w'), std::vector<int>(n, 1), n}; return w; }" % (k, k, k),
                 "struct Pair%d { long *a; long *b; };" % k,
                 "Pair%d mkpair%d() { long *x = new long(1); long local = 2; Pair%d p{x, x}; (void)local; return p; }" % (k, k, k),
                 "long use_sret%d(int n) {" % k,
                 "  Big%d b = mkbig%d(3); long s = b.a[7] + *b.extra; delete b.extra;" % (k, k),
                 "  s += mk2_%d(4).a[0];" % k,
                 "  WithStr%d w = mkws%d(n); s += (long)w.s.size() + (long)w.v.size() + w.n;" % (k, k),
                 "  Pair%d p = mkpair%d(); s += *p.a; delete p.a;" % (k, k),
                 "  return s;", "}"]
        self.add("\n".join(lines), "use_sret%d(rt)" % k)

    def f_cvariadic(self, k):
        args = ", ".join("%dL" % self.ri(0, 9) for _ in range(self.ri(1, 8)))
        cnt = args.count(",") + 1
        lines = ["long vsumc%d(int n, ...) { va_list ap; va_start(ap, n); long *buf = (long *)std::malloc(sizeof(long) * (n + 1)); long s = 0;"
                 " for (int i = 0; i < n; ++i) { buf[i] = va_arg(ap, long); s += buf[i]; } va_end(ap); std::free(buf); return s; }" % k,
                 "void *vpass%d(int n, ...) { va_list ap; va_start(ap, n); void *p = va_arg(ap, void *); va_end(ap); return p; }" % k,
                 "void *g_vkeep%d;" % k,
                 "void vkeep%d(int n, ...) { va_list ap; va_start(ap, n); g_vkeep%d = va_arg(ap, void *); va_end(ap); }" % (k, k),
                 "long use_cvar%d() {" % k,
                 "  long s = vsumc%d(%d, %s);" % (k, cnt, args),
                 "  int *q = new int(5); int *q2 = (int *)vpass%d(1, (void *)q); s += *q2; delete q;" % k,
                 "  long *kk = new long(6); vkeep%d(1, (void *)kk); s += *(long *)g_vkeep%d;" % (k, k),
                 "  return s;", "}"]
        self.add("\n".join(lines), "use_cvar%d()" % k)

    def f_placement(self, k):
        lines = ["struct Pl%d { long v; explicit Pl%d(long v) : v(v) {} ~Pl%d() {} };" % (k, k, k),
                 "long use_placement%d() {" % k,
                 "  alignas(Pl%d) unsigned char buf[sizeof(Pl%d) * 2];" % (k, k),
                 "  Pl%d *p = new (buf) Pl%d(3); long r = p->v; p->~Pl%d();" % (k, k, k),
                 "  void *h = std::malloc(sizeof(Pl%d)); Pl%d *q = new (h) Pl%d(4); r += q->v; q->~Pl%d(); std::free(h);" % (k, k, k, k),
                 "  void *h2 = ::operator new(sizeof(Pl%d)); Pl%d *q2 = ::new (h2) Pl%d(5); r += q2->v; q2->~Pl%d(); ::operator delete(h2);" % (k, k, k, k),
                 "  long *arr = new (std::malloc(sizeof(long) * 4)) long[4]{1, 2, 3, 4}; r += arr[3]; std::free(arr);",
                 "  return r;", "}"]
        self.add("\n".join(lines), "use_placement%d()" % k)

    def f_classnew(self, k):
        lines = ["struct CN%d {" % k,
                 "  long v;",
                 "  static long count;",
                 "  static void *operator new(std::size_t n) { ++count; return ::operator new(n); }",
                 "  static void operator delete(void *p) { ::operator delete(p); }",
                 "  static void *operator new[](std::size_t n) { ++count; return ::operator new[](n); }",
                 "  static void operator delete[](void *p) { ::operator delete[](p); }",
                 "  static void *operator new(std::size_t n, long extra) { count += extra; return std::malloc(n); }",
                 "  static void operator delete(void *p, long) { std::free(p); }",
                 "};",
                 "long CN%d::count = 0;" % k,
                 "struct CND%d : CN%d { long w = 2; };" % (k, k),
                 "long use_classnew%d() {" % k,
                 "  auto *a = new CN%d{5}; long r = a->v; delete a;" % k,
                 "  auto *arr = new CN%d[3]; delete[] arr;" % k,
                 "  auto *d = new CND%d(); r += d->w; delete d;" % k,
                 "  auto *g = ::new CN%d{7}; r += g->v; ::delete g;" % k,
                 "  auto *pl = new (3L) CN%d{1}; r += pl->v; pl->~CN%d(); std::free(pl);" % (k, k),
                 "  return r + CN%d::count;" % k, "}"]
        self.add("\n".join(lines), "use_classnew%d()" % k)

    def f_nothrow(self, k):
        lines = ["long use_nothrow%d(int n) {" % k,
                 "  int *p = new (std::nothrow) int[n]; if (!p) return -1;",
                 "  for (int i = 0; i < n; ++i) p[i] = i; long s = p[n - 1]; delete[] p;",
                 "  long *q = new (std::nothrow) long(3); if (q) s += *q; delete q;",
                 "  auto *v = new (std::nothrow) std::vector<int>(3, 4); s += (*v)[2]; delete v;",
                 "  return s;", "}"]
        self.add("\n".join(lines), "use_nothrow%d(rt)" % k)

    def f_aligned(self, k):
        al = self.pick([32, 64, 128, 256])
        lines = ["struct alignas(%d) Al%d { long v[3]; };" % (al, k),
                 "long use_aligned%d() {" % k,
                 "  auto *a = new Al%d{{1, 2, 3}}; long r = a->v[2] + (long)(((std::uintptr_t)a) %% %d == 0); delete a;" % (k, al),
                 "  auto *arr = new Al%d[4]; arr[3].v[0] = 5; r += arr[3].v[0] + (long)(((std::uintptr_t)&arr[1]) %% %d == 0); delete[] arr;" % (k, al),
                 "  auto u = std::make_unique<Al%d>(); r += u->v[0] + (long)(((std::uintptr_t)u.get()) %% %d == 0);" % (k, al),
                 "  void *raw = ::operator new(128, std::align_val_t(64)); r += (long)(((std::uintptr_t)raw) % 64 == 0); ::operator delete(raw, std::align_val_t(64));",
                 "  Al%d *nt = new (std::nothrow) Al%d(); r += nt ? 1 : 0; delete nt;" % (k, k),
                 "  void *aa = std::aligned_alloc(64, 128); r += (long)(((std::uintptr_t)aa) % 64 == 0); std::free(aa);",
                 "  long *plain = new long(1); r += (long)(((std::uintptr_t)plain) % 16 == 0); delete plain;",
                 "  auto sp = std::make_shared<Al%d>(); r += (long)(((std::uintptr_t)sp.get()) %% %d == 0);" % (k, al),
                 "  return r;", "}"]
        self.add("\n".join(lines), "use_aligned%d()" % k)

    def f_vla(self, k):
        lines = ["long use_vla%d(int n) {" % k,
                 "  long arr[n]; for (int i = 0; i < n; ++i) arr[i] = i;",
                 "  long s = 0; for (int i = 0; i < n; ++i) s += arr[i];",
                 "  int *h = new int[n]; for (int i = 0; i < n; ++i) h[i] = 2 * i; s += h[n - 1]; delete[] h;",
                 "  long *c = (long *)std::calloc(n, sizeof(long)); s += c[n - 1]; std::free(c);",
                 "  char *m = (char *)std::malloc(n + %d); std::memset(m, 1, n + %d); s += m[n]; m = (char *)std::realloc(m, 2 * n + 40); s += m[0]; std::free(m);" % (self.ri(1, 64), self.ri(1, 1) * 0 + 1),
                 "  std::vector<long> dyn(n * 3, 1); s += (long)dyn.size();",
                 "  return s;", "}"]
        # Fix the memset size to match the malloc size.
        sz = self.ri(1, 64)
        lines[5] = "  char *m = (char *)std::malloc(n + %d); std::memset(m, 1, n + %d); s += m[n]; m = (char *)std::realloc(m, 2 * n + 80); s += m[0]; std::free(m);" % (sz, sz)
        self.add("\n".join(lines), "use_vla%d(rt + %d)" % (k, self.ri(0, 20)))

    def f_uniquearr(self, k):
        n = self.ri(1, 100)
        lines = ["long use_uarr%d(int n) {" % k,
                 "  auto a = std::make_unique<int[]>(n); for (int i = 0; i < n; ++i) a[i] = i;",
                 "  std::unique_ptr<long[]> b(new long[%d]); b[0] = 4;" % n,
                 "  std::shared_ptr<int> sp = std::make_shared<int>(3); auto sp2 = sp;",
                 "  std::unique_ptr<char[]> big(new char[%d]()); " % self.pick([16, 4096, 100000, 1 << 20]),
                 "  std::shared_ptr<long[]> sa(new long[4]{1, 2, 3, 4});",
                 "  return a[n - 1] + b[0] + *sp2 + sp.use_count() + big[0] + sa[3];", "}"]
        self.add("\n".join(lines), "use_uarr%d(rt)" % k)

    def f_dangling(self, k):
        lines = ["long *g_dang%d;" % k,
                 "static std::function<long()> g_dfn%d;" % k,
                 "struct DHolder%d { long *p; };" % k,
                 "DHolder%d g_dh%d;" % (k, k),
                 "void dang%d() { long x = 5; g_dang%d = &x; }" % (k, k),
                 "void dang_param%d(long **pp) { long z = 7; *pp = &z; }" % k,
                 "void dang_lambda%d() { long w = 9; g_dfn%d = [&w] { return w; }; }" % (k, k),
                 "void dang_field%d() { long arr[4] = {1, 2, 3, 4}; g_dh%d.p = arr; }" % (k, k),
                 "long *dang_ret%d(long *keep) { long y = 3; long *r = keep ? keep : &y; return r == &y ? nullptr : r; }" % k,
                 "long use_dang%d() {" % k,
                 "  dang%d(); long *tmp = nullptr; dang_param%d(&tmp); dang_lambda%d(); dang_field%d();" % (k, k, k, k),
                 "  long v = 2; long *rp = dang_ret%d(&v);" % k,
                 "  g_dang%d = nullptr; tmp = nullptr; g_dh%d.p = nullptr;" % (k, k),
                 "  return *rp + (tmp == nullptr);", "}"]
        self.add("\n".join(lines), "use_dang%d()" % k)

    def f_static_tls(self, k):
        lines = ["long use_static%d() {" % k,
                 "  static long *cache = new long(11);",
                 "  static std::vector<int> sv(4, 2);",
                 "  static auto su = std::make_unique<long>(3);",
                 "  thread_local std::vector<int> tv;",
                 "  thread_local int *tp = nullptr;",
                 "  if (!tp) tp = new int(3);",
                 "  tv.push_back(1);",
                 "  static thread_local std::string ts(20, 't');",
                 "  return *cache + sv[0] + *tp + *su + (long)ts.size();", "}"]
        self.add("\n".join(lines), "use_static%d()" % k)

    def f_control(self, k):
        d = self.ri(1, 40)
        lines = ["long rec%d(int d) { if (d <= 0) return 0; long *p = new long(d); long r = *p + rec%d(d - 1); delete p; return r; }" % (k, k),
                 "long mut_a%d(int d);" % k,
                 "long mut_b%d(int d) { auto v = std::make_unique<int>(d); return d <= 0 ? 0 : *v + mut_a%d(d - 1); }" % (k, k),
                 "long mut_a%d(int d) { int *q = (int *)std::malloc(sizeof(int)); *q = d; long r = d <= 0 ? 0 : *q + mut_b%d(d - 1); std::free(q); return r; }" % (k, k),
                 "long sw%d(int x) { long s = 0; int *p = nullptr; switch (x %% 5) {" % k,
                 "  case 0: p = new int(1); break;",
                 "  case 1: { long *q = new long(2); s += *q; delete q; } [[fallthrough]];",
                 "  case 2: p = new int(3); break;",
                 "  case 3: { std::vector<int> v(x, 1); s += (long)v.size(); p = new int(4); break; }",
                 "  default: goto done; }",
                 "  s += *p; delete p;",
                 "done:",
                 "  return s; }",
                 "long goto%d(int n) { long s = 0; int i = 0; long *buf = new long[4];" % k,
                 "again:",
                 "  if (i >= n) goto out;",
                 "  buf[i % 4] = i; s += buf[i % 4]; ++i; goto again;",
                 "out:",
                 "  delete[] buf; return s; }",
                 "long loops%d(int n) { long s = 0; struct N { long v; N *next; }; N *head = nullptr;" % k,
                 "  for (int i = 0; i < n; ++i) { head = new N{i, head}; long *t = new long(i); s += *t; delete t; }",
                 "  while (head) { N *nx = head->next; s += head->v; delete head; head = nx; }",
                 "  int i = 0; do { auto *p = new long(i); s += *p; delete p; } while (++i < n);",
                 "  return s; }",
                 "long use_control%d(int n) { long s = rec%d(%d) + mut_a%d(%d) + goto%d(n) + loops%d(n);" % (k, k, d, k, self.ri(0, 20), k, k),
                 "  for (int x = 0; x < 6; ++x) s += sw%d(x);" % k,
                 "  return s; }"]
        self.add("\n".join(lines), "use_control%d(rt)" % k)

    def f_sys(self, k):
        lines = ["long use_sys%d(int n) {" % k, "  long s = 0;",
                 "  s += (long)escsys::rep(\"ab\", n).size();",
                 "  std::function<long(long)> f = escsys::adder(3); s += f(4);",
                 "  s += escsys::vec_sum<%s>(n);" % self.pick(["int", "long", "short"]),
                 "  s += (long)*escsys::uniq<%s>(%d);" % (self.pick(["int", "long"]), self.ri(0, 9)),
                 "  s += (long)*escsys::shared<%s>(%d);" % (self.pick(["int", "long"]), self.ri(0, 9)),
                 "  s += escsys::with_new<long>([](long &x) { x = 4; return x; });",
                 "  s += *escsys::keep(%d);" % self.ri(0, 9),
                 "  { escsys::Buf b(n + %d); s += b.sum(); }" % self.ri(0, 9),
                 "  { int *p = escsys::new_int(3); s += *p; delete p; }",
                 "  s += escsys::use_new_int(4);",
                 "  { void *m = escsys::raw(8); std::memset(m, 2, 8); s += ((char *)m)[7]; std::free(m); }",
                 "  { auto *pp = escsys::make<std::pair<long, long>>(1L, 2L); s += pp->first + pp->second; delete pp; }",
                 "  { escsys::Pool<long> pool; for (int i = 0; i < n; ++i) s += *pool.get(i); s += pool.size(); }",
                 "  s += escsys::call_fn([n](long x) { return x + n; }, 5);",
                 "  s += (long)escsys::shared_vec(n)->size();"]
        for h in self.sys_helpers:
            if self.maybe(0.7):
                lines.append("  s += escsys::%s<%s>(%d);" % (h, self.pick(["int", "long", "short"]), self.ri(0, 9)))
        lines += ["  return s;", "}"]
        self.add("\n".join(lines), "use_sys%d(rt)" % k)

    def f_misc(self, k):
        lines = ["static int *g_init%d = new int(42);" % k,
                 "static std::unique_ptr<long> g_u%d = std::make_unique<long>(4);" % k,
                 "static std::vector<std::string> g_vs%d{std::string(30, 'g'), \"x\"};" % k,
                 "struct DMI%d { int *p = new int(3); std::vector<int> v = std::vector<int>(3, 1); ~DMI%d() { delete p; } DMI%d() = default; DMI%d(const DMI%d &) = delete; };" % (k, k, k, k, k),
                 "long dfl%d(std::unique_ptr<int> p = std::make_unique<int>(5)) { return *p; }" % k,
                 "long dfl2_%d(int *p = new int(6)) { long r = *p; delete p; return r; }" % k,
                 "long g_asm%d;" % k,
                 "long use_misc%d() {" % k,
                 "  long s = *g_init%d + *g_u%d + (long)g_vs%d[0].size();" % (k, k, k),
                 "  { DMI%d d; s += *d.p + (long)d.v.size(); auto *h = new DMI%d(); s += *h->p; delete h; }" % (k, k),
                 "  s += dfl%d() + dfl2_%d();" % (k, k),
                 "  s += ({ int *p = new int(3); long r = *p; delete p; r; });",
                 "  { long *p = new long(8); asm volatile(\"\" : : \"r\"(p) : \"memory\"); s += *p; delete p; }",
                 "  { long *p = new long(9); std::uintptr_t u = (std::uintptr_t)p; s += (long)(u % 16 == 0) + *(long *)u; delete p; }",
                 "  { long *p = new long(1); long *volatile vp = p; s += *vp; delete p; }",
                 "  { auto [x, y] = std::make_pair(std::make_unique<int>(1), std::vector<int>(2)); s += *x + (long)y.size(); }",
                 "  { union U { long l; char c[8]; }; U *u = new U; u->l = 0; s += u->c[0]; delete u; }",
                 "  { std::string str = \"a fairly long string that will not fit in SSO buffer\"; s += (long)str.size(); }",
                 "  { long **pp = new long *(new long(2)); s += **pp; delete *pp; delete pp; }",
                 "  return s;", "}"]
        self.add("\n".join(lines), "use_misc%d()" % k)

    def f_templates_heavy(self, k):
        depth = self.ri(5, 120)
        lines = ["template <int I> struct Node%d { static long make() { auto *p = new long(I); long r = *p; delete p; return r + Node%d<I - 1>::make(); } };" % (k, k),
                 "template <> struct Node%d<0> { static long make() { return 0; } };" % k,
                 "template <class T> struct W%d { std::vector<T> v; T *one = new T(); explicit W%d(int n) : v(n) {} ~W%d() { delete one; } W%d(const W%d &) = delete;"
                 " long size() const { return (long)v.size(); } };" % (k, k, k, k, k),
                 "template <class T> long wsize%d(int n) { W%d<T> w(n); auto *h = new W%d<T>(n + 1); long r = w.size() + h->size(); delete h; return r; }" % (k, k, k),
                 "struct S%d_a { long x = 1; }; struct S%d_b { double y = 2; }; struct S%d_c { std::string z = \"c\"; };" % (k, k, k),
                 "long use_theavy%d(int n) { long s = Node%d<%d>::make();" % (k, k, depth)]
        for t in self.r.sample(TYPES + ["S%d_a" % k, "S%d_b" % k, "S%d_c" % k, "std::string", "std::vector<int>",
                                         "std::unique_ptr<int>", "std::shared_ptr<long>", "long *"], self.ri(3, 14)):
            lines.append("  s += wsize%d<%s>(n);" % (k, t))
        lines += ["  return s; }"]
        self.add("\n".join(lines), "use_theavy%d(rt)" % k)

    def f_large(self, k):
        n = self.ri(1500, 4000)
        lines = ["long *g_large%d[%d];" % (k, n)]
        for i in range(n):
            c = self.ri(0, 5)
            if c == 0:
                body = "long *p = new long(x + %d); long r = *p; delete p; return r;" % i
            elif c == 1:
                body = "long *p = (long *)std::malloc(sizeof(long)); *p = x; long r = *p; std::free(p); return r;"
            elif c == 2:
                body = "auto p = std::make_unique<long>(x); return *p;"
            elif c == 3:
                body = "g_large%d[%d] = new long(x); return *g_large%d[%d];" % (k, i, k, i)
            elif c == 4:
                body = "long y = x; long *q = &y; return *q + %d;" % (i % 7)
            else:
                body = "return x + %d;" % (i % 5)
            lines.append("long sf%d_%d(long x) { %s }" % (k, i, body))
        lines.append("long (*const tbl%d[])(long) = {%s};" % (k, ", ".join("sf%d_%d" % (k, i) for i in range(n))))
        lines.append("long use_large%d() { long s = 0; for (unsigned long i = 0; i < sizeof(tbl%d) / sizeof(tbl%d[0]); ++i) s += tbl%d[i]((long)i %% 3); return s; }" % (k, k, k, k))
        self.add("\n".join(lines), "use_large%d()" % k)

    def f_encoding(self, k):
        # Non-UTF-8 bytes (Latin-1 0xE9) in source text that the report
        # quotes, a non-UTF-8 #line file name, and Unicode identifiers.
        lines = ["long use_enc%d(int n) {" % k,
                 "  long s = 0;",
                 '  char *p = new char[sizeof("caf@@LATIN1@@") + n]; p[0] = 1; s += p[0]; delete[] p;',
                 "  long größe%d = n; std::vector<int> vektör%d(größe%d); s += (long)vektör%d.size();" % (k, k, k, k),
                 "  auto *π%d = new long(3); s += *π%d; delete π%d;" % (k, k, k),
                 '  std::string str%d = "ünïcödé @@LATIN1@@ text"; s += (long)str%d.size();' % (k, k),
                 "  return s;", "}"]
        if self.maybe():
            lines = ['#line %d "caf@@LATIN1@@%d.cpp"' % (self.ri(1, 999), k)] + lines + ["@@RESTORE@@"]
        self.add("\n".join(lines), "use_enc%d(rt)" % k)

    FEATURES = ["template_class", "func_template", "variadic", "crtp", "lambda", "macro",
                "nested_local", "virtual", "exception", "coroutine", "constexpr", "line",
                "pragma", "sret", "cvariadic", "placement", "classnew", "nothrow", "aligned",
                "vla", "uniquearr", "dangling", "static_tls", "control", "sys", "misc",
                "templates_heavy"]

    def generate(self, only=None):
        sys_h = self.sys_header()
        user_h = self.user_header()
        if only:
            return self.assemble(only, sys_h, user_h)
        n = self.ri(8, 24)
        feats = [self.pick(self.FEATURES) for _ in range(n)]
        # Non-UTF-8 source text: in one unit out of ten.
        if self.maybe(0.1) and not self.no_encoding:
            feats.append("encoding")
        # Make sure the heavy hitters show up often.
        for f in ["sys", "macro", "line", "lambda"]:
            if self.maybe(0.35) and f not in feats:
                feats.append(f)
        if self.c20 and self.maybe(0.5):
            feats.append("coroutine")
        self.r.shuffle(feats)
        if self.large:
            feats.insert(self.ri(0, len(feats)), "large")
        return self.assemble(feats, sys_h, user_h)

    def assemble(self, feats, sys_h, user_h):
        for k, f in enumerate(feats):
            getattr(self, "f_" + f)(k)
            self.features.append(f)
        head = ["// generated by tools/stress/gen_cpp.py seed %d std %s%s" % (self.seed, self.std, " large" if self.large else ""),
                "#include <cstdarg>", "#include <cstdint>", "#include <cstdio>", "#include <cstdlib>",
                "#include <cstring>", "#include <functional>", "#include <memory>", "#include <new>",
                "#include <stdexcept>", "#include <string>", "#include <utility>", "#include <vector>"]
        if self.c20:
            head.append("#include <coroutine>")
            head.append("#include <exception>")
        head += ["#include <escsys.h>", '#include "escuser.h"', ""]
        body = []
        for c in self.chunks:
            body += c.split("\n")
        main = ["int main(int argc, char **argv) {",
                "  (void)argv;",
                "  volatile int rtv = argc + 3;",
                "  int rt = rtv;",
                "  unsigned long cs = 0;"]
        for c in self.calls:
            main.append("  cs = cs * 1000003u + (unsigned long)(%s);" % c)
        main += ['  std::printf("checksum %lu\\n", cs);', "  return 0;", "}", ""]
        lines = head + body + main
        # Resolve #line restores (the next line's real number).
        out = []
        for i, l in enumerate(lines):
            if l == "@@RESTORE@@":
                out.append('#line %d "t.cpp"' % (i + 2))
            else:
                out.append(l)
        return "\n".join(out), user_h, sys_h


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.stderr.write(__doc__)
        return 2
    seed = int(args[0])
    outdir = args[1]
    large = "--large" in args
    std = None
    if "--std" in args:
        std = args[args.index("--std") + 1]
    only = None
    if "--features" in args:
        only = args[args.index("--features") + 1].split(",")
    g = Gen(seed, large=large, std=std)
    g.no_encoding = "--no-encoding" in args
    src, user_h, sys_h = g.generate(only)
    os.makedirs(os.path.join(outdir, "sys"), exist_ok=True)
    sys_path = os.path.abspath(os.path.join(outdir, "sys", "escsys.h"))
    src = src.replace("@@SYSHDR@@", sys_path)
    with open(os.path.join(outdir, "t.cpp"), "wb") as f:
        f.write(src.encode("utf-8").replace(b"@@LATIN1@@", b"\xe9"))
    with open(os.path.join(outdir, "escuser.h"), "w") as f:
        f.write(user_h)
    with open(sys_path, "w") as f:
        f.write(sys_h)
    with open(os.path.join(outdir, "meta.json"), "w") as f:
        json.dump({"seed": seed, "std": g.std, "large": large, "features": g.features}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
