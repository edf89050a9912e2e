#!/usr/bin/env python3
"""Print the table of bench/real/run.sh from its results directory.

    table.py RESULTS_DIR

RESULTS_DIR holds `order` (the programs of the run), P.tsv (key<TAB>value lines) and
P.times.json (measure.py time) per program. The allocation sites come from the JSON
reports of the plugin build (the `build` key): its tus.log, written by
tools/real-projects/cc-wrapper.sh, names each translation unit's report. A source
position compiled into several TUs (a header) counts once, with its worst verdict
(escapes, then kept, then moved). Reasons are grouped with names, numbers and quoted
text replaced by placeholders.
"""
import collections
import json
import math
import os
import re
import sys


def load_tsv(path):
    d = {}
    with open(path) as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition("\t")
            d[k] = v
    return d


def norm_reason(r):
    r = re.sub(r"'[^']*'", "'X'", r)
    r = re.sub(r"\d+", "N", r)
    return r


RANK = {"escapes": 3, "kept": 2, "moved": 1, "eliminated": 0}


def sites(build, notests):
    """{(file, line, col, what): (class, reason)} over the TUs of the build."""
    out = {}
    log = os.path.join(build, "tus.log")
    if not os.path.exists(log):
        return None
    rx = re.compile(notests) if notests else None
    with open(log) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or parts[0] != "0" or parts[2] == "-":
                continue
            obj, js, cwd = parts[1], parts[2], parts[3]
            full = os.path.join(cwd, js)
            if "CMakeScratch" in full or "CMakeTmp" in full:
                continue
            if rx and (rx.search(full) or rx.search(obj)):
                continue
            try:
                with open(full) as jf:
                    doc = json.load(jf)
            except (OSError, ValueError):
                continue
            for e in doc.get("entries", []):
                if e.get("kind") != "site":
                    continue
                v = e.get("verdict")
                if v == "escapes":
                    c = "escapes"
                elif v == "eliminated":
                    c = "eliminated"
                elif e.get("moved"):
                    c = "moved"
                else:
                    c = "kept"
                key = (e.get("file"), e.get("line"), e.get("column"), e.get("what"))
                old = out.get(key)
                if old is None or RANK[c] > RANK[old[0]]:
                    out[key] = (c, e.get("reason", ""))
    return out


def mean_sd(xs):
    if not xs:
        return None, None
    m = sum(xs) / len(xs)
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1)) if len(xs) > 1 else 0.0
    return m, sd


def num(s):
    try:
        return int(s)
    except (TypeError, ValueError):
        return None


