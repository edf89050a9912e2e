"""Comparing a merged result with a saved one (--baseline FILE, a --json output).

A site is "bad" when its class is escapes, dangling or leaking (merge.BAD). Sites
are matched by (file, function, kind, what), without line or column, so edits that
only shift lines change nothing; a key that appears k times in the baseline and
n > k times now has n - k new bad sites (the last n - k by position). A site that
was moved, kept, ... in the baseline and escapes now is new in the same way.

Errors: load() raises BaselineError when FILE is not a merged result.
"""
import collections
import json

from .merge import BAD


class BaselineError(Exception):
    """The baseline file cannot be used."""


def load(path):
    """Read a merged result written by --json. Raises BaselineError."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        raise BaselineError("cannot read baseline %s: %s" % (path, e))
    if not isinstance(doc, dict) or doc.get("tool") != "escape-report" or "sites" not in doc:
        raise BaselineError("%s is not an escape-report --json result" % path)
    return doc


def key(site):
    """The line-independent key of a site."""
    return (site["file"], site["function"], site["kind"], site["what"])


def _bad_by_key(result):
    groups = collections.defaultdict(list)
    for s in result["sites"]:
        if s["class"] in BAD:
            groups[key(s)].append(s)
    return groups


def compare(baseline, result):
    """Returns {"new": [sites of RESULT that are newly bad], "fixed": [sites of
    BASELINE that are bad and no longer are]}, both sorted by position."""
    old, new = _bad_by_key(baseline), _bad_by_key(result)
    added, fixed = [], []
    for k, sites in new.items():
        extra = len(sites) - len(old.get(k, []))
        if extra > 0:
            added += sites[-extra:]
    for k, sites in old.items():
        gone = len(sites) - len(new.get(k, []))
        if gone > 0:
            fixed += sites[-gone:]
    order = lambda s: (s["file"], s["line"], s["column"], s["kind"], s["what"])  # noqa: E731
    return {"new": sorted(added, key=order), "fixed": sorted(fixed, key=order)}


def format_site(site):
    """file:line:col: message (file as in the result: relative to its root)."""
    return "%s:%d:%d: %s" % (site["file"], site["line"], site["column"], site["message"])
