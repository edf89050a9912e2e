"""The text summary of a merged result (merge.merge), printed on stdout.

Sections: totals; sites per verdict class; per reason (a histogram, most frequent
first); per file and per directory (one column per class); the escaping sites
whose reason repeats most; the leaking parameters that cause the most escapes.
Counts are numbers of merged sites (a header site reported by three TUs counts once).
"""
import collections
import re

from .merge import CLASSES, counts

_SHORT = {"param-ok": "p-ok", "eliminated": "elim", "dangling": "dangl", "leaking": "leak"}
_LEAKS_INTO = re.compile(r"passed to '(.*)' which leaks it")


def _table(rows, right=()):
    """Rows of strings aligned in columns; columns whose index is in RIGHT are right-aligned."""
    if not rows:
        return []
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for r in rows:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        out.append("  " + "  ".join(cells).rstrip())
    return out


def _by_group(sites, keyfn, top):
    groups = collections.OrderedDict()
    for s in sites:
        groups.setdefault(keyfn(s), collections.Counter())[s["class"]] += 1
    used = [c for c in CLASSES if any(g[c] for g in groups.values())]
    rows = [["", "total"] + [_SHORT.get(c, c) for c in used]]
    order = sorted(groups.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    for name, g in order[:top]:
        rows.append([name, str(sum(g.values()))] + [str(g[c]) if g[c] else "." for c in used])
    lines = _table(rows, right=set(range(1, len(rows[0]))))
    if len(order) > top:
        lines.append("  ... %d more" % (len(order) - top))
    return lines


def _dirname(path):
    return path.rsplit("/", 1)[0] if "/" in path.lstrip("/") else "."


def leaking_params(result):
    """Leaking parameters, most harmful first: a list of (site, caused) where caused is
    the number of sites whose reason is "passed to 'F' which leaks it" for the
    parameter's function F. Sorted by (-caused, -tus, file, line)."""
    caused = collections.Counter()
    for s in result["sites"]:
        m = _LEAKS_INTO.search(s["reason"])
        if m:
            caused[m.group(1)] += 1
    params = [s for s in result["sites"] if s["class"] == "leaking"]
    out = [(p, caused.get(p["function"], 0)) for p in params]
    out.sort(key=lambda pc: (-pc[1], -pc[0]["tus"], pc[0]["file"], pc[0]["line"]))
    return out


def render(result, run_info=None, top=10):
    """The summary as a string.

    run_info: optional dict from the run, with "errors" (list of {"file",
    "message"}), "forced_o2", "stale", "outside", "skipped_duplicates" (ints).
    top: how many rows the per-file, per-directory and top-N lists show.
    """
    run_info = run_info or {}
    sites = result["sites"]
    errors = run_info.get("errors", [])
    lines = []
    nfiles = len({s["file"] for s in sites})
    head = "escape-report: %d translation units" % result["translation_units"]
    if errors:
        head += " reported, %d failed" % len(errors)
    head += "; %d sites in %d files under %s" % (len(sites), nfiles, result["root"])
    lines.append(head)
    if run_info.get("forced_o2"):
        lines.append("  %d TUs compiled at -O2 instead of -O0" % run_info["forced_o2"])
    if run_info.get("stale"):
        lines.append("  %d stale reports skipped (object gone or rebuilt without the launcher)"
                     % run_info["stale"])
    if run_info.get("outside"):
        lines.append("  %d sites in files outside the root dropped (--system-headers keeps them)"
                     % run_info["outside"])
    if run_info.get("skipped_duplicates"):
        lines.append("  %d duplicate entries of the same source skipped (--all-entries runs them)"
                     % run_info["skipped_duplicates"])

    c = counts(result)
    lines += ["", "Sites by class:"]
    rows = [[k, str(c[k])] for k in CLASSES]
    lines += _table(rows, right={1})

    reasons = collections.Counter()
    for s in sites:
        if s["reason"] and s["class"] in ("escapes", "kept", "leaking", "dangling"):
            reasons[(s["class"], s["reason"])] += 1
    if reasons:
        lines += ["", "By reason:"]
        order = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
        rows = [[str(n), cls, reason] for (cls, reason), n in order[:top * 2]]
        lines += _table(rows, right={0})
        if len(order) > top * 2:
            lines.append("  ... %d more" % (len(order) - top * 2))

    if sites:
        lines += ["", "By file:"] + _by_group(sites, lambda s: s["file"], top)
        lines += ["", "By directory:"] + _by_group(sites, lambda s: _dirname(s["file"]), top)

    esc = [s for s in sites if s["class"] in ("escapes", "dangling")]
    if esc:
        freq = collections.Counter(s["reason"] for s in esc)
        esc.sort(key=lambda s: (-freq[s["reason"]], s["file"], s["line"], s["column"]))
        lines += ["", "Top escaping sites (by how often their reason repeats):"]
        rows = [["%s:%d:%d" % (s["file"], s["line"], s["column"]), s["what"],
                 s["function"] or "-", "%dx %s" % (freq[s["reason"]], s["reason"])]
                for s in esc[:top]]
        lines += _table(rows)

    leaks = leaking_params(result)
    if leaks:
        lines += ["", "Parameters that leak (by escapes they cause):"]
        rows = [["%s:%d:%d" % (p["file"], p["line"], p["column"]),
                 "%s in %s" % (p["what"], p["function"] or "-"), p["reason"] or "-",
                 "causes %d" % n, "%d TU%s" % (p["tus"], "" if p["tus"] == 1 else "s")]
                for p, n in leaks[:top]]
        lines += _table(rows)

    if errors:
        lines += ["", "Failed TUs (%d):" % len(errors)]
        for e in errors[:top * 5]:
            msg = e["message"].splitlines()[0] if e["message"] else ""
            lines.append("  %s: %s" % (e["file"], msg))
        if len(errors) > top * 5:
            lines.append("  ... %d more" % (len(errors) - top * 5))
    return "\n".join(lines) + "\n"
