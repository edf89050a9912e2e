#!/usr/bin/env python3
"""Random LLVM IR modules full of heap allocations, for stressing the escape pass.

    gen_alloc.py SEED [NFUNCS] > mod.ll

Every module defines `i64 @run_all(i64)`, which calls every generated function.
The programs are deterministic (no pointer value ever reaches an integer), free
only objects that have not escaped, never read uninitialised memory, and keep
every escaped object alive, so `run_all` computes the same value whether or not
allocations are moved to the stack: a differential test of the transform.
External helpers (see runtime.c) are unknown to the optimiser:
  ext_use(ptr)  -> i64   reads word 0, does not retain the pointer
  ext_sink(ptr)          retains the pointer; ext_check() reads it at exit
  ext_opaque(i64) -> i64 an opaque integer function
Objects published in @cur are read by @read_cur() and @cur is cleared before
they are freed, so their escaping address is never used after the free.
"""
import random
import sys


class Obj:
    def __init__(self, name, kind, words, alloc, box_target=None):
        self.name = name          # SSA name holding the pointer
        self.kind = kind          # 'data' or 'box' (word 0 is a ptr to a data obj)
        self.words = words        # number of i64 words known to be valid
        self.alloc = alloc        # malloc, calloc, new, newarr
        self.escaped = False
        self.box_target = box_target


FREE_OF = {"malloc": "@free", "calloc": "@free", "new": "@_ZdlPv", "newarr": "@_ZdaPv",
           "aligned": "@free"}
# noinline helpers that read their argument's first byte, then free it.
CONSUME_OF = {f: "@consume_" + f[1:] for f in set(FREE_OF.values())}


