"""Reading a compilation database and turning its commands into plugin runs.

Source: compile_commands.json as written by CMake (CMAKE_EXPORT_COMPILE_COMMANDS),
Bear, Meson, ... (https://clang.llvm.org/docs/JSONCompilationDatabase.html). Each
entry has "directory", "file", and either "arguments" (a list) or "command" (a
shell-quoted string); "output" is optional.

An entry is returned as a dict:
  {"directory": abs dir, "file": abs source path, "arguments": [argv...],
   "output": abs path or None}

Errors: load() raises DatabaseError when the file is missing or not a JSON list of
entries.
"""
import json
import os
import re
import shlex

# Wrappers that may come before the compiler in a database's command.
_WRAPPERS = {"ccache", "sccache", "distcc", "icecc", "buildcache"}

# File names that are C++ rather than C when the driver does not say.
_CXX_EXT = re.compile(r"\.(cc|cp|cpp|cxx|c\+\+|C|CPP|ii|mm)$")

# Options that write a file next to or instead of the object: dropped so a report
# run never writes into the build (dependency files, -MJ database fragments,
# diagnostics, traces, temps).
_DROP_WITH_VALUE = {"-o", "-MF", "-MT", "-MQ", "-MJ", "--serialize-diagnostics",
                    "-dependency-file", "-ftime-trace-granularity"}
_DROP = {"-MD", "-MMD", "-M", "-MM", "-MG", "-MP", "-save-temps", "-gsplit-dwarf",
         "-fsave-optimization-record", "-ftime-trace", "-c", "-S", "-E"}
_DROP_PREFIX = ("-save-temps=", "-fsave-optimization-record=", "-foptimization-record-file=",
                "-ftime-trace=", "-MF", "-MT", "-MQ", "-MJ", "-o",
                "-fplugin=", "-fplugin-arg-escape-", "-fpass-plugin=")
_OPT_LEVEL = re.compile(r"^-O(\d+|s|z|g|fast)?$")


class DatabaseError(Exception):
    """The compilation database cannot be read."""


def database_path(path):
    """compile_commands.json for PATH: PATH itself if it is a file, else PATH/compile_commands.json."""
    if os.path.isdir(path):
        return os.path.join(path, "compile_commands.json")
    return path


def load(path):
    """Read the database at PATH (a build directory or the JSON file itself).

    Returns the list of entries (see the module docstring), in file order, with
    relative "file"/"output" resolved against the entry's directory.
    Raises DatabaseError.
    """
    db = database_path(path)
    try:
        with open(db, encoding="utf-8") as f:
            raw = json.load(f)
    except FileNotFoundError:
        raise DatabaseError("no compilation database at %s (configure with "
                            "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)" % db)
    except (OSError, ValueError) as e:
        raise DatabaseError("cannot read %s: %s" % (db, e))
    if not isinstance(raw, list):
        raise DatabaseError("%s: not a list of entries" % db)
    entries = []
    for i, e in enumerate(raw):
        try:
            directory = os.path.abspath(e["directory"])
            if "arguments" in e:
                args = list(e["arguments"])
            else:
                args = shlex.split(e["command"])
            file = os.path.normpath(os.path.join(directory, e["file"]))
        except (KeyError, TypeError, ValueError) as err:
            raise DatabaseError("%s: entry %d is malformed (%s)" % (db, i, err))
        out = e.get("output")
        entries.append({"directory": directory, "file": file, "arguments": args,
                        "output": os.path.normpath(os.path.join(directory, out)) if out else None})
    return entries


def select(entries, patterns, all_entries=False):
    """Choose the TUs to run.

    patterns: source files (an existing path, relative to the current directory, or
    an absolute one, names that file) or regular expressions searched in the
    absolute source path, as in run-clang-tidy.py; no pattern selects everything.
    Unless all_entries, a source file listed several times (a library built both
    static and shared) is run once, with its first entry.

    Returns (chosen entries, number of duplicate entries skipped).
    """
    files, regexes = set(), []
    for p in patterns:
        if os.path.isfile(p):
            files.add(os.path.realpath(p))
        else:
            regexes.append(re.compile(p))
    chosen, seen, dups = [], set(), 0
    for e in entries:
        if patterns:
            real = os.path.realpath(e["file"])
            if real not in files and not any(r.search(e["file"]) for r in regexes):
                continue
        if not all_entries:
            if e["file"] in seen:
                dups += 1
                continue
            seen.add(e["file"])
        chosen.append(e)
    return chosen, dups


def strip_wrappers(args):
    """args without leading compiler wrappers (ccache, distcc, escape-report --launch)."""
    args = list(args)
    while args:
        base = os.path.basename(args[0])
        if base in _WRAPPERS:
            args = args[1:]
        elif base == "escape-report" or args[0].endswith("escape-report"):
            args = args[1:]
            if args and args[0] == "--launch":
                args = args[1:]
        elif args[0] == "--launch":
            args = args[1:]
        else:
            break
    return args


def is_cxx(driver, file):
    """True when the TU is compiled as C++: the driver is a C++ one (clang++, g++, c++,
    CC) or, for a driver of unknown kind, the file has a C++ extension."""
    base = os.path.basename(driver)
    if "++" in base or base in ("CC",) or re.match(r"(.*-)?(cxx|xlc\+\+)(-[\d.]+)?$", base):
        return True
    if re.match(r"(.*-)?(cc|gcc|clang|c)(-[\d.]+)?(\.exe)?$", base):
        return False
    return bool(_CXX_EXT.search(file))


def plugin_command(entry, clang, clangxx, plugin, json_arg, extra_args=()):
    """The command that runs the plugin over one database entry.

    clang/clangxx: the clang 19 drivers that replace the database's compiler.
    json_arg: the value of -fplugin-arg-escape-json (a path, or "-").
    The object goes to /dev/null; options that write other files (-MD, -MF,
    -save-temps, ...) and any escape plugin options of the entry are dropped;
    -O0 or no -O level becomes -O2.

    Returns (argv list, forced_o2: bool).
    """
    args = strip_wrappers(entry["arguments"])
    driver = clangxx if is_cxx(args[0], entry["file"]) else clang
    out = [driver]
    level = None
    i, rest = 1, args
    while i < len(rest):
        a = rest[i]
        i += 1
        if a in _DROP_WITH_VALUE:
            i += 1
            continue
        if a in _DROP or (a.startswith(_DROP_PREFIX) and not a.startswith("-obj")):
            continue
        m = _OPT_LEVEL.match(a)
        if m:
            level = a
            continue
        out.append(a)
    forced = level is None or level == "-O0"
    # Put the level first so a later -O... in extra_args may still override.
    out[1:1] = ["-O2" if forced else level]
    out += ["-c", "-o", os.devnull, "-fplugin=" + plugin,
            "-fplugin-arg-escape-json=" + json_arg]
    out += list(extra_args)
    return out, forced