def human(n):
    if n is None:
        return "-"
    for unit, div in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if n >= div:
            return "%.1f%s" % (n / div, unit)
    return str(n)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    with open(os.path.join(d, "order")) as f:
        progs = [l.strip() for l in f if l.strip()]
    hdr = ("program", "allocs plain", "plugin", "removed", "bytes plain", "plugin",
           "time plain (s)", "time plugin (s)", "speedup", "text", "moved", "escaping", "kept",
           "output", "tests p/pl/asan")
    rows = []
    keep = collections.Counter()
    esc = collections.Counter()
    # Totals per build mode: one translation unit at a time (P) and whole
    # program (P+lto) are the same programs, never summed together.
    tots = collections.defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    notes = []
    for p in progs:
        path = os.path.join(d, p + ".tsv")
        if not os.path.exists(path):
            continue
        r = load_tsv(path)
        mode = "+lto" if p.endswith("+lto") else ""
        if r.get("status") != "ok":
            rows.append((p, r.get("status", "?")) + ("",) * (len(hdr) - 2))
            continue
        a, b = num(r.get("allocs_plain")), num(r.get("allocs_plugin"))
        ba, bb = num(r.get("bytes_plain")), num(r.get("bytes_plugin"))
        removed = "-"
        if a and b is not None:
            removed = "%.1f%%" % (100.0 * (a - b) / a)
            tots[mode][0] += a
            tots[mode][1] += b
        if ba and bb is not None:
            tots[mode][2] += ba
            tots[mode][3] += bb
        tp = tq = None
        speed = "-"
        tj = os.path.join(d, p + ".times.json")
        if os.path.exists(tj):
            with open(tj) as f:
                t = json.load(f)
            tp = mean_sd(t.get("plain", {}).get("cpu", []))
            tq = mean_sd(t.get("plugin", {}).get("cpu", []))
            if tp[0] and tq[0]:
                speed = "%.3fx" % (tp[0] / tq[0])
        s = sites(r.get("build", ""), r.get("notests", ""))
        mv = es = kp = "-"
        if s is not None:
            c = collections.Counter(v[0] for v in s.values())
            mv, es, kp = str(c["moved"]), str(c["escapes"]), str(c["kept"])
            if c["eliminated"]:
                mv += "+%de" % c["eliminated"]
            for cls, reason in s.values():
                if cls == "kept":
                    keep[norm_reason(reason) or "(no reason)"] += 1
                elif cls == "escapes":
                    esc[norm_reason(reason) or "(no reason)"] += 1
        fmt_t = lambda x: "-" if x is None or x[0] is None else "%.3f ± %.3f" % x
        tests = "/".join(r.get("tests_" + c, "-") for c in ("plain", "plugin", "asan+plugin"))
        out = r.get("output", "-")
        if r.get("asan_workload") and r.get("asan_workload") != "ok":
            out += ", asan " + r["asan_workload"]
        ta, tb = num(r.get("text_plain")), num(r.get("text_plugin"))
        text = "%+.1f%%" % (100.0 * (tb - ta) / ta) if ta and tb is not None else "-"
        if ta and tb is not None:
            tots[mode][4] += ta
            tots[mode][5] += tb
        rows.append((p, human(a), human(b), removed, human(ba), human(bb), fmt_t(tp), fmt_t(tq),
                     speed, text, mv, es, kp, out, tests))
        if r.get("workload"):
            notes.append("  %-10s %s" % (p, r["workload"]))
    for mode in sorted(tots):
        tot_a, tot_b, tot_bytes_a, tot_bytes_b, tot_text_a, tot_text_b = tots[mode]
        if not tot_a:
            continue
        rows.append(("ALL" + mode, human(tot_a), human(tot_b), "%.1f%%" % (100.0 * (tot_a - tot_b) / tot_a),
                     human(tot_bytes_a), human(tot_bytes_b), "", "", "",
                     "%+.1f%%" % (100.0 * (tot_text_b - tot_text_a) / tot_text_a) if tot_text_a else "",
                     "", "", "", "", ""))
    w = [max(len(str(x[i])) for x in rows + [hdr]) for i in range(len(hdr))]
    line = lambda x: "  ".join(str(v).ljust(w[i]) if i == 0 else str(v).rjust(w[i]) for i, v in enumerate(x)).rstrip()
    print(line(hdr))
    print(line(["-" * n for n in w]))
    for x in rows:
        print(line(x))
    print()
    print("allocs, bytes: heap allocations and bytes requested over the whole run (LD_PRELOAD counters);")
    print("time: CPU seconds (user + sys), mean ± sd of the interleaved runs; speedup: plain / plugin;")
    print("text: growth of the workload binary's code (`size`: text bytes), plugin against plain;")
    print("moved / escaping / kept: allocation sites of the plugin build's JSON reports (unique source")
    print("positions, tests' TUs excluded; +Ne: eliminated); tests: the program's own test suite.")
    print("workloads:")
    for n in notes:
        print(n)
    for title, c in (("kept on the heap (do not escape), by reason", keep), ("escaping, by reason", esc)):
        print()
        print("%s, all programs (%d sites):" % (title, sum(c.values())))
        for reason, n in c.most_common(25):
            print("  %6d  %s" % (n, reason))
        if len(c) > 25:
            print("  %6d  (%d other reasons)" % (sum(n for _, n in c.most_common()[25:]), len(c) - 25))


if __name__ == "__main__":
    main()
