"""Merging per-TU reports into one project result.

Input: per-TU documents as written by -fplugin-arg-escape-json (docs/Json.md),
each optionally with "source" (the TU path). Output, the merged result (the
format --json writes, --baseline reads and html.write_html draws):

  {"version": 1, "tool": "escape-report", "root": "/abs/root", "translation_units": N,
   "sites": [{"file", "line", "column", "function", "kind", "what", "verdict",
              "reason", "moved", "message", "flow", "class", "tus", "copies",
              "moved_copies"}, ...]}

"file" is relative to root, '/'-separated (absolute when outside root); sites are
sorted by (file, line, column, kind, what). A site reported by several TUs (a
header, a template) is one site: its fields are the worst report's, "tus" counts
the TUs that reported it, "copies"/"moved_copies" are summed over them.
"""
import os
import re

# Verdict classes, worst first.
CLASSES = ["dangling", "escapes", "kept", "leaking", "moved", "eliminated", "param-ok"]
RANK = {c: i for i, c in enumerate(CLASSES)}

# A flow hop names its position last: "from X (kind) at /abs/file:LINE:COL".
_HOP_AT = re.compile(r" at (.+):(\d+):(\d+)$")


def split_hop(hop):
    """(text before " at ", absolute file, line, column) of a flow HOP, or None."""
    m = _HOP_AT.search(hop)
    if not m:
        return None
    return hop[:m.start()], m.group(1), int(m.group(2)), int(m.group(3))


def hop_position(hop):
    """(absolute file, line, column) named by a flow HOP "from X (kind) at FILE:L:C", or None."""
    parts = split_hop(hop)
    return parts[1:] if parts else None
# Classes that are a problem to look at (the baseline gate and the "escaping" lists).
BAD = ("dangling", "escapes", "leaking")


def classify(entry):
    """The verdict class of one per-TU entry (docs/Json.md): see CLASSES."""
    kind, verdict = entry.get("kind"), entry.get("verdict")
    if kind == "local":
        return "dangling"
    if kind == "param":
        return "leaking" if verdict == "leaks" else "param-ok"
    if verdict == "escapes":
        return "escapes"
    if verdict == "eliminated":
        return "eliminated"
    if verdict == "freed before return":
        return "moved"
    return "moved" if entry.get("moved") else "kept"


def common_root(paths):
    """The deepest directory holding every path of PATHS (absolute), or "/"."""
    dirs = [os.path.dirname(os.path.realpath(p)) for p in paths]
    if not dirs:
        return os.getcwd()
    return os.path.commonpath(dirs)


def cmake_home(build_dir):
    """CMAKE_HOME_DIRECTORY from BUILD_DIR/CMakeCache.txt, or None."""
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt"), encoding="utf-8",
                  errors="replace") as f:
            for line in f:
                if line.startswith("CMAKE_HOME_DIRECTORY:"):
                    return line.split("=", 1)[1].strip() or None
    except OSError:
        pass
    return None


def relative(path, root):
    """PATH relative to ROOT with '/' separators, or PATH itself (absolute) when it is
    not under ROOT. Returns (text, inside: bool)."""
    real = os.path.realpath(path)
    if real == root or real.startswith(root.rstrip("/") + "/"):
        return os.path.relpath(real, root).replace(os.sep, "/"), True
    return path, False


def merge(docs, root, system_headers=False, stats=None):
    """Merge per-TU documents DOCS (a list) into the result described above.

    root: the project root (made absolute and resolved). Entries whose file is
    outside it are dropped unless system_headers.
    stats: an optional dict that receives "outside": the number of distinct sites
    dropped for being outside the root.
    """
    root = os.path.realpath(root)
    sites = {}
    rel_cache = {}
    outside = set()
    for tu_index, doc in enumerate(docs):
        for e in doc.get("entries", []):
            f = e.get("file", "")
            if f not in rel_cache:
                rel_cache[f] = relative(f, root) if f else ("", False)
            rel, inside = rel_cache[f]
            if not inside and not system_headers:
                outside.add((f, e.get("line", 0), e.get("column", 0), e.get("kind", ""),
                             e.get("what", "")))
                continue
            cls = classify(e)
            key = (rel, e.get("line", 0), e.get("column", 0), e.get("kind", ""), e.get("what", ""))
            s = sites.get(key)
            if s is None:
                s = sites[key] = {"_tus": set(), "_best": None, "copies": 0, "moved_copies": 0}
            s["_tus"].add(tu_index)
            s["copies"] += e.get("copies", 0)
            s["moved_copies"] += e.get("moved_copies", 0)
            # Worst class first; among equals, an order that does not depend on the
            # order of the TUs, so that every way of collecting them merges alike.
            rank = (RANK[cls], e.get("function", ""), e.get("message", ""),
                    e.get("reason", ""), e.get("verdict", ""), list(e.get("flow", [])))
            if s["_best"] is None or rank < s["_best"][0]:
                s["_best"] = (rank, cls, e)
    out = []
    for key in sorted(sites):
        s = sites[key]
        _, cls, e = s["_best"]
        out.append({
            "file": key[0], "line": key[1], "column": key[2],
            "function": e.get("function", ""), "kind": key[3], "what": key[4],
            "verdict": e.get("verdict", ""), "reason": e.get("reason", ""),
            "moved": bool(e.get("moved", False)), "message": e.get("message", ""),
            "flow": list(e.get("flow", [])), "class": cls, "tus": len(s["_tus"]),
            "copies": s["copies"], "moved_copies": s["moved_copies"],
        })
    if stats is not None:
        stats["outside"] = len(outside)
    return {"version": 1, "tool": "escape-report", "root": root,
            "translation_units": len(docs), "sites": out}


def counts(result):
    """{class: number of sites} for every class of CLASSES (zeros included)."""
    c = {k: 0 for k in CLASSES}
    for s in result["sites"]:
        c[s["class"]] += 1
    return c
