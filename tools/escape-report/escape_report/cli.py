"""Command line of escape-report.

    escape-report -p BUILD [options] [FILE|REGEX ...]     run the plugin over the database
    escape-report --from-build BUILD [options]            merge the launcher's reports
    escape-report --launch [--plugin=PATH] [ccache] COMPILER ARGS...   (build launcher)

Exit status: 0 done; 1 --fail-on new-escapes found new escapes, or every TU failed;
2 usage error, plugin missing, no compilation database, unreadable baseline.
"""
import argparse
import json
import os
import sys

from . import baseline as baseline_mod
from . import compile_db, launcher, lsp, merge, runner, sarif, summary


def _parser():
    p = argparse.ArgumentParser(
        prog="escape-report",
        description="Run the escape plugin over a whole project and report the escape "
                    "analysis of every allocation site (summary, JSON, SARIF, HTML, LSP).",
        epilog="Launcher mode: escape-report --launch [--plugin=PATH] [ccache] COMPILER ARGS... "
               "(use as CMAKE_CXX_COMPILER_LAUNCHER). See tools/escape-report/README.md.")
    src = p.add_argument_group("input")
    src.add_argument("-p", dest="build", metavar="BUILD",
                     help="build directory holding compile_commands.json (or the file itself)")
    src.add_argument("files", nargs="*", metavar="FILE|REGEX",
                     help="run only these source files, or the files whose absolute path "
                          "matches one of these regular expressions")
    src.add_argument("--from-build", nargs="?", const="", metavar="BUILD",
                     help="do not compile: merge the *.escape.json reports the launcher wrote "
                          "under BUILD (default: the -p directory)")
    src.add_argument("--all-entries", action="store_true",
                     help="run every database entry, also a second entry of the same source "
                          "file (by default each source file runs once)")
    run = p.add_argument_group("running the plugin")
    run.add_argument("-j", dest="jobs", type=int, default=None, metavar="N",
                     help="parallel compiles (default: number of CPUs)")
    run.add_argument("--plugin", metavar="PATH",
                     help="libEscape.so (default: $ESCAPE_PLUGIN, else build/lib/libEscape.so "
                          "of this checkout)")
    run.add_argument("--clang", default="clang-19", metavar="EXE",
                     help="C compiler that replaces the database's (default: clang-19)")
    run.add_argument("--clangxx", default="clang++-19", metavar="EXE",
                     help="C++ compiler that replaces the database's (default: clang++-19)")
    run.add_argument("--extra-arg", action="append", default=[], metavar="ARG",
                     help="add ARG to every compile (repeatable), e.g. "
                          "--extra-arg=-fplugin-arg-escape-max-object-size=8192")
    run.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                     help="give up on a TU after SECONDS (counted as failed)")
    mrg = p.add_argument_group("merging")
    mrg.add_argument("--root", metavar="DIR",
                     help="project root: sites outside it are dropped, paths are relative to "
                          "it (default: CMAKE_HOME_DIRECTORY of BUILD/CMakeCache.txt, else the "
                          "common directory of the TUs)")
    mrg.add_argument("--system-headers", action="store_true",
                     help="keep sites in files outside the root (system headers)")
    out = p.add_argument_group("output")
    out.add_argument("-q", "--quiet", action="store_true", help="no summary on stdout")
    out.add_argument("--top", type=int, default=10, metavar="N",
                     help="rows in the summary's per-file and top lists (default 10)")
    out.add_argument("--json", metavar="FILE", help="write the merged result as JSON")
    out.add_argument("--sarif", metavar="FILE", help="write SARIF 2.1.0")
    out.add_argument("--sarif-include", metavar="CLASSES",
                     help="comma-separated classes that become SARIF results (default: all; "
                          "classes: %s)" % ",".join(merge.CLASSES))
    out.add_argument("--html", metavar="DIR", help="write HTML pages into DIR")
    out.add_argument("--lsp", metavar="DIR",
                     help="write per-file LSP diagnostics into DIR (Go's -json=0,file://DIR shape)")
    gate = p.add_argument_group("baseline")
    gate.add_argument("--baseline", metavar="FILE",
                      help="compare with a result saved by --json; print new escapes")
    gate.add_argument("--fail-on", choices=["new-escapes"],
                      help="exit 1 when, compared with --baseline, a site newly escapes or "
                           "dangles or a parameter newly leaks")
    return p


