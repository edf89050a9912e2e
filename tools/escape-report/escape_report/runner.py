"""Running the escape plugin over the TUs of a compilation database, in parallel.

Each TU is compiled by clang 19 with -fplugin=PLUGIN and
-fplugin-arg-escape-json=<temp file>, its object going to /dev/null (see
compile_db.plugin_command), in the entry's directory. The per-TU JSON document
(docs/Json.md) is read back and the temp file removed.

A TU whose compile fails (or times out, or writes no report) is an error of that
TU, recorded and returned, never raised.
"""
import json
import os
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

from . import compile_db

HERE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_PLUGIN = os.path.join(REPO, "build", "lib", "libEscape.so")


class PluginMissing(Exception):
    """The plugin library does not exist."""


def find_plugin(explicit=None):
    """The plugin's absolute path: EXPLICIT (--plugin), else $ESCAPE_PLUGIN, else
    <repo>/build/lib/libEscape.so next to this script's checkout.

    Raises PluginMissing (with a message saying how to build it) when the file is
    not there, or when its sibling libEscapeClang.so (the front end) is not.
    """
    path = explicit or os.environ.get("ESCAPE_PLUGIN") or DEFAULT_PLUGIN
    path = os.path.abspath(path)
    if not os.path.isfile(path):
        raise PluginMissing("escape plugin not found at %s: build it with "
                            "`bash tools/setup.sh` (or `ninja -C build`), or give "
                            "--plugin PATH / ESCAPE_PLUGIN" % path)
    if not os.path.isfile(clang_half(path)):
        raise PluginMissing("%s has no libEscapeClang.so next to it: build the plugin with "
                            "`bash tools/setup.sh`" % path)
    return path


def clang_half(plugin):
    """libEscapeClang.so, the front-end half loaded by PLUGIN from its own directory."""
    return os.path.join(os.path.dirname(plugin), "libEscapeClang.so")


def _first_error(stderr, limit=3):
    lines = [l for l in stderr.splitlines() if l.strip()]
    errs = [l for l in lines if "error" in l or "fatal" in l]
    return "\n".join((errs or lines)[:limit]) or "(no output)"


class _Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total, stream=None):
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.failed = 0
        self.lock = threading.Lock()
        self.enabled = self.stream.isatty() and total > 0

    def step(self, name, ok):
        with self.lock:
            self.done += 1
            self.failed += 0 if ok else 1
            if not self.enabled:
                return
            width = 30
            fill = width * self.done // self.total
            text = "[%s%s] %d/%d%s %s" % ("#" * fill, "." * (width - fill), self.done,
                                         self.total,
                                         " (%d failed)" % self.failed if self.failed else "",
                                         os.path.basename(name))
            self.stream.write("\r\x1b[K" + text[:200])
            self.stream.flush()

    def finish(self):
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def run_one(entry, plugin, clang, clangxx, json_path, extra_args=(), timeout=None):
    """Run the plugin over one database entry.

    Returns (doc, error, forced_o2): doc is the per-TU JSON document plus
    "source" (the TU's absolute path), or None; error is None or
    {"file", "returncode", "message", "command"}.
    """
    cmd, forced = compile_db.plugin_command(entry, clang, clangxx, plugin, json_path, extra_args)
    try:
        os.unlink(json_path)
    except FileNotFoundError:
        pass
    err = None
    try:
        p = subprocess.run(cmd, cwd=entry["directory"], stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, errors="replace")
        if p.returncode != 0:
            err = (p.returncode, _first_error(p.stderr))
    except subprocess.TimeoutExpired:
        err = (None, "timed out after %ss" % timeout)
    except OSError as e:
        err = (None, "cannot run %s: %s" % (cmd[0], e))
    doc = None
    if err is None:
        try:
            with open(json_path, encoding="utf-8") as f:
                doc = json.load(f)
            doc["source"] = entry["file"]
        except (OSError, ValueError) as e:
            err = (0, "no JSON report: %s" % e)
    if err is not None:
        return None, {"file": entry["file"], "returncode": err[0], "message": err[1],
                      "command": cmd}, forced
    return doc, None, forced


def run(entries, plugin, clang="clang-19", clangxx="clang++-19", jobs=None,
        extra_args=(), timeout=None, progress=True):
    """Run the plugin over ENTRIES with JOBS parallel compiles (default: CPU count).

    Returns {"docs": [per-TU documents, in ENTRIES order, failed ones left out],
             "errors": [errors as in run_one], "forced_o2": number of TUs compiled
             at -O2 instead of -O0 or no -O level}.
    """
    jobs = max(1, jobs or os.cpu_count() or 1)
    bar = _Progress(len(entries)) if progress else None
    results = [None] * len(entries)
    with tempfile.TemporaryDirectory(prefix="escape-report-") as tmp:
        def work(i):
            r = run_one(entries[i], plugin, clang, clangxx,
                        os.path.join(tmp, "tu%d.json" % i), extra_args, timeout)
            results[i] = r
            if bar:
                bar.step(entries[i]["file"], r[1] is None)

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(work, range(len(entries))))
    if bar:
        bar.finish()
    return {"docs": [r[0] for r in results if r[0] is not None],
            "errors": [r[1] for r in results if r[1] is not None],
            "forced_o2": sum(1 for r in results if r[2])}
