"""SARIF 2.1.0 output of a merged result (merge.merge).

Standard: OASIS Static Analysis Results Interchange Format 2.1.0
(https://docs.oasis-open.org/sarif/sarif/v2.1.0/). One run, tool driver "escape",
one rule per verdict class (RULES), one result per merged site:

  - ruleId/ruleIndex: the class's rule; level: dangling "warning"; escapes, kept,
    leaking "note"; moved, eliminated, param-ok "none";
  - locations: the site, as a URI relative to uriBaseId "SRCROOT", which
    run.originalUriBaseIds.SRCROOT defines as file:///<root>/ (absolute file: URIs
    for sites outside the root); line and column are 1-based, the column in bytes
    as clang counts it; the function as a logical location;
  - codeFlows[0].threadFlows[0].locations: one per flow hop that names a file
    position, its message the hop's text (docs/Messages.md, "-m=2 flow notes");
  - partialFingerprints["escapeSite/v1"]: a hash of (file, function, kind, what),
    which does not change when unrelated edits shift lines;
  - properties: verdict, reason, class, tus, copies, moved_copies.
"""
import hashlib
import json
import os
import urllib.parse

from . import runner
from .merge import hop_position

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
MESSAGES = os.path.join(runner.REPO, "docs", "Messages.md")
README = os.path.join(runner.REPO, "tools", "escape-report", "README.md")

# class -> (rule id, name, short description, Messages.md anchor, level)
RULES = {
    "escapes": ("escape.escapes", "EscapesToHeap",
                "Allocation escapes to the heap", "what-escapes-to-heap-reason", "note"),
    "moved": ("escape.moved", "MovedToStack",
              "Allocation moved to the stack", "what-does-not-escape-moved-to-stack", "none"),
    "kept": ("escape.kept", "KeptOnHeap",
             "Allocation does not escape but is kept on the heap",
             "what-does-not-escape-kept-on-heap-why", "note"),
    "eliminated": ("escape.eliminated", "Eliminated",
                   "Allocation removed by the optimiser", "what-does-not-escape-eliminated",
                   "none"),
    "leaking": ("escape.leaking-param", "LeakingParam",
                "Parameter leaks (its value or content escapes)", "parameter-lines", "note"),
    "param-ok": ("escape.param-no-escape", "ParamDoesNotEscape",
                 "Parameter does not escape", "parameter-lines", "none"),
    "dangling": ("escape.dangling", "DanglingLocalAddress",
                 "Address of a local variable outlives its frame",
                 "warning-address-of-local-x-escapes-reason", "warning"),
}
RULE_ORDER = ["escapes", "moved", "kept", "eliminated", "leaking", "param-ok", "dangling"]
def rule_id(cls):
    """The stable SARIF rule id of a verdict class (also the LSP diagnostic code)."""
    return RULES[cls][0]


def file_uri(path):
    """file:// URI of an absolute PATH."""
    return "file://" + urllib.parse.quote(path)


def _artifact(path, root):
    """artifactLocation for PATH (relative to ROOT, or absolute)."""
    if path.startswith("/"):
        real = os.path.realpath(path)
        if real.startswith(root.rstrip("/") + "/"):
            path = os.path.relpath(real, root)
        else:
            return {"uri": file_uri(path)}
    return {"uri": urllib.parse.quote(path.replace(os.sep, "/")), "uriBaseId": "SRCROOT"}


def _location(path, line, column, root, message=None):
    region = {"startLine": max(1, line)}
    if column > 0:
        region["startColumn"] = column
    loc = {"physicalLocation": {"artifactLocation": _artifact(path, root), "region": region}}
    if message is not None:
        loc["message"] = {"text": message}
    return loc


def fingerprint(site):
    """A line-independent hash of the site's (file, function, kind, what)."""
    key = "\0".join([site["file"], site["function"], site["kind"], site["what"]])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def to_sarif(result, include=None):
    """The SARIF log (a dict) for RESULT.

    include: None (every class) or a set of class names whose sites become results.
    """
    root = result["root"]
    rules = []
    index = {}
    for cls in RULE_ORDER:
        rid, name, short, anchor, level = RULES[cls]
        index[cls] = len(rules)
        rules.append({
            "id": rid, "name": name,
            "shortDescription": {"text": short},
            "helpUri": file_uri(MESSAGES) + "#" + anchor,
            "defaultConfiguration": {"level": level},
        })
    results = []
    for s in result["sites"]:
        cls = s["class"]
        if include is not None and cls not in include:
            continue
        loc = _location(s["file"], s["line"], s["column"], root)
        if s["function"]:
            loc["logicalLocations"] = [{"fullyQualifiedName": s["function"], "kind": "function"}]
        r = {
            "ruleId": rule_id(cls), "ruleIndex": index[cls], "level": RULES[cls][4],
            "message": {"text": s["message"] or s["what"]},
            "locations": [loc],
            "partialFingerprints": {"escapeSite/v1": fingerprint(s)},
            "properties": {"class": cls, "verdict": s["verdict"], "reason": s["reason"],
                           "tus": s["tus"], "copies": s["copies"],
                           "moved_copies": s["moved_copies"]},
        }
        hops = []
        for hop in s["flow"]:
            pos = hop_position(hop)
            if pos:
                hops.append({"location": _location(pos[0], pos[1], pos[2], root, hop)})
        if hops:
            r["codeFlows"] = [{"message": {"text": s["flow"][0]} if s["flow"] else {"text": ""},
                               "threadFlows": [{"locations": hops}]}]
        results.append(r)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "escape", "informationUri": file_uri(README),
                                "rules": rules}},
            "originalUriBaseIds": {"SRCROOT": {"uri": file_uri(root.rstrip("/") + "/")}},
            "results": results,
        }],
    }


def write_sarif(result, path, include=None):
    """Write RESULT as SARIF 2.1.0 to PATH (indented JSON, UTF-8)."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(to_sarif(result, include), f, indent=1, ensure_ascii=False)
        f.write("\n")
