#!/usr/bin/env python3
"""Summarise one build of tools/real-projects/run.sh from the compiler launcher's log.

    json_summary.py TU_LOG [--expect-json] [--lto]

TU_LOG has one line per compile command (written by cc-wrapper.sh):
    status<TAB>object<TAB>json-path-or-dash<TAB>cwd
and "CRASH<TAB>object<TAB>crash-dir<TAB>cwd" for each compiler crash.
Compiles inside CMake's configure checks (CMakeScratch, CMakeTmp) are not counted.

Prints one line of key=value pairs:
    tus=N failed=N crashes=N json=N bad_json=N missing_json=N sites=N moved=N escaping=N
    eliminated=N kept=N
With --expect-json every successful compile must have written a JSON report that parses
and has the expected shape; a missing or broken one is listed on stderr (and counted).

With --lto (run.sh --lto: the compile step runs under -flto, and the escape pass and the
JSON writer run at link time) a report must also be newer than its object file, i.e.
written by the link, not by the compile step (counted as compile_time_json).  A TU with
no report is counted as no_link_json instead of missing_json: its object went into no
program or shared library that was linked with the pass (an archive member that no link
pulled in, for instance).  Adds the keys no_link_json and compile_time_json.
"""
import json
import os
import sys


def configure_check(obj):
    return "CMakeScratch" in obj or "CMakeTmp" in obj


def check_entry(e):
    if not isinstance(e, dict):
        return "entry is not an object"
    kind = e.get("kind")
    if not isinstance(kind, str):
        return "entry without a kind"
    if kind == "site":
        for k in ("verdict", "moved", "what", "line"):
            if k not in e:
                return "site without '%s'" % k
        if not isinstance(e["moved"], bool):
            return "site 'moved' is not a boolean"
    return None


def main():
    args = sys.argv[1:]
    expect = "--expect-json" in args
    lto = "--lto" in args
    args = [a for a in args if a not in ("--expect-json", "--lto")]
    if len(args) != 1:
        sys.exit(__doc__)
    c = dict(tus=0, failed=0, crashes=0, json=0, bad_json=0, missing_json=0,
             sites=0, moved=0, escaping=0, eliminated=0, kept=0)
    if lto:
        c.update(no_link_json=0, compile_time_json=0)
    seen = set()
    try:
        lines = open(args[0]).read().splitlines()
    except FileNotFoundError:
        lines = []
    for line in lines:
        f = line.split("\t")
        if len(f) < 4:
            continue
        status, obj, jpath, cwd = f[0], f[1], f[2], f[3]
        if status == "CRASH":
            c["crashes"] += 1
            continue
        if configure_check(obj) or configure_check(cwd):
            continue
        key = os.path.normpath(os.path.join(cwd, obj))
        if key in seen:        # compiled twice (e.g. a re-run of make): count once
            continue
        seen.add(key)
        c["tus"] += 1
        if status != "0":
            c["failed"] += 1
            continue
        if jpath == "-":
            if expect:
                c["missing_json"] += 1
                print("json_summary: no JSON path for %s" % key, file=sys.stderr)
            continue
        p = os.path.join(cwd, jpath)
        try:
            with open(p) as fh:
                doc = json.load(fh)
        except FileNotFoundError:
            if lto:
                c["no_link_json"] += 1
                print("json_summary: no report written at link time: %s" % p, file=sys.stderr)
                continue
            c["missing_json"] += 1
            print("json_summary: missing %s" % p, file=sys.stderr)
            continue
        except (ValueError, UnicodeDecodeError) as e:
            c["bad_json"] += 1
            print("json_summary: does not parse: %s: %s" % (p, e), file=sys.stderr)
            continue
        if lto:
            try:
                if os.path.getmtime(p) < os.path.getmtime(key):
                    c["compile_time_json"] += 1
                    print("json_summary: older than its object (not written at link time): %s" % p,
                          file=sys.stderr)
            except OSError:
                pass
        entries = doc.get("entries") if isinstance(doc, dict) else None
        if not isinstance(entries, list):
            c["bad_json"] += 1
            print("json_summary: no 'entries' list in %s" % p, file=sys.stderr)
            continue
        bad = None
        for e in entries:
            bad = check_entry(e)
            if bad:
                break
            if e["kind"] != "site":
                continue
            c["sites"] += 1
            v = e["verdict"]
            if e["moved"]:
                c["moved"] += 1
            elif v.startswith("escape"):
                c["escaping"] += 1
            elif v == "eliminated":
                c["eliminated"] += 1
            else:
                c["kept"] += 1
        if bad:
            c["bad_json"] += 1
            print("json_summary: %s: %s" % (p, bad), file=sys.stderr)
            continue
        c["json"] += 1
    print(" ".join("%s=%d" % kv for kv in c.items()))


if __name__ == "__main__":
    main()
