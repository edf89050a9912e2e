"""Compiler-launcher mode, and collecting what it wrote.

As a launcher (CMAKE_<LANG>_COMPILER_LAUNCHER="/path/escape-report;--launch", or
"...;--launch;ccache" to chain ccache) the build runs

    escape-report --launch [--plugin=PATH] [ccache] COMPILER ARGS...

For a compile to an object (-c and -o OBJ) by clang 19, launch() adds
-fplugin=PLUGIN -fplugin-arg-escape-json=- to the command, runs it, takes the
"@escape-json {...}" line out of the compiler's stderr (the rest is passed through
unchanged) and writes OBJ.escape.json: the per-TU document of docs/Json.md plus
"source" (the TU's absolute path) and "object" (OBJ's absolute path). With ccache
in the chain, the line comes back from ccache's stored stderr on a cache hit, and
CCACHE_EXTRAFILES gets libEscape.so and libEscapeClang.so appended (ccache 4.7
hashes the -fplugin= file but not the front-end half it loads), so a rebuilt
plugin never yields a cached report.

Under LTO (-flto, -flto=thin) the compile steps report nothing: the verdicts are
made at the link. As CMAKE_<LANG>_LINKER_LAUNCHER the same command wraps a link by
clang 19 with -flto and -o OUT: it adds -fuse-ld=lld (unless a -fuse-ld= is given)
and -Wl,--load-pass-plugin=PLUGIN, takes the link's "@escape-json" line(s) (one per
JSON destination; the compile steps all named "-") out of its stderr and writes
OUT.escape.json, with "source" and "object" both OUT and "link": true.

Anything else (links without -flto, -E, CMake's configure checks under
CMakeFiles/CMakeScratch or CMakeFiles/CMakeTmp, a compiler that is not clang 19)
runs unchanged. The exit status is always the compiler's (or ccache's). A failed
compile or link removes any old OUT.escape.json.

collect() reads the *.escape.json files under a build directory (--from-build).
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

from . import runner

SUFFIX = ".escape.json"
JSON_LINE = b"@escape-json "
_CACHES = {"ccache", "sccache"}
_CONFIGURE_DIRS = ("CMakeFiles/CMakeScratch/", "CMakeFiles/CMakeTmp/")
_SOURCE = re.compile(r"\.(c|cc|cp|cpp|cxx|c\+\+|C|CPP|i|ii|m|mm)$")


def _expand(args, cwd):
    """ARGS with @response files read (for inspecting them only)."""
    out = []
    for a in args:
        if a.startswith("@"):
            try:
                with open(os.path.join(cwd, a[1:]), encoding="utf-8", errors="replace") as f:
                    out += shlex.split(f.read())
                continue
            except OSError:
                pass
        out.append(a)
    return out


def compile_target(args, cwd):
    """(object path, source path), both absolute, when ARGS compile one source to an
    object; else None."""
    args = _expand(args, cwd)
    if "-c" not in args or any(a in ("-E", "-S", "-M", "-MM", "-fsyntax-only") for a in args):
        return None
    obj, sources = None, []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "-o" and i + 1 < len(args):
            obj = args[i + 1]
            i += 2
            continue
        if a.startswith("-o") and len(a) > 2 and not a.startswith("-obj"):
            obj = a[2:]
        elif a in ("-MF", "-MT", "-MQ", "-x", "-include", "-I", "-isystem", "-iquote",
                   "-D", "-U", "-Xclang", "-target", "--serialize-diagnostics", "-arch",
                   "-imacros", "-idirafter", "-L", "-l"):
            i += 2
            continue
        elif not a.startswith("-") and _SOURCE.search(a):
            sources.append(a)
        i += 1
    if obj is None or len(sources) != 1:
        return None
    return os.path.normpath(os.path.join(cwd, obj)), os.path.normpath(os.path.join(cwd, sources[0]))


def lto_link_target(args, cwd):
    """The output path, absolute, when ARGS link with LTO (-flto or -flto=..., no -c,
    -E, -S, -fsyntax-only) into -o OUT; else None."""
    args = _expand(args, cwd)
    if any(a in ("-c", "-E", "-S", "-M", "-MM", "-fsyntax-only") for a in args):
        return None
    lto = False
    for a in args:
        if a == "-flto" or a.startswith("-flto="):
            lto = True
        elif a == "-fno-lto":
            lto = False
    if not lto:
        return None
    out = None
    for i, a in enumerate(args):
        if a == "-o" and i + 1 < len(args):
            out = args[i + 1]
        elif a.startswith("-o") and len(a) > 2 and not a.startswith("-obj"):
            out = a[2:]
    return os.path.normpath(os.path.join(cwd, out)) if out else None


def _split_report(err):
    """(the documents of the @escape-json lines, the other lines) of stderr bytes."""
    docs, rest = [], []
    for line in err.splitlines(keepends=True):
        if line.startswith(JSON_LINE):
            try:
                docs.append(json.loads(line[len(JSON_LINE):].decode("utf-8")))
            except ValueError as e:
                rest.append(b"escape-report: unreadable report line: %s\n" % str(e).encode())
        else:
            rest.append(line)
    return docs, rest


def is_clang19(compiler):
    """True when COMPILER (a name or path) is clang 19: clang-19/clang++-19, or a path
    that resolves into an llvm-19 installation."""
    base = os.path.basename(compiler)
    if re.match(r"^clang(\+\+)?-19(\.\d+)*$", base):
        return True
    path = shutil.which(compiler)
    return bool(path and re.search(r"llvm-19|clang-19", os.path.realpath(path)))


def _extrafiles(env, plugin):
    have = [p for p in env.get("CCACHE_EXTRAFILES", "").split(":") if p]
    for lib in (plugin, runner.clang_half(plugin)):
        if lib not in have:
            have.append(lib)
    return ":".join(have)


def _write_report(path, doc):
    tmp = "%s.tmp%d" % (path, os.getpid())
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, path)


def _remove(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def launch(argv):
    """Run one build command as the launcher (see the module docstring).

    ARGV is what follows --launch. Returns the exit status to exit with.
    """
    plugin_opt = None
    while argv and argv[0].startswith("--plugin"):
        if argv[0] == "--plugin" and len(argv) > 1:
            plugin_opt, argv = argv[1], argv[2:]
        elif argv[0].startswith("--plugin="):
            plugin_opt, argv = argv[0].split("=", 1)[1], argv[1:]
        else:
            break
    chain = []
    if argv and os.path.basename(argv[0]) in _CACHES:
        chain, argv = [argv[0]], argv[1:]
    if not argv:
        sys.stderr.write("escape-report --launch: no compiler command given\n")
        return 2
    compiler, args = argv[0], argv[1:]
    cwd = os.getcwd()
    target = compile_target(args, cwd)
    link = None if target else lto_link_target(args, cwd)
    if link and (any(d in cwd + "/" for d in _CONFIGURE_DIRS) or not is_clang19(compiler)):
        link = None
    if link:
        return _launch_link(chain + [compiler] + args, link, plugin_opt)
    if target and (any(d in target[0] for d in _CONFIGURE_DIRS)
                   or any(d in cwd + "/" for d in _CONFIGURE_DIRS)):
        target = None
    if target and not is_clang19(compiler):
        sys.stderr.write("escape-report: %s is not clang 19; no escape report for %s\n"
                         % (compiler, target[1]))
        target = None
    cmd = chain + [compiler] + args
    if target is None:
        try:
            return subprocess.call(cmd)
        except OSError as e:
            sys.stderr.write("escape-report --launch: cannot run %s: %s\n" % (cmd[0], e))
            return 127
    try:
        plugin = runner.find_plugin(plugin_opt)
    except runner.PluginMissing as e:
        sys.stderr.write("escape-report: %s\n" % e)
        return 2
    obj, source = target
    report = obj + SUFFIX
    env = dict(os.environ)
    if chain:
        env["CCACHE_EXTRAFILES"] = _extrafiles(env, plugin)
    cmd += ["-fplugin=" + plugin, "-fplugin-arg-escape-json=-"]
    try:
        p = subprocess.Popen(cmd, stderr=subprocess.PIPE, env=env)
    except OSError as e:
        sys.stderr.write("escape-report --launch: cannot run %s: %s\n" % (cmd[0], e))
        return 127
    _, err = p.communicate()
    docs, rest = _split_report(err)
    doc = docs[-1] if docs else None
    if rest:
        sys.stderr.buffer.write(b"".join(rest))
        sys.stderr.buffer.flush()
    if p.returncode == 0 and doc is not None:
        doc["source"] = source
        doc["object"] = obj
        try:
            _write_report(report, doc)
        except OSError as e:
            sys.stderr.write("escape-report: cannot write %s: %s\n" % (report, e))
            return 1
    else:
        _remove(report)
    return p.returncode


def _launch_link(cmd, out, plugin_opt):
    """Run an LTO link with the plugin at the link; write OUT.escape.json."""
    try:
        plugin = runner.find_plugin(plugin_opt)
    except runner.PluginMissing as e:
        sys.stderr.write("escape-report: %s\n" % e)
        return 2
    if not any(a.startswith("-fuse-ld=") for a in cmd):
        cmd = cmd + ["-fuse-ld=lld"]
    cmd = cmd + ["-Wl,--load-pass-plugin=" + plugin]
    report = out + SUFFIX
    try:
        p = subprocess.Popen(cmd, stderr=subprocess.PIPE)
    except OSError as e:
        sys.stderr.write("escape-report --launch: cannot run %s: %s\n" % (cmd[0], e))
        return 127
    _, err = p.communicate()
    docs, rest = _split_report(err)
    if rest:
        sys.stderr.buffer.write(b"".join(rest))
        sys.stderr.buffer.flush()
    if p.returncode != 0 or not docs:
        _remove(report)
        return p.returncode
    doc = {"version": docs[0].get("version", 1),
           "entries": [e for d in docs for e in d.get("entries", [])],
           "source": out, "object": out, "link": True}
    try:
        _write_report(report, doc)
    except OSError as e:
        sys.stderr.write("escape-report: cannot write %s: %s\n" % (report, e))
        return 1
    return p.returncode


def collect(build_dir):
    """The reports written by the launcher under BUILD_DIR.

    Returns {"docs": [per-TU documents, sorted by object path], "errors": [{"file",
    "message"}] for unreadable reports, "stale": number of reports skipped because
    their object is gone or newer than the report (rebuilt without the launcher)}.
    """
    paths = []
    for d, dirs, files in os.walk(build_dir):
        dirs[:] = [x for x in dirs if x not in ("CMakeScratch", "CMakeTmp")]
        paths += [os.path.join(d, f) for f in files if f.endswith(SUFFIX)]
    docs, errors, stale = [], [], 0
    for path in sorted(paths):
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            if not isinstance(doc, dict) or "entries" not in doc:
                raise ValueError("not a report")
        except (OSError, ValueError) as e:
            errors.append({"file": path, "message": "unreadable report: %s" % e})
            continue
        obj = doc.get("object") or path[:-len(SUFFIX)]
        try:
            if os.path.getmtime(obj) > os.path.getmtime(path) + 1:
                stale += 1
                continue
        except OSError:
            stale += 1
            continue
        docs.append(doc)
    return {"docs": docs, "errors": errors, "stale": stale}
