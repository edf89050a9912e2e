"""Editor output: per-file LSP diagnostics, in the shape of Go's `-json=0,file://DIR`.

For each source file with sites, DIR/<file as in the result>.json (an absolute file
outside the root goes to DIR/<path without its leading '/'>.json) holds one JSON
object per line:

  line 1: {"version": 0, "tool": "escape", "file": "/abs/path/src/a.cpp"}
  then one LSP Diagnostic per site
  (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#diagnostic):
    {"range": {"start": {"line": L-1, "character": C-1}, "end": <same>},
     "severity": 2 (dangling) | 3 (escapes, kept, leaking) | 4 (moved, eliminated, param-ok),
     "code": the SARIF rule id (escape.escapes, ...), "source": "escape",
     "message": the report line,
     "relatedInformation": [{"location": {"uri": "file:///...", "range": ...},
                             "message": flow text}, ...]}

relatedInformation has one entry per line of the site's flow; a line that names no
file position (the "flow: ..." head, hops without a location) points at the site
itself. Positions are 0-based; characters are clang's byte columns minus one, like
Go's output. Files are rewritten whole on each run; files of an earlier run whose
source no longer has sites are left alone.
"""
import json
import os

from .merge import hop_position
from .sarif import file_uri, rule_id

SEVERITY = {"dangling": 2, "escapes": 3, "kept": 3, "leaking": 3,
            "moved": 4, "eliminated": 4, "param-ok": 4}


def _pos(line, column):
    p = {"line": max(0, line - 1), "character": max(0, column - 1)}
    return {"start": p, "end": dict(p)}


def diagnostic(site, abs_file):
    """The LSP Diagnostic (a dict) for one merged site whose file is ABS_FILE."""
    here = _pos(site["line"], site["column"])
    related = []
    for hop in site["flow"]:
        pos = hop_position(hop)
        if pos:
            loc = {"uri": file_uri(pos[0]), "range": _pos(pos[1], pos[2])}
        else:
            loc = {"uri": file_uri(abs_file), "range": here}
        related.append({"location": loc, "message": hop})
    d = {"range": here, "severity": SEVERITY[site["class"]], "code": rule_id(site["class"]),
         "source": "escape", "message": site["message"] or site["what"]}
    if related:
        d["relatedInformation"] = related
    return d


def write_lsp(result, outdir):
    """Write the per-file diagnostics of RESULT under OUTDIR (created if needed).

    Returns the list of files written (absolute paths), in site order.
    """
    root = result["root"]
    by_file = {}
    for s in result["sites"]:
        by_file.setdefault(s["file"], []).append(s)
    written = []
    for rel, sites in by_file.items():
        abs_file = rel if rel.startswith("/") else os.path.join(root, rel)
        out = os.path.join(outdir, rel.lstrip("/") + ".json")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            f.write(json.dumps({"version": 0, "tool": "escape", "file": abs_file}) + "\n")
            for s in sites:
                f.write(json.dumps(diagnostic(s, abs_file), ensure_ascii=False) + "\n")
        written.append(os.path.abspath(out))
    return written
