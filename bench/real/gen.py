#!/usr/bin/env python3
"""Generate the workload inputs of bench/real/run.sh (deterministic: fixed seeds).

    gen.py KIND N OUT

KIND: yaml (N records of a service inventory), json (N records of an event log),
ninja (a build.ninja of a C++ project with N source files), gperf (N keywords),
markdown (a document of N sections), cnf (a random 3-SAT instance with N variables).
"""
import random
import sys

WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
         "november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee "
         "zulu server client request response cache index buffer stream parser token "
         "module config region cluster replica shard metric latency budget").split()


def words(r, n):
    return " ".join(r.choice(WORDS) for _ in range(n))


def gen_yaml(r, n, f):
    f.write("# service inventory\nversion: 3\nservices:\n")
    for i in range(n):
        f.write("  - name: %s-%d\n" % (r.choice(WORDS), i))
        f.write("    id: %d\n" % r.randrange(1 << 30))
        f.write("    enabled: %s\n" % r.choice(["true", "false", "yes", "no"]))
        f.write("    weight: %.4f\n" % r.random())
        f.write("    description: \"%s\"\n" % words(r, r.randrange(3, 12)))
        f.write("    tags: [%s]\n" % ", ".join(r.choice(WORDS) for _ in range(r.randrange(1, 6))))
        f.write("    ports:\n")
        for _ in range(r.randrange(1, 4)):
            f.write("      - {proto: %s, port: %d}\n" % (r.choice(["tcp", "udp"]), r.randrange(1, 65536)))
        f.write("    env:\n")
        for _ in range(r.randrange(1, 5)):
            f.write("      %s_%s: '%s'\n" % (r.choice(WORDS).upper(), r.choice(WORDS).upper(), words(r, 2)))
        if r.random() < 0.3:
            f.write("    notes: |\n")
            for _ in range(r.randrange(1, 4)):
                f.write("      %s\n" % words(r, 8))


def jstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def gen_json(r, n, f):
    f.write("[\n")
    for i in range(n):
        rec = ('{"id": %d, "type": %s, "user": {"name": %s, "uid": %d, "roles": [%s]}, '
               '"ts": %d, "value": %.6g, "ok": %s, "tags": [%s], "payload": {%s}, "note": %s}') % (
            i, jstr(r.choice(WORDS)), jstr(words(r, 2)), r.randrange(100000),
            ", ".join(jstr(r.choice(WORDS)) for _ in range(r.randrange(0, 4))),
            1700000000 + r.randrange(10 ** 7), r.uniform(-1e6, 1e6), r.choice(["true", "false"]),
            ", ".join(str(r.randrange(1000)) for _ in range(r.randrange(0, 8))),
            ", ".join("%s: %s" % (jstr(w + str(k)), jstr(words(r, 3)) if r.random() < 0.5 else str(r.random()))
                      for k, w in enumerate(r.sample(WORDS, r.randrange(1, 6)))),
            "null" if r.random() < 0.5 else jstr(words(r, r.randrange(2, 10))))
        f.write(rec + (",\n" if i + 1 < n else "\n"))
    f.write("]\n")


