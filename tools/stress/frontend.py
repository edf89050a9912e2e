#!/usr/bin/env python3
"""Fuzz the clang front end and the report path of the escape plugin.

    tools/stress/frontend.py [--seeds N] [--seed0 S] [--jobs J] [--large-every K]
                             [--minutes M] [--plugin PATH] [--out DIR] [--no-runtime]
    tools/stress/frontend.py --rerun [--rerun-max N] [--plugin PATH] [--out DIR]
    tools/stress/frontend.py --summarize [--out DIR]
    tools/stress/frontend.py --bisect FAILDIR
    tools/stress/frontend.py --reduce FAILDIR [--reduce-minutes 10]

For each seed, gen_cpp.py writes a translation unit, a user header and a system
header (passed with -isystem).  The unit is first built without the plugin (a
generator bug is recorded as GENFAIL and skipped), then compiled with the
plugin and its whole report interface

    -fplugin=P -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=OUT.json
    -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -fsave-optimization-record

in these modes: O0 and O2 for every seed, and three more in rotation from O1,
O3, stdin-O2 and stdin-O0 (`-x c++ -`), savetemps-O2 and savetemps-O0
(`-save-temps=obj`), g-O2, g-O1 and g-O0 (`-g`); --all-modes runs all of them.
A failure is a crash (exit >= 128, "Stack dump", "PLEASE submit a bug report",
an assertion, "LLVM ERROR"), a JSON report that does not parse, a hang
(120 s), or a plugin compile that fails where the same compile without the
plugin succeeds.  Compiles run with MALLOC_PERTURB_=165, so that a use after
free inside the plugin fails every time.  Then the program is built at -O2 without and with the plugin,
and with the plugin under -fsanitize=address; all three are run and must print
the same checksum (ASan run with detect_stack_use_after_return=1, leak
detection off: the programs keep escaped objects on purpose).

Failing cases are saved in OUT/failures/<seed>-<mode>/ (source, headers, cmd.sh
to reproduce from that directory, stderr, info.json); crashes are reduced with
cvise when --reduce is given.  Counts go to OUT/summary.txt and
OUT/results.jsonl.  A private copy of the plugin (libEscape.so and
libEscapeClang.so) is used for the whole run.  --rerun compiles every saved
failure again with a fresh copy of the plugin and says which still fail.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CLANGXX = os.environ.get("CLANGXX", "clang++-19")
TIMEOUT = 120
LOCK = threading.Lock()

CRASH_RE = re.compile(r"Stack dump|PLEASE submit a bug report|Assertion `.*' failed|LLVM ERROR|"
                      r"UNREACHABLE executed|AddressSanitizer|Segmentation fault")


# glibc fills freed memory with this byte: a use after free inside the plugin
# then reads garbage every time instead of now and then.
COMPILE_ENV = dict(os.environ, MALLOC_PERTURB_="165")


def run(cmd, cwd=None, stdin=None, timeout=TIMEOUT, env=None):
    t0 = time.time()
    if env is None:
        env = COMPILE_ENV
    # A session of its own, so that a timeout kills cc1 as well as the driver.
    p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    try:
        out, err = p.communicate(stdin, timeout=timeout)
        return p.returncode, out.decode(errors="replace"), err.decode(errors="replace"), time.time() - t0
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, 9)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        return "timeout", out.decode(errors="replace"), err.decode(errors="replace"), time.time() - t0


def is_crash(rc, err):
    if rc == "timeout":
        return False
    return rc < 0 or rc >= 128 or bool(CRASH_RE.search(err))


def signature(err):
    """The first escape:: frame of a stack dump, or the assertion, or the first frame."""
    frames = [l for l in err.splitlines() if re.match(r"\s*#\d+ 0x", l)]
    for l in frames:
        m = re.search(r"(escape::[^\s(]*(?:\([^)]*\))?[^\s]*)", l)
        if m:
            fn = re.sub(r"\(.*", "", m.group(1))
            return fn
    for l in frames:
        if "libEscape" in l:
            return "libEscape:" + l.split()[-1]
    m = re.search(r"Assertion `(.*)' failed", err)
    if m:
        return "assert:" + m.group(1)[:120]
    m = re.search(r"LLVM ERROR: (.*)", err)
    if m:
        return "llvm-error:" + m.group(1)[:120]
    m = re.search(r"UNREACHABLE executed at ([^!]*)", err)
    if m:
        return "unreachable:" + m.group(1)[:120]
    for l in frames:
        if "SignalHandler" in l or "PrintStackTrace" in l or "libc.so" in l or "CrashRecovery" in l:
            continue
        parts = l.split(None, 2)
        if len(parts) == 3:
            return "frame:" + parts[2][:120]
    return "unknown"


def plugin_copy(src_plugin, dest_dir):
    os.makedirs(dest_dir, exist_ok=True)
    srcdir = os.path.dirname(os.path.abspath(src_plugin))
    for f in os.listdir(srcdir):
        if f.startswith("libEscape") and f.endswith(".so"):
            shutil.copy2(os.path.join(srcdir, f), os.path.join(dest_dir, f))
    return os.path.join(dest_dir, os.path.basename(src_plugin))


def plugin_flags(plugin, json_path):
    return ["-fplugin=" + plugin, "-fplugin-arg-escape-m=2", "-fplugin-arg-escape-json=" + json_path,
            "-Rpass=escape", "-Rpass-missed=escape", "-Rpass-analysis=escape", "-fsave-optimization-record",
            # no preprocessed copy after a crash: it costs a minute under load
            "-fno-crash-diagnostics"]


ROTATING = ["O1", "stdin-O2", "savetemps-O2", "g-O2", "O3", "g-O0", "stdin-O0", "savetemps-O0",
            "g-O1", "O1", "stdin-O2", "savetemps-O2"]


def modes_for(seed, all_modes=False):
    """O0 and O2 always, then 3 more in rotation (every mode every 4 seeds)."""
    if all_modes:
        return ["O0", "O1", "O2", "O3", "stdin-O2", "stdin-O0", "savetemps-O2", "savetemps-O0",
                "g-O2", "g-O1", "g-O0"]
    i = (seed * 3) % len(ROTATING)
    return ["O0", "O2"] + [ROTATING[(i + j) % len(ROTATING)] for j in range(3)]


def mode_cmd(mode, case, plugin, std, with_plugin=True):
    """Returns (cmd, cwd, stdin_bytes, json_path) for one compile of case/t.cpp."""
    opt = "-" + mode.split("-")[-1]
    wd = os.path.join(case, "m-" + mode + ("" if with_plugin else "-plain"))
    os.makedirs(wd, exist_ok=True)
    js = os.path.join(wd, "report.json")
    base = [CLANGXX, "-std=" + std, opt, "-isystem", os.path.join(case, "sys"), "-I", case]
    extra = plugin_flags(plugin, js) if with_plugin else []
    src = os.path.join(case, "t.cpp")
    obj = os.path.join(wd, "t.o")
    stdin = None
    if mode.startswith("stdin"):
        with open(src, "rb") as f:
            stdin = f.read()
        cmd = base + extra + ["-c", "-x", "c++", "-", "-o", obj]
    elif mode.startswith("savetemps"):
        cmd = base + extra + ["-save-temps=obj", "-c", src, "-o", obj]
    elif mode.startswith("g-"):
        cmd = base + extra + ["-g", "-c", src, "-o", obj]
    else:
        cmd = base + extra + ["-c", src, "-o", obj]
    return cmd, wd, stdin, js


class Stats:
    def __init__(self):
        self.c = collections.Counter()
        self.per_mode = collections.Counter()
        self.fail_kinds = collections.Counter()
        self.crash_sigs = collections.Counter()
        self.json_entries = collections.defaultdict(list)   # mode -> entry counts

    def add(self, key, n=1, rec=None):
        with LOCK:
            self.c[key] += n
            if rec is not None:
                rec[key.replace(" ", "_")] = rec.get(key.replace(" ", "_"), 0) + n


def save_failure(out, seed, mode, case, cmd, stdin, err, kind, sig, extra=None):
    d = os.path.join(out, "failures", "%d-%s" % (seed, mode))
    with LOCK:
        if os.path.exists(d):
            shutil.rmtree(d)
        os.makedirs(d)
    shutil.copy2(os.path.join(case, "t.cpp"), d)
    shutil.copy2(os.path.join(case, "escuser.h"), d)
    shutil.copy2(os.path.join(case, "meta.json"), d)
    shutil.copytree(os.path.join(case, "sys"), os.path.join(d, "sys"))
    # A command that runs from the failure directory.
    rel = []
    for a in cmd:
        a = a.replace(os.path.join(case, "sys"), "sys").replace(os.path.join(case, "t.cpp"), "t.cpp")
        a = re.sub(re.escape(case) + r"/m-[^/]*/", "out/", a)
        a = re.sub(re.escape(case) + r"/(run-[^/ ]*)", r"out/\1", a)
        a = a.replace(case, ".")
        rel.append(a)
    rel = [("-fplugin=${PLUGIN:-%s}" % os.path.join(ROOT, "build/lib/libEscape.so")) if a.startswith("-fplugin=") else a
           for a in rel]
    with open(os.path.join(d, "cmd.sh"), "w") as f:
        f.write("#!/bin/sh\n# run from this directory; PLUGIN=path/to/libEscape.so to choose the plugin\n"
                "cd \"$(dirname \"$0\")\" && mkdir -p out\nexport MALLOC_PERTURB_=${MALLOC_PERTURB_-165}\n")
        line = " ".join(shlex.quote(a) if not a.startswith("-fplugin=") else '"%s"' % a for a in rel)
        if stdin is not None:
            line += " < t.cpp"
        f.write(line + "\n")
    with open(os.path.join(d, "stderr.txt"), "w") as f:
        f.write(err[-200000:])
    info = {"seed": seed, "mode": mode, "kind": kind, "signature": sig, "cmd": cmd}
    if extra:
        info.update(extra)
    with open(os.path.join(d, "info.json"), "w") as f:
        json.dump(info, f, indent=1)
    return d


def check_seed(seed, args, plugin, stats, results):
    case = os.path.join(args.out, "work", str(seed))
    shutil.rmtree(case, ignore_errors=True)
    os.makedirs(case)
    large = args.large_every > 0 and seed % args.large_every == args.large_every - 1
    gen = [sys.executable, os.path.join(HERE, "gen_cpp.py"), str(seed), case] + (["--large"] if large else []) + \
        (["--no-encoding"] if args.avoid_known else [])
    rc, _, err, _ = run(gen)
    rec = {"seed": seed, "large": large, "modes": {}, "failures": [], "compiles": 0, "runs": 0, "runs_agreeing": 0}
    if rc != 0:
        stats.add("genfail")
        rec["genfail"] = err[-2000:]
        results.append(rec)
        return rec
    std = json.load(open(os.path.join(case, "meta.json")))["std"]
    rec["std"] = std
    # The plain build: validates the generator.
    plain_exe = os.path.join(case, "plain.exe")
    base = [CLANGXX, "-std=" + std, "-O2", "-isystem", os.path.join(case, "sys"), "-I", case,
            os.path.join(case, "t.cpp")]
    rc, _, err, t = run(base + ["-o", plain_exe])
    stats.add("compiles", rec=rec)
    if rc != 0:
        stats.add("genfail")
        rec["genfail"] = err[-3000:]
        d = os.path.join(args.out, "genfail", str(seed))
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(case, d)
        with open(os.path.join(d, "stderr.txt"), "w") as f:
            f.write(err)
        results.append(rec)
        return rec
    stats.add("seeds")
    if large:
        stats.add("large seeds")

    def fail(mode, kind, cmd, stdin, err, sig="", extra=None):
        d = save_failure(args.out, seed, mode, case, cmd, stdin, err, kind, sig, extra)
        with LOCK:
            stats.fail_kinds[kind] += 1
            if kind == "crash":
                stats.crash_sigs[sig] += 1
        rec["failures"].append({"mode": mode, "kind": kind, "signature": sig, "dir": d})
        print("FAIL seed %d %s %s %s" % (seed, mode, kind, sig), flush=True)

    for mode in modes_for(seed, args.all_modes):
        cmd, wd, stdin, js = mode_cmd(mode, case, plugin, std)
        rc, _, err, t = run(cmd, cwd=wd, stdin=stdin)
        stats.add("compiles", rec=rec)
        with LOCK:
            stats.per_mode[mode] += 1
        m = {"rc": rc, "time": round(t, 2)}
        rec["modes"][mode] = m
        if rc == "timeout":
            fail(mode, "hang", cmd, stdin, err, "timeout %ds" % TIMEOUT)
            continue
        if is_crash(rc, err):
            fail(mode, "crash", cmd, stdin, err, signature(err))
            continue
        if rc != 0:
            pcmd, pwd, pstdin, _ = mode_cmd(mode, case, plugin, std, with_plugin=False)
            prc, _, perr, _ = run(pcmd, cwd=pwd, stdin=pstdin)
            stats.add("compiles", rec=rec)
            if prc == 0:
                first = next((l for l in err.splitlines() if "error" in l), "")
                fail(mode, "plugin-error", cmd, stdin, err, first[:200])
            continue
        if os.path.exists(js):
            try:
                with open(js) as f:
                    data = json.load(f)
                n = len(data["entries"])
                m["json_entries"] = n
                with LOCK:
                    stats.json_entries[mode].append(n)
            except Exception as e:  # noqa: BLE001
                fail(mode, "bad-json", cmd, stdin, err + "\n--- json error: %s\n" % e, str(e)[:200])
                shutil.copy2(js, os.path.join(args.out, "failures", "%d-%s" % (seed, mode), "report.json"))
                continue
        else:
            m["json_entries"] = None
            stats.add("json missing (%s)" % mode)
        m["remarks"] = err.count("remark:")
        m["warnings"] = err.count("warning: address of local")
        shutil.rmtree(wd, ignore_errors=True)

    if args.no_runtime:
        results.append(rec)
        return rec
    # Runtime: plain vs plugin vs plugin+ASan.
    env = dict(os.environ, ASAN_OPTIONS="detect_stack_use_after_return=1:detect_leaks=0")
    rc, pout, perr, _ = run([plain_exe], timeout=60)
    stats.add("runs", rec=rec)
    if rc != 0 or "checksum" not in pout:
        stats.add("genfail")
        rec["genfail"] = "plain run rc %s: %s" % (rc, perr[-1000:])
        results.append(rec)
        return rec
    for name, flags in [("run-O2", []), ("run-asan-O2", ["-fsanitize=address", "-fno-omit-frame-pointer"])]:
        exe = os.path.join(case, name + ".exe")
        js = os.path.join(case, name + ".json")
        cmd = base + flags + plugin_flags(plugin, js) + ["-o", exe]
        rc, _, err, _ = run(cmd, cwd=case)
        stats.add("compiles", rec=rec)
        with LOCK:
            stats.per_mode[name] += 1
        if rc == "timeout":
            fail(name, "hang", cmd, None, err, "timeout")
            continue
        if is_crash(rc, err):
            fail(name, "crash", cmd, None, err, signature(err))
            continue
        if rc != 0:
            fail(name, "plugin-error", cmd, None, err, next((l for l in err.splitlines() if "error" in l), "")[:200])
            continue
        rc2, out2, err2, _ = run([exe], timeout=60, env=env)
        stats.add("runs", rec=rec)
        if rc2 != 0 or out2 != pout or "ERROR: AddressSanitizer" in err2:
            # A generator bug shows up without the plugin as well.
            if flags:
                pexe = os.path.join(case, "plain-asan.exe")
                prc, _, _, _ = run(base + flags + ["-o", pexe], cwd=case)
                rc3, out3, err3, _ = run([pexe], timeout=60, env=env)
                if rc3 != 0 or out3 != pout or "ERROR: AddressSanitizer" in err3:
                    stats.add("genfail")
                    rec["genfail"] = "asan without plugin: " + err3[-1500:]
                    continue
            kind = "asan" if "AddressSanitizer" in err2 else "runtime-mismatch"
            m = re.search(r"ERROR: AddressSanitizer: (\S+)", err2)
            sig = m.group(1) if m else "plain=%r plugin=%r rc=%s" % (pout.strip(), out2.strip(), rc2)
            fail(name, kind, cmd, None, err + "\n--- run stdout:\n" + out2 + "\n--- run stderr:\n" + err2[-20000:], sig,
                 {"plain_output": pout, "plugin_output": out2, "run_rc": rc2})
        else:
            stats.add("runs agreeing", rec=rec)
    results.append(rec)
    return rec


def summary(stats, args, t0, plugin_md5):
    lines = ["plugin md5 %s" % plugin_md5,
             "time %d s" % (time.time() - t0),
             "seeds run (valid programs) %d" % stats.c["seeds"],
             "  of which large-module seeds %d" % stats.c["large seeds"],
             "generator failures (skipped) %d" % stats.c["genfail"],
             "compiles %d" % stats.c["compiles"],
             "program runs %d (plugin builds agreeing with plain: %d)" % (stats.c["runs"], stats.c["runs agreeing"]),
             "per mode (plugin compiles):"]
    for m, n in sorted(stats.per_mode.items()):
        je = stats.json_entries.get(m, [])
        lines.append("  %-14s %5d   json reports %d, mean entries %.1f" % (m, n, len(je), (sum(je) / len(je)) if je else 0))
    for k, v in sorted(stats.c.items()):
        if k.startswith("json missing"):
            lines.append("  %s %d" % (k, v))
    lines.append("failures by kind:")
    for k in ["crash", "bad-json", "hang", "plugin-error", "runtime-mismatch", "asan"]:
        lines.append("  %-17s %d" % (k, stats.fail_kinds[k]))
    lines.append("crashes by first escape:: frame:")
    for s, n in stats.crash_sigs.most_common():
        lines.append("  %4d  %s" % (n, s))
    return "\n".join(lines)


def md5(path):
    import hashlib
    with open(path, "rb") as f:
        return hashlib.md5(f.read()).hexdigest()[:12]


def fuzz(args):
    os.makedirs(args.out, exist_ok=True)
    t0 = time.time()
    plugdir = tempfile.mkdtemp(prefix="plugin.", dir=args.out)
    plugin = plugin_copy(args.plugin, plugdir)
    pmd5 = md5(plugin)
    print("plugin copy %s (md5 %s)" % (plugin, pmd5), flush=True)
    stats = Stats()
    results = []
    deadline = t0 + args.minutes * 60 if args.minutes else None
    resf = open(os.path.join(args.out, "results-%d.jsonl" % os.getpid()), "a")

    def one(seed):
        if deadline and time.time() > deadline:
            return None
        rec = check_seed(seed, args, plugin, stats, results)
        with LOCK:
            resf.write(json.dumps(rec) + "\n")
            resf.flush()
            done = stats.c["seeds"] + stats.c["genfail"]
            if done % 10 == 0:
                with open(os.path.join(args.out, "summary.txt"), "w") as f:
                    f.write(summary(stats, args, t0, pmd5) + "\n")
        if not args.keep:
            shutil.rmtree(os.path.join(args.out, "work", str(seed)), ignore_errors=True)
        return rec

    seeds = range(args.seed0, args.seed0 + args.seeds)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for _ in ex.map(one, seeds):
            pass
    s = summary(stats, args, t0, pmd5)
    with open(os.path.join(args.out, "summary.txt"), "w") as f:
        f.write(s + "\n")
    print(s)
    shutil.rmtree(plugdir, ignore_errors=True)
    return 1 if sum(stats.fail_kinds.values()) else 0


def summarize(args):
    """Counts over every results*.jsonl in OUT (several runs, several processes)."""
    stats = Stats()
    seeds = set()
    for fn in sorted(os.listdir(args.out)):
        if not (fn.startswith("results") and fn.endswith(".jsonl")):
            continue
        for line in open(os.path.join(args.out, fn)):
            rec = json.loads(line)
            if rec["seed"] in seeds:
                continue
            seeds.add(rec["seed"])
            if "compiles" not in rec:   # early records: count what ran
                rec["compiles"] = len(rec["modes"]) + (3 if rec["modes"] else 1)
            for k in ("compiles", "runs", "runs_agreeing"):
                stats.c[k.replace("_", " ")] += rec.get(k, 0)
            if "genfail" in rec and not rec["modes"]:
                stats.c["genfail"] += 1
                continue
            stats.c["seeds"] += 1
            if rec.get("large"):
                stats.c["large seeds"] += 1
            for m, v in rec["modes"].items():
                stats.per_mode[m] += 1
                if v.get("json_entries") is not None:
                    stats.json_entries[m].append(v["json_entries"])
            for m in ("run-O2", "run-asan-O2"):
                if rec.get("runs", 0) > 0 or any(f["mode"] == m for f in rec["failures"]):
                    stats.per_mode[m] += 1
            for f in rec["failures"]:
                stats.fail_kinds[f["kind"]] += 1
                if f["kind"] == "crash":
                    stats.crash_sigs[f["signature"]] += 1
    s = summary(stats, args, time.time(), "(several runs)")
    print(s)
    with open(os.path.join(args.out, "summary-all.txt"), "w") as f:
        f.write(s + "\n")
    return 0


def rerun(args):
    """Compile every saved failure again with a fresh copy of the plugin."""
    fdir = os.path.join(args.out, "failures")
    plugdir = tempfile.mkdtemp(prefix="plugin-rerun.", dir=args.out)
    plugin = plugin_copy(args.plugin, plugdir)
    print("plugin copy %s (md5 %s)" % (plugin, md5(plugin)))
    rows = []
    per_sig = collections.Counter()
    for name in sorted(os.listdir(fdir)) if os.path.isdir(fdir) else []:
        d = os.path.join(fdir, name)
        if not os.path.exists(os.path.join(d, "info.json")):
            continue
        info = json.load(open(os.path.join(d, "info.json")))
        key = (info["kind"], info.get("signature", ""))
        per_sig[key] += 1
        if args.rerun_max and per_sig[key] > args.rerun_max:
            continue
        env = dict(os.environ, PLUGIN=plugin, ASAN_OPTIONS="detect_stack_use_after_return=1:detect_leaks=0")
        rc, _, err, _ = run(["sh", os.path.join(d, "cmd.sh")], env=env)
        if rc == "timeout":
            now = "hang"
        elif is_crash(rc, err):
            now = "crash " + signature(err)
        elif rc != 0:
            now = "error"
        else:
            now = "ok"
            if info["kind"] in ("runtime-mismatch", "asan"):
                exe = [a for a in info["cmd"] if a.endswith(".exe")]
                outs = os.path.join(d, "out")
                cand = [os.path.join(outs, f) for f in os.listdir(outs) if f.endswith(".exe")] if os.path.isdir(outs) else []
                if cand:
                    rc2, o2, e2, _ = run([cand[0]], env=env, timeout=60)
                    if o2 != info.get("plain_output") or rc2 != 0 or "AddressSanitizer" in e2:
                        now = "still differs"
            elif info["kind"] == "bad-json":
                jp = os.path.join(d, "out", "report.json")
                try:
                    json.load(open(jp))
                except Exception as e:  # noqa: BLE001
                    now = "bad-json " + str(e)[:80]
        with open(os.path.join(d, "rerun.txt"), "w") as f:
            f.write("plugin md5 %s\nresult %s\n%s" % (md5(plugin), now, err[-20000:]))
        rows.append((name, info["kind"], info.get("signature", ""), now))
        print("%-28s %-16s %-50s now: %s" % (name, info["kind"], info.get("signature", "")[:50], now), flush=True)
    shutil.rmtree(plugdir, ignore_errors=True)
    return 0


def reproduces(info, err, rc):
    if info["kind"] == "crash":
        return is_crash(rc, err) and signature(err) == info["signature"]
    if info["kind"] == "hang":
        return rc == "timeout"
    return rc != 0


def bisect(args):
    """Cut a failing unit down to single features: regenerate the seed with one
    feature at a time and compile it as the failing mode did."""
    d = os.path.abspath(args.bisect)
    info = json.load(open(os.path.join(d, "info.json")))
    meta = json.load(open(os.path.join(d, "meta.json")))
    plugdir = tempfile.mkdtemp(prefix="plugin-bisect.", dir=d)
    plugin = plugin_copy(args.plugin, plugdir)
    hits = []
    for f in sorted(set(meta["features"])):
        case = os.path.join(d, "bisect-" + f)
        shutil.rmtree(case, ignore_errors=True)
        run([sys.executable, os.path.join(HERE, "gen_cpp.py"), str(meta["seed"]), case, "--std", meta["std"],
             "--features", f])
        mode = info["mode"]
        if mode.startswith("run-"):
            js = os.path.join(case, "r.json")
            flags = ["-fsanitize=address", "-fno-omit-frame-pointer"] if "asan" in mode else []
            cmd = [CLANGXX, "-std=" + meta["std"], "-O2", "-isystem", os.path.join(case, "sys"), "-I", case] + \
                flags + plugin_flags(plugin, js) + ["-c", os.path.join(case, "t.cpp"), "-o", os.path.join(case, "t.o")]
            cwd, stdin = case, None
        else:
            cmd, cwd, stdin, _ = mode_cmd(mode, case, plugin, meta["std"])
        rc, _, err, _ = run(cmd, cwd=cwd, stdin=stdin)
        ok = reproduces(info, err, rc)
        print("%-16s %s" % (f, "REPRODUCES" if ok else "no (rc %s)" % rc), flush=True)
        if ok:
            hits.append(f)
            with open(os.path.join(case, "stderr.txt"), "w") as fh:
                fh.write(err[-100000:])
        else:
            shutil.rmtree(case, ignore_errors=True)
    shutil.rmtree(plugdir, ignore_errors=True)
    print("features that reproduce alone: %s" % (", ".join(hits) or "none"))
    return 0


def reduce_case(args):
    """Reduce a crash with cvise: same escape:: signature must remain."""
    d = os.path.abspath(args.reduce)
    info = json.load(open(os.path.join(d, "info.json")))
    if not shutil.which("cvise"):
        print("cvise not installed (apt-get install -y cvise)")
        return 2
    red = os.path.join(d, "reduced")
    os.makedirs(red, exist_ok=True)
    shutil.copy2(os.path.join(d, "t.cpp"), os.path.join(red, "t.cpp"))
    plugdir = tempfile.mkdtemp(prefix="plugin-reduce.", dir=d)
    plugin = plugin_copy(args.plugin, plugdir)
    cmd = [a for a in info["cmd"]]
    std = next(a for a in cmd if a.startswith("-std="))
    opt = next(a for a in cmd if re.match(r"-O\d$", a))
    flags = [a for a in cmd if a in ("-g", "-save-temps=obj", "-fno-omit-frame-pointer") or a.startswith("-fsanitize")]
    sig = info["signature"]
    test = os.path.join(red, "test.sh")
    with open(test, "w") as f:
        f.write("#!/bin/bash\n")
        f.write("ulimit -t 60\nexport MALLOC_PERTURB_=165\n")
        f.write("%s %s %s -fsyntax-only -isystem %s -I %s t.cpp >/dev/null 2>&1 || exit 1\n"
                % (CLANGXX, std, "-w", shlex.quote(os.path.join(d, "sys")), shlex.quote(d)))
        f.write("%s %s %s %s -isystem %s -I %s %s -c t.cpp -o t.o > log.txt 2>&1\n"
                % (CLANGXX, std, opt, " ".join(flags), shlex.quote(os.path.join(d, "sys")), shlex.quote(d),
                   " ".join(shlex.quote(a) for a in plugin_flags(plugin, "r.json"))))
        if info["kind"] == "crash":
            f.write("grep -qF %s log.txt\n" % shlex.quote(sig.split("(")[0]))
        elif info["kind"] == "bad-json":
            f.write("! python3 -c 'import json,sys; json.load(open(\"r.json\"))' 2>/dev/null\n")
        else:
            f.write("grep -q error log.txt\n")
    os.chmod(test, 0o755)
    # Sanity: the test must hold on the original.
    rc = subprocess.call(["bash", test], cwd=red)
    if rc != 0:
        print("interestingness test does not hold on the original case (fixed, or flaky)")
        return 1
    rc = subprocess.call(["timeout", str(args.reduce_minutes * 60), "cvise", "--n", "1", "--timeout", "120",
                          test, "t.cpp"], cwd=red)
    print("cvise exit %d; reduced source in %s/t.cpp" % (rc, red))
    shutil.rmtree(plugdir, ignore_errors=True)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=int, default=100)
    ap.add_argument("--seed0", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--large-every", type=int, default=10, help="every K-th seed is a large module (0: never)")
    ap.add_argument("--minutes", type=float, default=0, help="stop starting new seeds after M minutes")
    ap.add_argument("--plugin", default=os.path.join(ROOT, "build/lib/libEscape.so"))
    ap.add_argument("--out", default=os.path.join(ROOT, "build/stress-frontend"))
    ap.add_argument("--no-runtime", action="store_true")
    ap.add_argument("--all-modes", action="store_true", help="every mode for every seed (default: O0, O2 and 3 in rotation)")
    ap.add_argument("--keep", action="store_true", help="keep the work directory of every seed")
    ap.add_argument("--rerun", action="store_true")
    ap.add_argument("--rerun-max", type=int, default=0, help="rerun at most N failures per (kind, signature)")
    ap.add_argument("--summarize", action="store_true", help="counts over all results*.jsonl in OUT")
    ap.add_argument("--avoid-known", action="store_true",
                    help="step around known crashes so others show: no non-UTF-8 source, no MALLOC_PERTURB_")
    ap.add_argument("--reduce", help="reduce a saved crash (a failures/ directory) with cvise")
    ap.add_argument("--bisect", help="find which generated features alone reproduce a saved failure")
    ap.add_argument("--reduce-minutes", type=int, default=10)
    args = ap.parse_args()
    args.out = os.path.abspath(args.out)
    if args.avoid_known:
        COMPILE_ENV.pop("MALLOC_PERTURB_", None)
    if not os.path.exists(args.plugin):
        print("plugin not found: %s (run bash tools/setup.sh)" % args.plugin)
        return 2
    if args.rerun:
        return rerun(args)
    if args.summarize:
        return summarize(args)
    if args.reduce:
        return reduce_case(args)
    if args.bisect:
        return bisect(args)
    return fuzz(args)


if __name__ == "__main__":
    sys.exit(main())
