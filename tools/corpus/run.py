#!/usr/bin/env python3
"""A corpus of real code (Debian source packages) through the escape plugin.

    run.py [--projects a,b] [--jobs N] [--max-tus N] [--timeout S] [--no-reduce]
    run.py --list
    run.py --report [--projects a,b]

For every project of projects.json: fetch the Debian source package (a private
deb-src list derived from /etc/apt/sources.list.d/*.sources), configure and
build it once with clang-19/clang++-19 -O2 to get generated headers and a
compile_commands.json, then for EVERY C/C++ translation unit of that database,
at its own flags with -O2 forced:

  a. plain compile, CPU time (user+sys of the child);
  b. the same with -fplugin=PLUGIN (demotion only), CPU time: overhead is b/a;
  c. the full user-facing path in one compile: -fplugin-arg-escape-m=2,
     -fplugin-arg-escape-json, -Rpass*=escape, -fsave-optimization-record;
     the JSON must parse; remarks and site verdicts are counted;
  d. -Werror regression: (b) must print the same warning/error lines as (a),
     and with -Werror added both must exit alike;
  e. the front-end IR through opt -passes=escape -verify-each, and through the
     O2 pipeline with `verify` right before and after escape.

A crash (signal, exit >= 128, or a stack dump), a verifier failure, a timeout
(hang) or a -Werror regression is a failure; a TU that plain clang cannot
compile is skipped. Crash reproducers go to WORK/crashes/PROJECT/N/ (and are
reduced with cvise unless --no-reduce). Results are appended per TU to
WORK/results/PROJECT.jsonl; a rerun skips TUs already done with the same
plugin (md5 of libEscape.so + libEscapeClang.so). WORK is $ESCAPE_CORPUS_WORK,
default <repo>/build/corpus. The plugin is $ESCAPE_PLUGIN, default
<repo>/build/lib/libEscape.so; a private copy is used (WORK/plugin-<md5>/).
Exit status 1 if any crash, verifier failure, hang or -Werror regression.
"""
import argparse
import glob
import hashlib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CLANG, CLANGXX, OPT = "clang-19", "clang++-19", "opt-19"
SRC_EXT = re.compile(r"\.(c|cc|cpp|cxx|c\+\+|C)$")
DIAG_LINE = re.compile(r"(^|:\s)(warning|error|fatal error):")
FRAME = re.compile(r"^\s*#(\d+)\s+0x[0-9a-fA-F]+\s+(.*)$")
HANDLER_FRAME = re.compile(
    r"PrintStackTrace|SignalHandler|RunSignalHandlers|CrashRecoveryContext|"
    r"__restore_rt|libc\.so|raise|abort|__assert_fail|report_fatal_error|"
    r"llvm::sys::|HandleCrash|libpthread")
REPORT_FLAGS = ["-fplugin-arg-escape-m=2", "-Rpass=escape", "-Rpass-missed=escape",
                "-Rpass-analysis=escape", "-fsave-optimization-record"]
PLUGIN_TOKEN = "@PLUGIN@"
OUT_TOKEN = "@OUT@"
print_lock = threading.Lock()


def log(*a):
    with print_lock:
        print(*a, flush=True)


# ------------------------------------------------------------ processes --

def run_timed(cmd, cwd=None, timeout=300, stdout=None):
    """Run CMD; return (rc, stderr, cpu_seconds, timed_out). rc < 0: signal."""
    with tempfile.TemporaryFile() as errf:
        p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                             stdout=stdout if stdout is not None else subprocess.DEVNULL,
                             stderr=errf, start_new_session=True)
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        t = threading.Timer(timeout, kill)
        t.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            t.cancel()
        rc = os.waitstatus_to_exitcode(status)
        p.returncode = rc
        errf.seek(0)
        err = errf.read().decode("utf-8", "replace")
    return rc, err, ru.ru_utime + ru.ru_stime, bool(timed_out)


def is_crash(rc, err):
    return (rc < 0 or rc >= 128 or "PLEASE submit a bug report" in err
            or "Stack dump" in err)


def first_frame(err):
    """The first stack frame naming escape::, else the first non-handler frame."""
    frames = []
    for line in err.splitlines():
        m = FRAME.match(line)
        if m:
            frames.append(re.sub(r"\s+", " ", m.group(2)).strip())
    for f in frames:
        if "escape::" in f:
            return f
    for f in frames:
        if "libEscape" in f:
            return f
    for f in frames:
        if not HANDLER_FRAME.search(f):
            return f
    for line in err.splitlines():
        if "LLVM ERROR" in line or "Assertion" in line:
            return line.strip()
    return frames[0] if frames else ""


def signature(frame):
    """A stable substring of a frame line for grep (drop the address part)."""
    s = re.sub(r"\s*\(/[^)]*\)\s*$", "", frame)      # "(/path/lib.so+0x...)" suffix
    s = re.sub(r"^\S+\.so\S*\s+", "", s)
    s = s.strip()
    if not s:
        m = re.search(r"(libEscape\w*\.so\+0x[0-9a-f]+)", frame)
        s = m.group(1) if m else frame
    return s[:200]


def diag_lines(err):
    return [l for l in err.splitlines() if DIAG_LINE.search(l)]


# ----------------------------------------------------------- the plugin --