def gen_ninja(r, n, f):
    f.write("ninja_required_version = 1.5\n")
    f.write("cxx = c++\ncflags = -O2 -Wall -Iinclude\nbuilddir = out\n\n")
    f.write("rule cxx\n  command = $cxx -MMD -MF $out.d $cflags $extra -c $in -o $out\n"
            "  description = CXX $out\n  depfile = $out.d\n  deps = gcc\n\n")
    f.write("rule ar\n  command = rm -f $out && ar crs $out $in\n  description = AR $out\n\n")
    f.write("rule link\n  command = $cxx $ldflags -o $out $in $libs\n  description = LINK $out\n\n")
    f.write("rule gen\n  command = python3 gen.py $in > $out\n  description = GEN $out\n  restat = 1\n\n")
    nmod = max(1, n // 200)
    libs = []
    for m in range(nmod):
        objs = []
        for i in range(n // nmod):
            src = "src/mod%d/%s_%d.cc" % (m, r.choice(WORDS), i)
            obj = "$builddir/obj/mod%d/%d.o" % (m, i)
            hdrs = " ".join("include/mod%d/h%d.h" % (r.randrange(nmod), r.randrange(50)) for _ in range(3))
            f.write("build %s: phony\n" % src)
            f.write("build %s: cxx %s | %s\n" % (obj, src, hdrs))
            if r.random() < 0.2:
                f.write("  extra = -DMOD%d_%d=1\n" % (m, i))
            objs.append(obj)
        for h in range(50):
            if r.random() < 0.1:
                f.write("build include/mod%d/h%d.h.in: phony\n" % (m, h))
                f.write("build include/mod%d/h%d.h: gen include/mod%d/h%d.h.in\n" % (m, h, m, h))
            else:
                f.write("build include/mod%d/h%d.h: phony\n" % (m, h))
        lib = "$builddir/lib/libmod%d.a" % m
        f.write("build %s: ar %s\n" % (lib, " ".join(objs)))
        libs.append(lib)
    for t in range(10):
        f.write("build $builddir/bin/tool%d: link %s\n  libs = -lpthread\n" % (t, " ".join(r.sample(libs, min(len(libs), 5)))))
    f.write("build all: phony %s %s\ndefault all\n" % (" ".join("$builddir/bin/tool%d" % t for t in range(10)), " ".join(libs)))


def gen_gperf(r, n, f):
    f.write("%{\n#include <string.h>\n%}\n%struct-type\n%language=C++\n%define class-name Keywords\n"
            "%define lookup-function-name lookup\nstruct keyword { const char *name; int code; };\n%%\n")
    seen = set()
    i = 0
    while len(seen) < n:
        w = "".join(r.choice("abcdefghijklmnopqrstuvwxyz_") for _ in range(r.randrange(4, 14)))
        if w in seen:
            continue
        seen.add(w)
        f.write("%s, %d\n" % (w, i))
        i += 1
    f.write("%%\n")


def gen_markdown(r, n, f):
    for s in range(n):
        f.write("# Section %d: %s\n\n" % (s, words(r, 4)))
        for p in range(r.randrange(2, 5)):
            f.write("%s *%s* **%s** `%s` [%s](http://example.com/%d) %s.\n\n" % (
                words(r, 12).capitalize(), words(r, 2), words(r, 2), r.choice(WORDS), words(r, 2), r.randrange(1000), words(r, 10)))
        f.write("- %s\n- %s\n  - %s\n- [ ] %s\n\n" % (words(r, 5), words(r, 5), words(r, 4), words(r, 3)))
        if r.random() < 0.5:
            f.write("```cpp\nint %s(int x) { return x * %d; }\n```\n\n" % (r.choice(WORDS), r.randrange(100)))
        if r.random() < 0.3:
            f.write("> %s\n> %s\n\n" % (words(r, 8), words(r, 8)))
        if r.random() < 0.3:
            f.write("| a | b | c |\n|---|---|---|\n| %s | %s | %d |\n\n" % (r.choice(WORDS), r.choice(WORDS), r.randrange(100)))


def gen_cnf(r, n, f):
    m = int(n * 4.2)
    f.write("p cnf %d %d\n" % (n, m))
    for _ in range(m):
        vs = r.sample(range(1, n + 1), 3)
        f.write(" ".join(str(v if r.random() < 0.5 else -v) for v in vs) + " 0\n")


def gen_hunspell(r, n, f):
    """N words of text to check against a generated dictionary written beside it."""
    base = f.name[:-4]
    syl = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ber", "dan", "fel", "gor", "hin",
           "jus", "lem", "mor", "nat", "pel", "quin", "rost", "tal", "ung", "vex", "wal"]
    words = set()
    while len(words) < 40000:
        words.add("".join(r.choice(syl) for _ in range(r.randrange(2, 5))))
    words = sorted(words)
    with open(base + ".aff", "w") as a:
        a.write("SET UTF-8\nTRY aeioustnrlmkdbfghjpqvwx\n")
        a.write("REP 3\nREP k c\nREP c k\nREP ph f\n")
        a.write("SFX S Y 3\nSFX S 0 s [^sy]\nSFX S y ies y\nSFX S 0 es s\n")
        a.write("SFX D Y 2\nSFX D 0 ed [^e]\nSFX D 0 d e\n")
        a.write("SFX G Y 2\nSFX G 0 ing [^e]\nSFX G e ing e\n")
        a.write("PFX U Y 1\nPFX U 0 un .\n")
    flags = {}
    with open(base + ".dic", "w") as d:
        d.write("%d\n" % len(words))
        for w in words:
            fl = "".join(x for x in "SDGU" if r.random() < 0.4)
            flags[w] = fl
            d.write("%s/%s\n" % (w, fl) if fl else w + "\n")
    line = []
    for i in range(n):
        w = r.choice(words)
        fl = flags[w]
        if fl and r.random() < 0.5:
            x = r.choice(fl)
            w = {"S": w + "s", "D": w + "ed", "G": w + "ing", "U": "un" + w}[x]
        if r.random() < 0.08:   # a typo: swap, drop or double a letter
            k = r.randrange(len(w) - 1)
            op = r.randrange(3)
            w = (w[:k] + w[k + 1] + w[k] + w[k + 2:]) if op == 0 else (w[:k] + w[k + 1:]) if op == 1 else (w[:k] + w[k] + w[k:])
        line.append(w.capitalize() if r.random() < 0.1 else w)
        if len(line) == 12 or i + 1 == n:
            f.write(" ".join(line) + ".\n")
            line = []


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    r = random.Random(20261203 + n)
    with open(out, "w") as f:
        globals()["gen_" + kind](r, n, f)


if __name__ == "__main__":
    main()