class Gen:
    def __init__(self, seed, nfuncs):
        self.r = random.Random(seed)
        self.nfuncs = nfuncs
        self.out = []
        self.tmp = 0
        self.helpers = []   # (name, escapes_param)

    def t(self, prefix="t"):
        self.tmp += 1
        return "%%%s%d" % (prefix, self.tmp)

    def emit(self, s):
        self.out.append("  " + s)

    def label(self, s):
        self.out.append(s + ":")

    # ------------------------------------------------------------- allocation
    def alloc(self, kind, words, dyn_words=None):
        r = self.r
        a = r.choice(["malloc", "malloc", "new", "newarr", "calloc", "aligned"])
        p = self.t("p")
        if dyn_words is not None:
            # dynamic size: (dyn & 3) + words words
            n = self.t()
            self.emit("%s = and i64 %s, 3" % (n, dyn_words))
            n2 = self.t()
            self.emit("%s = add i64 %s, %d" % (n2, n, words))
            size = self.t()
            self.emit("%s = shl i64 %s, 3" % (size, n2))
            a = r.choice(["malloc", "newarr", "calloc"])
        else:
            size = str(8 * words)
        if a == "malloc":
            self.emit("%s = call noalias ptr @malloc(i64 %s)" % (p, size))
        elif a == "calloc":
            self.emit("%s = call noalias ptr @calloc(i64 1, i64 %s)" % (p, size))
        elif a == "new":
            self.emit("%s = call noalias nonnull ptr @_Znwm(i64 %s)" % (p, size))
        elif a == "newarr":
            self.emit("%s = call noalias nonnull ptr @_Znam(i64 %s)" % (p, size))
        else:
            self.emit("%s = call noalias ptr @aligned_alloc(i64 16, i64 %s)" % (p, "64" if dyn_words else str(max(16, ((8 * words + 15) // 16) * 16))))
        o = Obj(p, kind, words, a)
        return o

    def init(self, o, val):
        r = self.r
        if o.kind == "box":
            return
        if o.alloc == "calloc" and r.random() < 0.5:
            return
        if r.random() < 0.3:
            self.emit("call void @llvm.memset.p0.i64(ptr align 8 %s, i8 %d, i64 %d, i1 false)"
                      % (o.name, r.randrange(256), 8 * o.words))
            return
        for w in range(o.words):
            g = self.gep(o, w)
            v = val if r.random() < 0.5 else str(r.randrange(-100, 100))
            self.emit("store i64 %s, ptr %s, align 8" % (v, g))

    def gep(self, o, w):
        if w == 0 and self.r.random() < 0.5:
            return o.name
        g = self.t("g")
        self.emit("%s = getelementptr inbounds i64, ptr %s, i64 %s" % (g, o.name, w))
        return g

    def dyn_gep(self, o, idx):
        # index masked into range; only when words is a power of two
        w = o.words
        m = self.t()
        if w & (w - 1) == 0:
            self.emit("%s = and i64 %s, %d" % (m, idx, w - 1))
        else:
            self.emit("%s = urem i64 %s, %d" % (m, idx, w))
        g = self.t("g")
        self.emit("%s = getelementptr inbounds i64, ptr %s, i64 %s" % (g, o.name, m))
        return g

    def escape(self, o):
        o.escaped = True
        if o.kind == "box" and o.box_target is not None:
            o.box_target.escaped = True

    def free(self, o):
        # Now and then through a helper that frees its argument out of line
        # (ownership transfer: the pass may call a copy without the free).
        if self.r.random() < 0.3:
            self.emit("%s = call i64 %s(ptr %s)" % (
                self.t(), CONSUME_OF[FREE_OF[o.alloc]], o.name))
            return
        self.emit("call void %s(ptr %s)" % (FREE_OF[o.alloc], o.name))

    def publish_and_read(self, o, res, p_external):
        """Stores o's address to @cur, has @read_cur() read it (after an
        external call, which may longjmp, with probability p_external), and
        returns res plus what was read."""
        self.emit("store ptr %s, ptr @cur, align 8" % o.name)
        if self.r.random() < p_external:
            self.emit("%s = call i64 @ext_opaque(i64 %s)" % (self.t(), res))
        v = self.t()
        self.emit("%s = call i64 @read_cur()" % v)
        nv = self.t()
        self.emit("%s = add i64 %s, %s" % (nv, res, v))
        return nv

    # --------------------------------------------------------------- helpers
    def helper(self, idx):
        r = self.r
        name = "@h%d" % idx
        esc = r.random() < 0.4
        self.out.append("define internal i64 %s(ptr %%q, i64 %%v) noinline {" % name)
        self.label("entry")
        self.emit("%x = load i64, ptr %q, align 8")
        self.emit("%y = add i64 %x, %v")
        self.emit("store i64 %y, ptr %q, align 8")
        if esc:
            if r.random() < 0.5:
                self.emit("call void @ext_sink(ptr %q)")
            else:
                self.emit("store ptr %q, ptr @g, align 8")
        self.emit("ret i64 %y")
        self.out.append("}")
        self.out.append("")
        self.helpers.append((name, esc))

    # -------------------------------------------------------------- function
    def function(self, idx):
        r = self.r
        self.tmp = 0
        objs = []
        self.out.append("define i64 @f%d(i64 %%a, i64 %%b) {" % idx)
        self.label("entry")
        for _ in range(r.randint(1, 4)):
            words = r.choice([1, 2, 3, 4, 8])
            dyn = "%a" if r.random() < 0.15 else None
            o = self.alloc("data", words, dyn)
            self.init(o, r.choice(["%a", "%b"]))
            objs.append(o)
        data = list(objs)
        if r.random() < 0.5:
            b = self.alloc("box", 1)
            tgt = r.choice(data)
            self.emit("store ptr %s, ptr %s, align 8" % (tgt.name, b.name))
            b.box_target = tgt
            objs.append(b)
        # two objects in stack boxes, swapped by an out-of-line helper; then
        # what the second box holds (the first object) may be sunk
        if len(data) >= 2 and r.random() < 0.35:
            o1, o2 = r.sample(data, 2)
            sa, sb, l = self.t("sa"), self.t("sb"), self.t("l")
            self.emit("%s = alloca ptr, align 8" % sa)
            self.emit("%s = alloca ptr, align 8" % sb)
            self.emit("store ptr %s, ptr %s, align 8" % (o1.name, sa))
            self.emit("store ptr %s, ptr %s, align 8" % (o2.name, sb))
            self.emit("call void @swapbox(ptr %s, ptr %s)" % (sa, sb))
            self.emit("%s = load ptr, ptr %s, align 8" % (l, sb))
            if r.random() < 0.5:
                self.emit("call void @ext_sink(ptr %s)" % l)
                self.escape(o1)
                self.escape(o2)
            else:
                self.emit("%s = call i64 @ext_use(ptr %s)" % (self.t(), l))
        # maybe escape some up front
        for o in list(objs):
            x = r.random()
            if x < 0.12 and o.kind == "data":
                self.emit("call void @ext_sink(ptr %s)" % o.name)
                self.escape(o)
            elif x < 0.18:
                self.emit("store ptr %s, ptr @g, align 8" % o.name)
                self.escape(o)
        # call an earlier function (outside the loop, to keep run time linear)
        acc0 = "%b"
        if idx > 0 and r.random() < 0.6:
            c = self.t("c")
            self.emit("%s = call i64 @f%d(i64 %%b, i64 %%a)" % (c, r.randrange(idx)))
            acc0 = c
        n = self.t("n")
        self.emit("%s = and i64 %%a, 7" % n)
        self.emit("br label %loop")
        # ------------------------------------------------------------ loop
        self.label("loop")
        a, b2 = r.choice(data), r.choice(data)
        self.emit("%i = phi i64 [ 0, %entry ], [ %inext, %latch ]")
        self.emit("%%acc = phi i64 [ %s, %%entry ], [ %%accn, %%latch ]" % acc0)
        self.emit("%%cur = phi ptr [ %s, %%entry ], [ %%sel, %%latch ]" % a.name)
        vals = ["%acc", "%i"]
        for _ in range(r.randint(2, 7)):
            k = r.randrange(9)
            if k == 0:
                o = r.choice(data)
                g = self.dyn_gep(o, "%i")
                v = self.t()
                self.emit("%s = load i64, ptr %s, align 8" % (v, g))
                vals.append(v)
            elif k == 1:
                o = r.choice(data)
                g = self.gep(o, r.randrange(o.words))
                self.emit("store i64 %s, ptr %s, align 8" % (r.choice(vals), g))
            elif k == 2:
                v = self.t()
                self.emit("%s = load i64, ptr %%cur, align 8" % v)
                vals.append(v)
            elif k == 3:
                self.emit("store i64 %s, ptr %%cur, align 8" % r.choice(vals))
            elif k == 4 and self.helpers:
                h, esc = r.choice(self.helpers)
                o = r.choice(data)
                v = self.t()
                self.emit("%s = call i64 %s(ptr %s, i64 %s)" % (v, h, o.name, r.choice(vals)))
                if esc:
                    self.escape(o)
                vals.append(v)
            elif k == 5:
                o = r.choice(data)
                v = self.t()
                self.emit("%s = call i64 @ext_use(ptr %s)" % (v, o.name))
                vals.append(v)
            elif k == 6:
                # per-iteration temporary
                t = self.alloc("data", r.choice([1, 2, 4]))
                self.init(t, "%i")
                v = self.t()
                self.emit("%s = load i64, ptr %s, align 8" % (v, t.name))
                vals.append(v)
                if r.random() < 0.15:
                    self.emit("call void @ext_sink(ptr %s)" % t.name)
                elif r.random() < 0.8:
                    self.free(t)
            elif k == 7 and any(o.kind == "box" for o in objs):
                bx = [o for o in objs if o.kind == "box"][0]
                p = self.t("bp")
                self.emit("%s = load ptr, ptr %s, align 8" % (p, bx.name))
                v = self.t()
                self.emit("%s = load i64, ptr %s, align 8" % (v, p))
                vals.append(v)
                v2 = self.t()
                self.emit("%s = add i64 %s, 1" % (v2, v))
                self.emit("store i64 %s, ptr %s, align 8" % (v2, p))
            else:
                v = self.t()
                self.emit("%s = call i64 @ext_opaque(i64 %s)" % (v, r.choice(vals)))
                vals.append(v)
        # combine
        acc = "%acc"
        for v in vals[2:]:
            nv = self.t()
            self.emit("%s = %s i64 %s, %s" % (nv, r.choice(["add", "xor", "mul", "sub"]), acc, v))
            acc = nv
        c = self.t()
        self.emit("%s = icmp ult i64 %s, %s" % (c, r.choice(vals), r.choice(vals)))
        self.emit("%%sel = select i1 %s, ptr %s, ptr %%cur" % (c, b2.name))
        self.emit("br label %latch")
        self.label("latch")
        self.emit("%%accn = add i64 %s, 0" % acc)
        self.emit("%inext = add i64 %i, 1")
        self.emit("%ex = icmp ugt i64 %inext, " + n)
        self.emit("br i1 %ex, label %exit, label %loop")
        # ------------------------------------------------------------ exit
        self.label("exit")
        res = "%accn"
        for o in data:
            if r.random() < 0.5:
                v = self.t()
                self.emit("%s = load i64, ptr %s, align 8" % (v, o.name))
                nv = self.t()
                self.emit("%s = add i64 %s, %s" % (nv, res, v))
                res = nv
        # a scoped object published in @cur while read, then freed on every
        # path (plain or in both arms of a diamond) or on one arm only
        if r.random() < 0.6:
            sc = self.alloc("data", r.choice([1, 2, 4]))
            self.init(sc, "%a")
            res = self.publish_and_read(sc, res, 0.2)
            self.emit("store ptr null, ptr @cur, align 8")
            shape = r.random()
            if shape < 0.5:
                self.free(sc)
            else:
                c = self.t()
                self.emit("%s = trunc i64 %%a to i1" % c)
                self.emit("br i1 %s, label %%scl, label %%scr" % c)
                self.label("scl")
                self.free(sc)
                self.emit("br label %scj")
                self.label("scr")
                if shape < 0.85:
                    self.free(sc)
                self.emit("br label %scj")
                self.label("scj")
        # frees: unconditional, conditional (diamond), or leak
        cond_frees = []
        for o in objs:
            if o.escaped:
                continue
            x = r.random()
            published = o.kind == "data" and r.random() < 0.4
            if published:
                # its address escapes to @cur while a reader uses it; freed
                # on every path before return, it may still be demoted
                res = self.publish_and_read(o, res, 0.3)
            if x < 0.6:
                self.free(o)
            elif x < 0.8:
                cond_frees.append(o)
            if published:
                self.emit("store ptr null, ptr @cur, align 8")
        if cond_frees:
            c = self.t()
            self.emit("%s = trunc i64 %%b to i1" % c)
            self.emit("br i1 %s, label %%dofree, label %%done" % c)
            self.label("dofree")
            for o in cond_frees:
                self.free(o)
            self.emit("br label %done")
            self.label("done")
        self.emit("ret i64 %s" % res)
        self.out.append("}")
        self.out.append("")

    def module(self):
        o = self.out
        o.append("; generated by tools/stress/gen_alloc.py")
        o.append('target triple = "x86_64-pc-linux-gnu"')
        o.append("@g = global ptr null")
        o.append("declare noalias ptr @malloc(i64)")
        o.append("declare noalias ptr @calloc(i64, i64)")
        o.append("declare noalias ptr @aligned_alloc(i64, i64)")
        o.append("declare void @free(ptr)")
        o.append("declare noalias nonnull ptr @_Znwm(i64)")
        o.append("declare noalias nonnull ptr @_Znam(i64)")
        o.append("declare void @_ZdlPv(ptr)")
        o.append("declare void @_ZdaPv(ptr)")
        o.append("declare i64 @ext_use(ptr)")
        o.append("declare void @ext_sink(ptr)")
        o.append("declare i64 @ext_opaque(i64)")
        o.append("declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)")
        o.append("define internal void @swapbox(ptr %a, ptr %b) noinline {")
        o.append("  %va = load ptr, ptr %a, align 8")
        o.append("  %vb = load ptr, ptr %b, align 8")
        o.append("  store ptr %vb, ptr %a, align 8")
        o.append("  store ptr %va, ptr %b, align 8")
        o.append("  ret void")
        o.append("}")
        for free, consume in sorted(CONSUME_OF.items()):
            o.append("define internal i64 %s(ptr %%q) noinline {" % consume)
            o.append("  %x = load i8, ptr %q, align 1")
            o.append("  %y = zext i8 %x to i64")
            o.append("  call void %s(ptr %%q)" % free)
            o.append("  ret i64 %y")
            o.append("}")
        o.append("@cur = internal global ptr null")
        o.append("define internal i64 @read_cur() noinline nounwind {")
        o.append("  %p = load ptr, ptr @cur, align 8")
        o.append("  %v = load i64, ptr %p, align 8")
        o.append("  %w = mul i64 %v, 7")
        o.append("  ret i64 %w")
        o.append("}")
        o.append("")
        for i in range(self.r.randint(1, 3)):
            self.helper(i)
        for i in range(self.nfuncs):
            self.function(i)
        o.append("define i64 @run_all(i64 %s) {")
        o.append("entry:")
        acc = "%s"
        for i in range(self.nfuncs):
            o.append("  %%r%d = call i64 @f%d(i64 %s, i64 %d)" % (i, i, acc, self.r.randrange(1000)))
            o.append("  %%x%d = xor i64 %%r%d, %d" % (i, i, i * 7919))
            acc = "%%x%d" % i
        o.append("  ret i64 %s" % acc)
        o.append("}")
        return "\n".join(o) + "\n"


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    nf = int(sys.argv[2]) if len(sys.argv) > 2 else random.Random(seed).randint(2, 8)
    sys.stdout.write(Gen(seed, nf).module())


if __name__ == "__main__":
    main()