def _error(msg):
    sys.stderr.write("escape-report: error: %s\n" % msg)
    return 2


def _build_dir(build):
    if build is None:
        return None
    return build if os.path.isdir(build) else os.path.dirname(os.path.abspath(build))


def main(argv=None):
    """Entry point. ARGV defaults to sys.argv[1:]. Returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "--launch":
        return launcher.launch(argv[1:])
    args = _parser().parse_args(argv)
    if args.fail_on and not args.baseline:
        return _error("--fail-on needs --baseline FILE")
    include = None
    if args.sarif_include:
        include = {c.strip() for c in args.sarif_include.split(",") if c.strip()}
        bad = include - set(merge.CLASSES)
        if bad:
            return _error("unknown class in --sarif-include: %s" % ", ".join(sorted(bad)))
    base = None
    if args.baseline:
        try:
            base = baseline_mod.load(args.baseline)
        except baseline_mod.BaselineError as e:
            return _error(str(e))

    info = {}
    if args.from_build is not None:
        build = args.from_build or _build_dir(args.build)
        if not build:
            return _error("--from-build needs a build directory (or -p BUILD)")
        if not os.path.isdir(build):
            return _error("no build directory %s" % build)
        got = launcher.collect(build)
        docs, info["errors"] = got["docs"], got["errors"]
        if got["stale"]:
            info["stale"] = got["stale"]
        if not docs and not got["errors"]:
            return _error("no *.escape.json reports under %s: build with "
                          "CMAKE_CXX_COMPILER_LAUNCHER=\"%s;--launch\" first"
                          % (build, os.path.realpath(sys.argv[0])))
    else:
        build = _build_dir(args.build)
        if not build:
            return _error("give -p BUILD (a directory with compile_commands.json) or --from-build")
        try:
            plugin = runner.find_plugin(args.plugin)
        except runner.PluginMissing as e:
            return _error(str(e))
        try:
            entries = compile_db.load(args.build)
        except compile_db.DatabaseError as e:
            return _error(str(e))
        chosen, info["skipped_duplicates"] = compile_db.select(entries, args.files, args.all_entries)
        if not chosen:
            return _error("no translation unit of %s matches %s"
                          % (compile_db.database_path(args.build), " ".join(args.files) or "-"))
        ran = runner.run(chosen, plugin, args.clang, args.clangxx, args.jobs, args.extra_arg,
                         args.timeout, progress=True)
        docs, info["errors"], info["forced_o2"] = ran["docs"], ran["errors"], ran["forced_o2"]

    root = args.root or merge.cmake_home(build) or merge.common_root(
        [d.get("source") for d in docs if d.get("source")] or [os.path.join(build, ".")])
    result = merge.merge(docs, os.path.abspath(root), args.system_headers, info)

    if not args.quiet:
        sys.stdout.write(summary.render(result, info, args.top))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, ensure_ascii=False)
            f.write("\n")
    if args.sarif:
        sarif.write_sarif(result, args.sarif, include)
    if args.lsp:
        lsp.write_lsp(result, args.lsp)
    if args.html:
        from escape_report import html
        html.write_html(result, args.html)

    status = 0
    if base is not None:
        diff = baseline_mod.compare(base, result)
        sys.stdout.write("%sBaseline %s: %d new, %d fixed\n"
                         % ("" if args.quiet else "\n", args.baseline, len(diff["new"]), len(diff["fixed"])))
        for s in diff["new"]:
            sys.stdout.write(baseline_mod.format_site(s) + "\n")
        if diff["new"] and args.fail_on == "new-escapes":
            status = 1
    if docs == [] and info.get("errors"):
        sys.stderr.write("escape-report: every translation unit failed\n")
        status = 1
    return status