def private_plugin(plugin, work):
    pdir = os.path.dirname(os.path.abspath(plugin))
    files = sorted(glob.glob(os.path.join(pdir, "libEscape*.so")))
    h = hashlib.md5()
    for f in files:
        with open(f, "rb") as fh:
            h.update(os.path.basename(f).encode())
            h.update(fh.read())
    md5 = h.hexdigest()[:12]
    dest = os.path.join(work, "plugin-" + md5)
    if not os.path.exists(os.path.join(dest, ".complete")):
        os.makedirs(dest, exist_ok=True)
        for f in files:
            shutil.copy2(f, dest)
        open(os.path.join(dest, ".complete"), "w").close()
    return os.path.join(dest, os.path.basename(plugin)), md5


def sanity_check(plugin, work):
    src = os.path.join(work, "sanity.cpp")
    with open(src, "w") as f:
        f.write("void g(int);\nint f(int n){int *p=new int[4]; for(int i=0;i<n;i++) "
                "p[i&3]+=i; g(p[1]); int r=p[n&3]; delete[] p; return r;}\n")
    p = subprocess.run([CLANGXX, "-O2", "-fplugin=" + plugin, "-Rpass=escape", "-c",
                        src, "-o", "/dev/null"], capture_output=True, text=True)
    if "moved to stack" not in p.stderr:
        sys.exit("plugin sanity check failed (no 'moved to stack' remark):\n" + p.stderr)


