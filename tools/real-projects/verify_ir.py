#!/usr/bin/env python3
"""Run the escape pass over the IR of a real project, with the IR verifier.

    verify_ir.py BUILD_DIR OUT_DIR PLUGIN [--opt OPT] [--jobs N] [--timeout S]

BUILD_DIR holds a CMake build configured with CMAKE_EXPORT_COMPILE_COMMANDS=ON.
Every C/C++ translation unit in its compile_commands.json is compiled again to
bitcode at its own flags plus `-emit-llvm -Xclang -disable-llvm-passes` (so the
functions are not optnone, and nothing is optimised yet), then goes through

  1. opt -passes=escape -verify-each        (the pass on front-end IR), and
  2. opt -passes=<clang's O2 pipeline, with `verify` right before and after
     the escape pass>                        (the pass on inlined, simplified IR,
                                              where it runs inside clang).

Prints one line per failure and a summary; exit status 1 if any module made
opt crash or fail verification (or time out), 0 otherwise. Modules that clang
itself cannot compile again are counted as skipped, not failures.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor


def o2_pipeline_with_verify(opt, plugin):
    """clang's default<O2> pipeline text, escape wrapped in verify passes."""
    with tempfile.NamedTemporaryFile("w", suffix=".ll", delete=False) as f:
        f.write("define void @f() {\n  ret void\n}\n")
        empty = f.name
    try:
        text = subprocess.run(
            [opt, "-load-pass-plugin=" + plugin, "-passes=default<O2>",
             "-print-pipeline-passes", "-disable-output", empty],
            check=True, capture_output=True, text=True).stdout.strip()
    finally:
        os.unlink(empty)
    wrapped, n = re.subn(r"(^|,)escape(?=,|$)", r"\1verify,escape,verify", text)
    if n != 1:
        sys.exit("verify_ir: the O2 pipeline has %d escape passes (expected 1)" % n)
    return wrapped


def bitcode_command(entry, out):
    """The entry's compile command, writing front-end bitcode to OUT."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    res, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a.startswith("-o") and len(a) > 2:
            continue
        if a.startswith(("-fplugin", "-Rpass", "-fsave-optimization-record")):
            continue
        res.append(a)
    return res + ["-emit-llvm", "-Xclang", "-disable-llvm-passes", "-o", out]


def run(cmd, timeout, cwd=None):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=cwd)
        return p.returncode, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("out")
    ap.add_argument("plugin")
    ap.add_argument("--opt", default="opt-19")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=600)
    a = ap.parse_args()

    with open(os.path.join(a.build, "compile_commands.json")) as f:
        entries = [e for e in json.load(f)
                   if re.search(r"\.(c|cc|cpp|cxx|C)$", e["file"])]
    os.makedirs(a.out, exist_ok=True)
    pipeline = o2_pipeline_with_verify(a.opt, a.plugin)
    checks = [("escape -verify-each", ["-passes=escape", "-verify-each"]),
              ("O2, verify around escape", ["-passes=" + pipeline])]

    def one(i_entry):
        i, e = i_entry
        bc = os.path.join(a.out, "%04d-%s.bc" % (i, os.path.basename(e["file"])))
        rc, err = run(bitcode_command(e, bc), a.timeout, cwd=e["directory"])
        if rc != 0:
            return [("skipped", e["file"], "clang: " + (err.strip().splitlines() or ["?"])[-1])]
        results = []
        for name, flags in checks:
            rc, err = run([a.opt, "-load-pass-plugin=" + a.plugin, *flags,
                           "-disable-output", bc], a.timeout)
            if rc == 0:
                results.append(("ok", e["file"], name))
            elif rc == "timeout":
                results.append(("timeout", e["file"], name))
            else:
                kind = "verifier" if re.search(r"verif|Broken module|Instruction does not dominate",
                                               err, re.I) else "crash"
                tail = " | ".join(err.strip().splitlines()[:3])
                results.append((kind, e["file"], "%s: %s" % (name, tail)))
        return results

    counts = {}
    with ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for results in ex.map(one, enumerate(entries)):
            for kind, file, what in results:
                counts[kind] = counts.get(kind, 0) + 1
                if kind != "ok":
                    print("   %s: %s (%s)" % (kind.upper(), file, what))
    bad = sum(counts.get(k, 0) for k in ("crash", "verifier", "timeout"))
    print("   IR check: %d translation units; %d opt runs ok, %d crashes, %d verifier "
          "failures, %d timeouts, %d skipped" %
          (len(entries), counts.get("ok", 0), counts.get("crash", 0),
           counts.get("verifier", 0), counts.get("timeout", 0), counts.get("skipped", 0)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