def o2_pipeline_with_verify(plugin):
    """clang's O2 pipeline with verify around escape: the real-projects harness's."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                    "..", "real-projects"))
    import verify_ir
    return verify_ir.o2_pipeline_with_verify(OPT, plugin)


# -------------------------------------------------------------- fetching --

class Apt:
    def __init__(self, work):
        self.dir = os.path.join(os.path.abspath(work), "apt")
        self.ready = False
        self.opts = ["-o", "Dir::Etc::SourceParts=" + os.path.join(self.dir, "sources.d"),
                     "-o", "Dir::Etc::SourceList=/dev/null",
                     "-o", "Dir::State::Lists=" + os.path.join(self.dir, "lists")]
        self.lock = threading.Lock()

    def prepare(self):
        if self.ready:
            return
        os.makedirs(os.path.join(self.dir, "sources.d"), exist_ok=True)
        os.makedirs(os.path.join(self.dir, "lists", "partial"), exist_ok=True)
        for s in glob.glob("/etc/apt/sources.list.d/*.sources"):
            with open(s) as f:
                text = f.read()
            text = re.sub(r"(?m)^Types:[ \t]*deb[ \t]*$", "Types: deb-src", text)
            with open(os.path.join(self.dir, "sources.d", os.path.basename(s)), "w") as f:
                f.write(text)
        if shutil.which("dpkg-source") is None:
            subprocess.run(["apt-get", "install", "-y", "dpkg-dev"], check=False,
                           stdout=subprocess.DEVNULL)
        lists = glob.glob(os.path.join(self.dir, "lists", "*Sources*"))
        if not lists:
            log("== apt-get update (deb-src, private lists)")
            with open(os.path.join(self.dir, "update.log"), "w") as lf:
                subprocess.run(["apt-get", "update"] + self.opts, stdout=lf,
                               stderr=subprocess.STDOUT, check=True)
        self.ready = True

    def versions(self, pkg):
        p = subprocess.run(["apt-cache"] + self.opts + ["showsrc", pkg],
                           capture_output=True, text=True)
        return re.findall(r"(?m)^Version:\s*(\S+)", p.stdout)

    def source(self, pkg, srcroot):
        """Unpack PKG under SRCROOT; return its directory."""
        with self.lock:
            d = find_srcdir(srcroot, pkg)
            if d:
                return d
            self.prepare()
            os.makedirs(srcroot, exist_ok=True)
            logf = os.path.join(srcroot, pkg + ".fetch.log")
            # the newest version first; a version whose files are gone from the
            # archive (a superseded security update) falls back to the next
            for spec in [pkg] + ["%s=%s" % (pkg, v) for v in self.versions(pkg)]:
                log("== apt-get source " + spec)
                with open(logf, "w") as lf:
                    r = subprocess.run(["apt-get", "source"] + self.opts + [spec],
                                       cwd=srcroot, stdout=lf, stderr=subprocess.STDOUT)
                d = find_srcdir(srcroot, pkg)
                if r.returncode == 0 and d:
                    return d
            raise RuntimeError("could not fetch %s (see %s)" % (pkg, logf))


def find_srcdir(srcroot, pkg):
    for d in sorted(glob.glob(os.path.join(srcroot, pkg + "-[0-9]*"))):
        if os.path.isdir(d):
            return d
    return None


# --------------------------------------------------------------- building --

def build_project(proj, src, bdir, jobs):
    """Configure once with clang-19/clang++-19 -O2; return compile_commands.json.

    Makefile/autotools projects are built whole here, under bear (which writes
    the compile database). CMake and Meson projects are only configured here:
    build_objects() then builds the object files of the TUs about to be checked
    (with ninja, which builds the generated headers and tools they need first),
    so that a slice (--max-tus) does not pay for the whole project."""
    db = os.path.join(bdir, "compile_commands.json")
    marker = os.path.join(bdir, ".corpus-built")
    config = json.dumps(proj, sort_keys=True)
    if os.path.exists(marker) and os.path.exists(db):
        with open(marker) as f:
            if f.read().split("\n", 1)[-1].strip() == config:
                return db                            # built with this configuration
    if os.path.exists(bdir):
        shutil.rmtree(bdir)
    os.makedirs(bdir)
    kind = proj["build"]
    sub = os.path.join(src, proj.get("subdir", ""))
    t0 = time.time()
    logf = open(os.path.join(bdir, "build.log"), "w")
    sh = shell_in(logf)
    log("== %s: configure%s (%s) in %s" % (proj["name"], " and build" if kind == "make" else "",
                                          kind, bdir))
    if kind == "cmake":
        rc = sh(["cmake", "-S", sub, "-B", bdir, "-G", "Ninja",
                 "-DCMAKE_BUILD_TYPE=None", "-DCMAKE_C_COMPILER=" + CLANG,
                 "-DCMAKE_CXX_COMPILER=" + CLANGXX, "-DCMAKE_C_FLAGS=-O2",
                 "-DCMAKE_CXX_FLAGS=-O2", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"]
                + proj.get("args", []), bdir)
        if rc != 0:
            raise RuntimeError("configure failed, see %s/build.log" % bdir)
    elif kind == "meson":
        rc = sh(["meson", "setup", bdir, sub] + proj.get("args", []), src)
        if rc != 0:
            raise RuntimeError("configure failed, see %s/build.log" % bdir)
    elif kind == "make":
        tree = os.path.join(bdir, "tree")
        shutil.copytree(sub, tree, symlinks=True)
        for c in proj.get("configure", []):
            if sh(c, tree) != 0:
                raise RuntimeError("configure failed, see %s/build.log" % bdir)
        rc = 0
        for mk in proj.get("make", [""]):          # each under bear, appending
            r = sh("bear --append --output %s -- make -k -j%d CC=%s CXX=%s CFLAGS=-O2 "
                   "CXXFLAGS=-O2 %s" % (shlex.quote(db), jobs, CLANG, CLANGXX, mk), tree)
            rc = rc or r
        if rc != 0:
            log("   (the build had errors, rc %s; TUs that do not compile are skipped)" % rc)
    else:
        raise RuntimeError("unknown build system " + kind)
    logf.write("== exit %s, %.0f s\n" % (rc, time.time() - t0))
    logf.close()
    if not os.path.exists(db):
        raise RuntimeError("no compile_commands.json, see %s/build.log" % bdir)
    with open(marker, "w") as f:
        f.write("%s %.0f\n%s\n" % (rc, time.time() - t0, config))
    return db


def shell_in(logf):
    env = dict(os.environ, CC=CLANG, CXX=CLANGXX, CFLAGS="-O2", CXXFLAGS="-O2")

    def sh(cmd, cwd):
        logf.write("$ %s\n" % (cmd if isinstance(cmd, str) else shlex.join(cmd)))
        logf.flush()
        return subprocess.run(cmd, cwd=cwd, env=env, stdout=logf, stderr=subprocess.STDOUT,
                              shell=isinstance(cmd, str)).returncode
    return sh


def build_objects(proj, bdir, tus, jobs):
    """ninja -k 0 the object files of TUS (and what they need: generated files)."""
    if proj["build"] not in ("cmake", "meson") or not tus:
        return
    targets = [os.path.relpath(os.path.join(t["dir"], t["output"]), bdir)
               for t in tus if t.get("output")]
    if len(targets) < len(tus):
        targets = []                                 # no "output" in the database: all
    t0 = time.time()
    with open(os.path.join(bdir, "build.log"), "a") as logf:
        rc = shell_in(logf)(["ninja", "-C", bdir, "-k", "0", "-j", str(jobs)] + targets, bdir)
        logf.write("== ninja exit %s, %.0f s\n" % (rc, time.time() - t0))
    log("   built %s object files in %.0f s%s" % (len(targets) or "all", time.time() - t0,
                                                 "" if rc == 0 else
                                                 " (with errors: those TUs are skipped)"))


def load_tus(db):
    with open(db) as f:
        entries = json.load(f)
    seen, tus = set(), []
    for e in entries:
        path = e["file"]
        if not os.path.isabs(path):
            path = os.path.normpath(os.path.join(e["directory"], path))
        if not SRC_EXT.search(path) or path in seen:
            continue
        seen.add(path)
        args = e.get("arguments") or shlex.split(e["command"])
        out = e.get("output")
        if not out and "-o" in args[:-1]:
            out = args[args.index("-o") + 1]
        tus.append({"file": path, "dir": e["directory"], "args": args, "output": out})
    return tus


def base_args(tu):
    """The TU's command: clang-19/clang++-19, its own flags, -O2, no output,
    no dependency files, no plugin."""
    args = tu["args"]
    drv = os.path.basename(args[0])
    cxx = "++" in drv or drv in ("c++",) or (
        drv not in ("cc", "gcc") and not drv.startswith("clang-")
        and not tu["file"].endswith(".c"))
    out = [CLANGXX if cxx else CLANG]
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if (a.startswith("-o") and len(a) > 2) or a in ("-MD", "-MMD", "-MP"):
            continue
        if re.match(r"-O([0-3sgz]|fast)?$", a):
            continue
        if a.startswith(("-fplugin", "-fpass-plugin", "-Rpass", "-fsave-optimization-record",
                         "-foptimization-record-file", "-fcolor-diagnostics",
                         "-fdiagnostics-color")):
            continue
        out.append(a)
    return out + ["-O2", "-fno-crash-diagnostics", "-fno-color-diagnostics"]


# --------------------------------------------------------------- one TU --

class Ctx:
    def __init__(self, a, work, plugin, md5):
        self.a, self.work, self.plugin, self.md5 = a, work, plugin, md5
        self.pipeline = None
        self.crash_lock = threading.Lock()


def subst(cmd, plugin, tmp):
    return [c.replace(PLUGIN_TOKEN, plugin).replace(OUT_TOKEN, tmp) for c in cmd]


# A plugin step is a hang past max(--timeout, HANG_FACTOR x the plain compile's CPU seconds).
HANG_FACTOR = 6


def check_tu(ctx, proj, idx, tu):
    a = ctx.a
    T = a.timeout
    rec = {"tu": tu["file"], "md5": ctx.md5, "status": "ok", "crashes": [], "verifier": [],
           "hangs": [], "werror": [], "cpu": {}}
    base = base_args(tu)
    tmp = tempfile.mkdtemp(prefix="corpus-", dir=a.tmp)
    t_start = time.time()
    try:
        obj = OUT_TOKEN + "/tu.o"
        cmds = {}

        def go(step, cmd, timeout=T):
            cmds[step] = cmd
            rc, err, cpu, to = run_timed(subst(cmd, ctx.plugin, tmp), cwd=tu["dir"],
                                        timeout=timeout)
            rec["cpu"][step] = round(cpu, 3)
            if to:
                rec["hangs"].append(step)
                save_failure(ctx, proj, tu, rec, step, "hang", cmds, err, "")
            elif is_crash(rc, err):
                fr = first_frame(err)
                rec["crashes"].append({"step": step, "rc": rc, "frame": fr})
                save_failure(ctx, proj, tu, rec, step, "crash", cmds, err, fr)
            return rc, err, to

        # a. plain
        plain = base + ["-o", obj]
        rc_a, err_a, to = go("plain", plain)
        if to or rc_a != 0:
            rec["status"] = "skipped"
            rec["skip"] = "plain compile " + ("timed out" if to else "failed: " + (
                (diag_lines(err_a) or err_a.strip().splitlines() or ["?"])[0][:200]))
            rec["hangs"], rec["crashes"] = [], []   # plain clang's own problems are not ours
            return rec
        # The other steps compile the same TU with more work (clang's own
        # optimization record alone can double a heavy TU's time): a hang is
        # a step past --timeout and past HANG_FACTOR times the plain compile.
        T = max(T, int(HANG_FACTOR * rec["cpu"].get("plain", 0)))
        # b. plugin, demotion only
        plug = base + ["-fplugin=" + PLUGIN_TOKEN, "-o", obj]
        rc_b, err_b, _ = go("plugin", plug)
        # a slow-looking plugin compile is timed again (both compiles, the faster
        # of two runs each), so that the ratio is not one noisy sample
        pa, pb = rec["cpu"].get("plain", 0), rec["cpu"].get("plugin", 0)
        if rc_b == 0 and pa >= 0.2 and pb > 1.2 * pa:
            rc2, _, cpu2, to2 = run_timed(subst(plain, ctx.plugin, tmp), cwd=tu["dir"], timeout=T)
            rc3, _, cpu3, to3 = run_timed(subst(plug, ctx.plugin, tmp), cwd=tu["dir"], timeout=T)
            if rc2 == 0 and rc3 == 0 and not to2 and not to3:
                rec["cpu_first"] = {"plain": pa, "plugin": pb}
                rec["cpu"]["plain"] = round(min(pa, cpu2), 3)
                rec["cpu"]["plugin"] = round(min(pb, cpu3), 3)
        # d. -Werror regression: same diagnostics, same exit status with -Werror
        da, db_ = diag_lines(err_a), diag_lines(err_b)
        if rc_b != 0 and not rec["crashes"] and "plugin" not in rec["hangs"]:
            rec["werror"].append("plugin compile fails (exit %d) where plain succeeds: %s"
                                 % (rc_b, (db_ or ["?"])[0][:200]))
        if da != db_:
            extra = [l for l in db_ if l not in da] + ["(missing) " + l for l in da if l not in db_]
            rec["werror"].append("diagnostics differ: " + " | ".join(extra[:3])[:400])
        if da or db_:
            rc_aw, _, _ = go("plain-Werror", base + ["-Werror", "-o", obj])
            rc_bw, err_bw, _ = go("plugin-Werror", plug[:-2] + ["-Werror", "-o", obj])
            if rc_aw != rc_bw and not is_crash(rc_bw, err_bw):
                rec["werror"].append("with -Werror: plain exits %d, plugin exits %d"
                                     % (rc_aw, rc_bw))
        if rec["werror"]:
            save_failure(ctx, proj, tu, rec, "plugin", "werror", cmds, err_b, "")
        # c. the full user-facing path
        full = base + ["-fplugin=" + PLUGIN_TOKEN,
                       "-fplugin-arg-escape-json=" + OUT_TOKEN + "/tu.json"] + \
            REPORT_FLAGS + ["-foptimization-record-file=" + OUT_TOKEN + "/tu.yaml", "-o", obj]
        jout, yout = os.path.join(tmp, "tu.json"), os.path.join(tmp, "tu.yaml")
        rc_c, err_c, to_c = go("full", full)
        rec["remarks"] = len(re.findall(r"(?m): remark: ", err_c))
        rec["notes"] = len(re.findall(r"(?m): note: ", err_c))
        sites = {"moved": 0, "escapes": 0, "kept": 0, "eliminated": 0, "other": 0,
                 "params": 0, "locals": 0}
        if rc_c == 0:
            try:
                with open(jout) as f:
                    j = json.load(f)
                for e in j.get("entries", []):
                    k = e.get("kind")
                    if k == "param":
                        sites["params"] += 1
                    elif k == "local":
                        sites["locals"] += 1
                    elif k == "site":
                        v = e.get("verdict", "")
                        if e.get("moved"):
                            sites["moved"] += 1
                        elif v == "escapes":
                            sites["escapes"] += 1
                        elif v == "eliminated":
                            sites["eliminated"] += 1
                        elif v == "does not escape" or "kept on heap" in e.get("message", ""):
                            sites["kept"] += 1
                        else:
                            sites["other"] += 1
                rec["json_ok"] = True
            except (OSError, ValueError) as ex:
                rec["json_ok"] = False
                rec["json_error"] = str(ex)[:200]
            rec["yaml_bytes"] = os.path.getsize(yout) if os.path.exists(yout) else 0
        elif not rec["crashes"] and not to_c:
            rec["werror"].append("full report compile fails (exit %d): %s"
                                 % (rc_c, (diag_lines(err_c) or ["?"])[0][:200]))
            save_failure(ctx, proj, tu, rec, "full", "werror", cmds, err_c, "")
        rec["sites"] = sites
        # e. the IR through opt, with the verifier
        if not a.no_ir:
            bc = OUT_TOKEN + "/tu.bc"
            emit = base + ["-emit-llvm", "-Xclang", "-disable-llvm-passes", "-o", bc]
            cmds["emit-bc"] = emit
            rc, err, cpu, to = run_timed(subst(emit, ctx.plugin, tmp), cwd=tu["dir"], timeout=T)
            rec["cpu"]["emit-bc"] = round(cpu, 3)
            if rc == 0 and not to:
                for step, flags in (("opt-escape", ["-passes=escape", "-verify-each"]),
                                    ("opt-O2", ["-passes=" + ctx.pipeline])):
                    cmd = [OPT, "-load-pass-plugin=" + PLUGIN_TOKEN] + flags + \
                        ["-disable-output", bc]
                    cmds[step] = cmd
                    rc, err, cpu, to = run_timed(subst(cmd, ctx.plugin, tmp), timeout=T)
                    rec["cpu"][step] = round(cpu, 3)
                    if to:
                        rec["hangs"].append(step)
                        save_failure(ctx, proj, tu, rec, step, "hang", cmds, err, "")
                    elif rc != 0:
                        if re.search(r"verif|Broken module|does not dominate", err, re.I):
                            fr = (first_frame(err) if "escape::" in err else
                                  next((l for l in err.splitlines() if l.strip()), ""))
                            rec["verifier"].append({"step": step, "what": fr[:300],
                                                    "first": err.strip().splitlines()[0][:300]})
                            save_failure(ctx, proj, tu, rec, step, "verifier", cmds, err,
                                         "Broken module|verif|does not dominate")
                        else:
                            fr = first_frame(err)
                            rec["crashes"].append({"step": step, "rc": rc, "frame": fr})
                            save_failure(ctx, proj, tu, rec, step, "crash", cmds, err, fr)
            else:
                rec["ir_skipped"] = True
        return rec
    finally:
        rec["wall"] = round(time.time() - t_start, 2)
        shutil.rmtree(tmp, ignore_errors=True)


# ------------------------------------------------------------ reproducers --

def save_failure(ctx, proj, tu, rec, step, kind, cmds, err, frame):
    """WORK/crashes/PROJECT/N/: command script, stderr, preprocessed source."""
    with ctx.crash_lock:
        root = os.path.join(ctx.work, "crashes", proj)
        os.makedirs(root, exist_ok=True)
        n = 1
        while os.path.exists(os.path.join(root, str(n))):
            n += 1
        d = os.path.join(root, str(n))
        os.makedirs(d)
    rec.setdefault("repro", []).append(d)
    pp = os.path.join(d, "tu.ii" if base_args(tu)[0] == CLANGXX else "tu.i")
    # preprocess with the same flags
    pre = [a for a in base_args(tu) if a != "-c"] + ["-E", "-o", pp]
    subprocess.run(pre, cwd=tu["dir"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(d, "stderr.txt"), "w") as f:
        f.write(err)
    meta = {"project": proj, "tu": tu["file"], "dir": tu["dir"], "step": step, "kind": kind,
            "frame": frame, "md5": ctx.md5, "plugin": ctx.plugin}
    with open(os.path.join(d, "info.json"), "w") as f:
        json.dump(meta, f, indent=1)

    def q(cmd):
        return shlex.join(cmd).replace(PLUGIN_TOKEN, '"$PLUGIN"')

    lines = ["#!/bin/sh", "# %s in step '%s' on %s (project %s)" % (kind, step, tu["file"], proj),
             'PLUGIN=${PLUGIN:-%s}' % ctx.plugin, 'OUT=${OUT:-$(mktemp -d)}',
             "cd %s || exit 1" % shlex.quote(tu["dir"])]

    def outfix(cmd):
        return q(cmd).replace(OUT_TOKEN, '"$OUT"')
    if step.startswith("opt-"):
        lines.append(outfix(cmds["emit-bc"]) + " || exit 1")
    lines.append(outfix(cmds[step]))
    with open(os.path.join(d, "cmd.sh"), "w") as f:
        f.write("\n".join(lines) + "\n")
    os.chmod(os.path.join(d, "cmd.sh"), 0o755)
    # the same on the preprocessed file (for cvise): flags minus the input and -include
    if kind in ("crash", "verifier") and os.path.exists(pp):
        flags, skip = [], False
        for c in base_args(tu)[1:]:
            if skip:
                skip = False
                continue
            if c in ("-include", "-x", "-imacros"):
                skip = True
                continue
            if os.path.abspath(os.path.join(tu["dir"], c)) == tu["file"]:
                continue
            flags.append(c)
        drv = base_args(tu)[0]
        name = os.path.basename(pp)
        t = ["#!/bin/sh", "# cvise interestingness test: still %s with the same signature" % kind,
             'PLUGIN=${PLUGIN:-%s}' % ctx.plugin]
        if step.startswith("opt-"):
            optcmd = [c for c in cmds[step] if OUT_TOKEN not in c]
            t.append(shlex.join([drv] + flags + ["-emit-llvm", "-Xclang", "-disable-llvm-passes",
                                                 "-o", "tu.bc", name]) + " 2>/dev/null || exit 1")
            t.append(q(optcmd + ["tu.bc"]) + " > log.txt 2>&1")
        else:
            cmd = [c for c in cmds[step] if not c.startswith(("-fplugin-arg-escape-json",
                                                              "-foptimization-record-file",
                                                              "-fsave-optimization"))]
            body = [c for c in cmd[1:] if c not in base_args(tu)[1:]]
            body = [c for c in body if OUT_TOKEN not in c and c != "-o"] + ["-o", "/dev/null"]
            t.append(shlex.join([drv] + flags) + " " + q(body) + " " + name + " > log.txt 2>&1")
        sig = signature(frame) if kind == "crash" else frame
        if kind == "crash":
            t.append("grep -qF -e %s log.txt" % shlex.quote(sig or "PLEASE submit"))
        else:
            t.append("grep -qE -e %s log.txt" % shlex.quote(sig))
        with open(os.path.join(d, "interesting.sh"), "w") as f:
            f.write("\n".join(t) + "\n")
        os.chmod(os.path.join(d, "interesting.sh"), 0o755)


def reduce_failures(ctx, proj, new_dirs):
    """cvise each new crash/verifier reproducer (one per distinct signature)."""
    if ctx.a.no_reduce or not shutil.which("cvise"):
        return
    done_sigs = set()
    for d in new_dirs:
        info = json.load(open(os.path.join(d, "info.json")))
        if info["kind"] not in ("crash", "verifier"):
            continue
        key = (info["step"].startswith("opt-"), info["frame"])
        if key in done_sigs:
            continue
        done_sigs.add(key)
        pp = next((p for p in (os.path.join(d, "tu.ii"), os.path.join(d, "tu.i"))
                   if os.path.exists(p)), None)
        test = os.path.join(d, "interesting.sh")
        if not pp or not os.path.exists(test):
            continue
        red = os.path.join(d, "reduced")
        os.makedirs(red, exist_ok=True)
        shutil.copy(pp, red)
        target = os.path.join(red, os.path.basename(pp))
        # the test must hold on the unreduced file first
        chk = subprocess.run(["sh", test], cwd=red, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        if chk.returncode != 0:
            with open(os.path.join(red, "NOT-REDUCED.txt"), "w") as f:
                f.write("interesting.sh does not hold on the preprocessed file\n")
            continue
        log("   reducing %s with cvise (at most %d s)" % (d, ctx.a.reduce_timeout))
        with open(os.path.join(d, "cvise.log"), "w") as lf:
            p = subprocess.Popen(["cvise", "--n", "1", "--timeout", "60", test,
                                  os.path.basename(target)],
                                 cwd=red, stdout=lf, stderr=subprocess.STDOUT,
                                 start_new_session=True)
            try:
                p.wait(timeout=ctx.a.reduce_timeout)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
                lf.write("\n== stopped after %d s; the file holds the best reduction so far\n"
                         % ctx.a.reduce_timeout)


# ---------------------------------------------------------------- a project --

def results_path(work, name):
    return os.path.join(work, "results", name + ".jsonl")


def load_results(work, name):
    recs = {}
    p = results_path(work, name)
    if os.path.exists(p):
        with open(p) as f:
            for line in f:
                try:
                    r = json.loads(line)
                except ValueError:
                    continue
                if "tu" in r:
                    recs[r["tu"]] = r          # the last record per TU wins
    return recs


def run_project(ctx, proj, apt):
    a, work = ctx.a, ctx.work
    name = proj["name"]
    t0 = time.time()
    try:
        src = apt.source(name, os.path.join(work, "src"))
        db = build_project(proj, src, os.path.join(work, "build", name), a.jobs)
    except (RuntimeError, subprocess.CalledProcessError) as e:
        log("!! %s: %s" % (name, e))
        with open(os.path.join(work, "results", name + ".error"), "w") as f:
            f.write(str(e) + "\n")
        return False
    if os.path.exists(os.path.join(work, "results", name + ".error")):
        os.unlink(os.path.join(work, "results", name + ".error"))
    tus = load_tus(db)
    if a.tu:
        tus = [t for t in tus if re.search(a.tu, t["file"])]
    if a.max_tus and len(tus) > a.max_tus:
        step = len(tus) / a.max_tus
        tus = [tus[int(i * step)] for i in range(a.max_tus)]
    old = load_results(work, name)
    if a.only_new:
        todo = [t for t in tus if t["file"] not in old]
    else:
        todo = [t for t in tus if old.get(t["file"], {}).get("md5") != ctx.md5]
    log("== %s: %d TUs (%d done before with %s), running %d, jobs %d"
        % (name, len(tus), len(tus) - len(todo),
           "any plugin" if a.only_new else "this plugin", len(todo), a.jobs))
    build_objects(proj, os.path.join(work, "build", name), todo, a.jobs)
    crashdir = os.path.join(work, "crashes", name)
    before = set(glob.glob(os.path.join(crashdir, "*")))
    out = open(results_path(work, name), "a")
    wlock = threading.Lock()
    count = [0]

    def one(it):
        i, tu = it
        try:
            rec = check_tu(ctx, name, i, tu)
        except Exception as ex:                      # the harness itself: record, go on
            rec = {"tu": tu["file"], "md5": ctx.md5, "status": "harness-error",
                   "error": repr(ex)[:300]}
        with wlock:
            out.write(json.dumps(rec) + "\n")
            out.flush()
            count[0] += 1
            bad = rec.get("crashes") or rec.get("verifier") or rec.get("hangs") or rec.get("werror")
            if bad or count[0] % 25 == 0 or count[0] == len(todo):
                log("   %s %d/%d %s%s" % (name, count[0], len(todo),
                                          os.path.relpath(tu["file"], os.path.join(work, "src")),
                                          "  FAILURE: " + json.dumps({k: rec[k] for k in (
                                              "crashes", "verifier", "hangs", "werror")})
                                          if bad else ""))
        return rec

    with ThreadPoolExecutor(max_workers=a.jobs) as ex:
        list(ex.map(one, enumerate(todo)))
    out.close()
    new = sorted(set(glob.glob(os.path.join(crashdir, "*"))) - before,
                 key=lambda p: int(os.path.basename(p)))
    reduce_failures(ctx, name, new)
    with open(os.path.join(work, "runs.log"), "a") as f:
        f.write("%s\t%s\tmd5=%s\t%d TUs run\t%.0f s wall\n" % (
            time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), name, ctx.md5, len(todo),
            time.time() - t0))
    return True


# ------------------------------------------------------------------ report --

def summarize(work, name):
    recs = list(load_results(work, name).values())
    s = {"name": name, "tus": len(recs), "skipped": 0, "crashes": 0, "verifier": 0, "hangs": 0,
         "werror": 0, "moved": 0, "escapes": 0, "kept": 0, "eliminated": 0, "remarks": 0,
         "ok": 0, "plain": 0.0, "plugin": 0.0, "worst": None, "md5": set(), "all_cpu": 0.0,
         "harness": 0, "failures": []}
    for r in recs:
        s["md5"].add(r.get("md5", "?"))
        s["all_cpu"] += sum(r.get("cpu", {}).values())
        if r["status"] == "skipped":
            s["skipped"] += 1
            continue
        if r["status"] != "ok":
            s["harness"] += 1
            continue
        s["ok"] += 1
        for c in r.get("crashes", []):
            s["crashes"] += 1
            s["failures"].append(("crash", r, c["step"], c.get("frame", "")))
        for v in r.get("verifier", []):
            s["verifier"] += 1
            s["failures"].append(("verifier", r, v["step"], v.get("first", "")))
        for h in r.get("hangs", []):
            s["hangs"] += 1
            s["failures"].append(("hang", r, h, ""))
        if r.get("werror"):
            s["werror"] += 1
            s["failures"].append(("werror", r, "plugin", "; ".join(r["werror"])))
        for k in ("moved", "escapes", "kept", "eliminated"):
            s[k] += r.get("sites", {}).get(k, 0)
        s["remarks"] += r.get("remarks", 0)
        pc, gc = r["cpu"].get("plain", 0), r["cpu"].get("plugin", 0)
        s["plain"] += pc
        s["plugin"] += gc
        if pc >= 0.2 and gc and not r.get("crashes"):
            ratio = gc / pc
            if s["worst"] is None or ratio > s["worst"][0]:
                s["worst"] = (ratio, r["tu"], pc, gc)
    return s


def report(work, names, projects_by_name):
    cols = ["project", "in DB", "TUs", "skip", "crash", "verif", "hang", "Werr", "moved", "escapes",
            "kept", "elim", "rem/TU", "plain s", "plugin s", "ratio", "worst TU (plain s, ratio)"]
    rows, tot = [], None
    fails = []
    srcroot = os.path.join(work, "src")
    for n in names:
        if not os.path.exists(results_path(work, n)):
            err = os.path.join(work, "results", n + ".error")
            if os.path.exists(err):
                rows.append([n] + ["-"] * 15 + ["NOT RUN: " + open(err).read().strip()[:60]])
            continue
        s = summarize(work, n)
        db = os.path.join(work, "build", n, "compile_commands.json")
        s["in_db"] = len(load_tus(db)) if os.path.exists(db) else 0
        fails += [(n,) + f for f in s["failures"]]
        if tot is None:
            tot = dict(s, name="TOTAL", worst=None, md5=set(), worst_name=None)
        else:
            for k in ("in_db", "tus", "skipped", "crashes", "verifier", "hangs", "werror", "moved", "escapes",
                      "kept", "eliminated", "remarks", "ok", "plain", "plugin", "all_cpu", "harness"):
                tot[k] += s[k]
        tot["md5"] |= s["md5"]
        if s["worst"] and (tot["worst"] is None or s["worst"][0] > tot["worst"][0]):
            tot["worst"] = s["worst"]
        rows.append(row(s, srcroot))
    if tot:
        rows.append(row(tot, srcroot))
    widths = [max(len(str(r[i])) for r in rows + [cols]) for i in range(len(cols))]
    line = lambda r: "  ".join(str(c).ljust(widths[i]) if i in (0, len(cols) - 1)
                               else str(c).rjust(widths[i]) for i, c in enumerate(r)).rstrip()
    print(line(cols))
    print(line(["-" * w for w in widths]))
    for r in rows:
        if r[0] == "TOTAL":
            print(line(["-" * w for w in widths]))
        print(line(r))
    if tot:
        print()
        print("plugin md5: %s; CPU of all steps (a-e) over all TUs: %.0f s; "
              "ratio = CPU(-fplugin) / CPU(plain), both at -O2, summed over compiled TUs"
              % (", ".join(sorted(tot["md5"])), tot["all_cpu"]))
        walls = run_walls(work, names, tot["md5"])
        if walls:
            print("wall time of the runs that produced these results (runs.log): %.0f s "
                  "(%s)" % (sum(walls.values()), ", ".join(
                      "%s %.0f" % (k, v) for k, v in walls.items())))
        if tot["harness"]:
            print("harness errors (not counted as TUs checked): %d" % tot["harness"])
    if fails:
        print()
        print("FAILURES:")
        for n, kind, r, step, what in fails:
            print("  %s %s [%s] %s" % (n, kind.upper(), step, disp(r["tu"], srcroot)))
            if what:
                print("      %s" % what[:300])
            for d in r.get("repro", []):
                print("      reproducer: %s" % d)
    return bool(tot and (tot["crashes"] or tot["verifier"] or tot["hangs"] or tot["werror"]))


def run_walls(work, names, md5s):
    """Wall seconds per project from runs.log, summed over runs of these plugins."""
    walls = {}
    p = os.path.join(work, "runs.log")
    if not os.path.exists(p):
        return walls
    for line in open(p):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 5 and f[1] in names and f[2][4:] in md5s:
            walls[f[1]] = walls.get(f[1], 0) + float(f[4].split()[0])
    return walls


def disp(path, srcroot):
    """A TU's path for the table: relative to WORK/src, or to a make build's tree."""
    m = re.search(r"/build/([^/]+)/tree/(.*)$", path)
    if m and not path.startswith(srcroot + os.sep):
        return "%s/%s" % (m.group(1), m.group(2))
    return os.path.relpath(path, srcroot)


def row(s, srcroot):
    checked = s["ok"]
    ratio = "%.2f" % (s["plugin"] / s["plain"]) if s["plain"] else "-"
    w = s["worst"]
    worst = ("%s (%.1f s, %.2f)" % (disp(w[1], srcroot), w[2], w[0] if w else 0)
             if w else "-")
    return [s["name"], s["in_db"], s["tus"], s["skipped"], s["crashes"], s["verifier"], s["hangs"],
            s["werror"], s["moved"], s["escapes"], s["kept"], s["eliminated"],
            "%.1f" % (s["remarks"] / checked) if checked else "-",
            "%.1f" % s["plain"], "%.1f" % s["plugin"], ratio, worst]


# -------------------------------------------------------------------- main --

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--projects", help="comma-separated names (default: all default projects)")
    ap.add_argument("--list", action="store_true", help="list the projects and their state")
    ap.add_argument("--report", action="store_true", help="print the table from stored results")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--max-tus", type=int, default=0, help="at most N TUs per project (a slice)")
    ap.add_argument("--timeout", type=int, default=300, help="per step, seconds (then: a hang)")
    ap.add_argument("--no-reduce", action="store_true", help="do not run cvise on crashes")
    ap.add_argument("--reduce-timeout", type=int, default=600)
    ap.add_argument("--no-ir", action="store_true", help="skip step e (opt with the verifier)")
    ap.add_argument("--tu", help="only the TUs whose path matches this regular expression "
                                 "(check a failure again)")
    ap.add_argument("--only-new", action="store_true",
                    help="check only TUs with no stored result from any plugin (finish a "
                         "project in pieces across plugin rebuilds; the report lists every md5)")
    ap.add_argument("--plugin", default=os.environ.get("ESCAPE_PLUGIN",
                                                       os.path.join(ROOT, "build/lib/libEscape.so")))
    ap.add_argument("--work", default=os.environ.get("ESCAPE_CORPUS_WORK",
                                                     os.path.join(ROOT, "build/corpus")))
    a = ap.parse_args()
    with open(os.path.join(HERE, "projects.json")) as f:
        projects = json.load(f)["projects"]
    by_name = {p["name"]: p for p in projects}
    if a.projects:
        names = [n.strip() for n in a.projects.split(",") if n.strip()]
        bad = [n for n in names if n not in by_name]
        if bad:
            sys.exit("unknown project(s): %s (see --list)" % ", ".join(bad))
    else:
        names = [p["name"] for p in projects if p.get("default", True)]
    work = os.path.abspath(a.work)
    os.makedirs(os.path.join(work, "results"), exist_ok=True)

    if a.list:
        for p in projects:
            n = p["name"]
            db = os.path.join(work, "build", n, "compile_commands.json")
            ntu = len(load_tus(db)) if os.path.exists(db) else "-"
            done = len(load_results(work, n))
            print("%-18s %-4s %-6s default=%-5s TUs=%-5s results=%-5s %s" % (
                n, p.get("lang", ""), p["build"], p.get("default", True), ntu, done,
                " ".join(p.get("args", []))[:80]))
        return 0
    if a.report:
        return 1 if report(work, names, by_name) else 0

    for t in (CLANG, CLANGXX, OPT, "cmake", "ninja", "apt-get"):
        if not shutil.which(t):
            sys.exit("missing tool: " + t)
    if not os.path.exists(a.plugin):
        sys.exit("plugin not found: %s (build the repo first: bash tools/setup.sh)" % a.plugin)
    if os.nice(0) == 0:
        os.nice(10)
    plugin, md5 = private_plugin(a.plugin, work)
    log("plugin: %s (md5 %s)" % (plugin, md5))
    sanity_check(plugin, work)
    a.tmp = os.path.join(work, "tmp")
    os.makedirs(a.tmp, exist_ok=True)
    ctx = Ctx(a, work, plugin, md5)
    ctx.pipeline = o2_pipeline_with_verify(plugin)
    apt = Apt(work)
    t0 = time.time()
    for n in names:
        run_project(ctx, by_name[n], apt)
    log("== run took %.0f s" % (time.time() - t0))
    print()
    return 1 if report(work, names, by_name) else 0


if __name__ == "__main__":
    sys.exit(main())
