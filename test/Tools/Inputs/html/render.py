"""Writes escape-report HTML for the html-chromium test.

  render.py merge ROOT OUTDIR TU.json...
      merge the plugin's per-TU JSON reports with escape_report.merge and write the
      HTML of the merged result into OUTDIR (and OUTDIR/merged.json).
  render.py synthetic FILES SITES WORKDIR OUTDIR
      make a project of FILES sources under WORKDIR with SITES verdicts each (every
      100th source is not written, to show the page of an unreadable file), write its
      HTML into OUTDIR and print how long write_html took.
"""
import json
import os
import random
import sys
import time

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..")
sys.path.insert(0, os.path.join(SRC, "tools", "escape-report"))

from escape_report.html import write_html  # noqa: E402

CLASSES = ["moved", "escapes", "kept", "leaking", "dangling", "eliminated", "param-ok"]


def merged(root, paths):
    from escape_report.merge import merge
    docs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            docs.append(json.load(f))
    return merge(docs, root)


def synthetic(nfiles, nsites, workdir):
    root = os.path.realpath(workdir)
    sites = []
    for i in range(nfiles):
        rng = random.Random(i)
        rel = "src/mod%02d/file%03d.cpp" % (i % 17, i)
        lines = ["// synthetic source %d: a < b && c > d" % i]
        for j in range(nsites):
            cls = rng.choice(CLASSES[:2 + i % 6])
            line = len(lines) + 1
            lines.append("int f%d_%d(int n) { int *p = new int(n); return *p < n && n > 0; }" % (i, j))
            lines.append("  // <tag> &amp; not markup")
            site = {"file": rel, "line": line, "column": 29, "function": "f%d_%d" % (i, j),
                    "kind": "site", "what": "new int", "verdict": cls, "reason": "",
                    "moved": cls == "moved", "message": "new int %s <%d>" % (cls, j),
                    "flow": [], "class": cls, "tus": 1 + j % 3, "copies": 1, "moved_copies": 0}
            if cls == "escapes":
                site["flow"] = ["flow: {heap} = &{storage for new int}:",
                                "from %%1 (escape) at %s/%s:%d:3" % (root, rel, line + 1),
                                "from {storage for %%1} (address-of) at %s/%s:%d:29" % (root, rel, line)]
                site["copies"], site["moved_copies"] = 5, 3
            sites.append(site)
        if i % 100 != 42:
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w") as f:
                f.write("\n".join(lines) + "\n")
    return {"version": 1, "tool": "escape-report", "root": root,
            "translation_units": nfiles, "sites": sites}


def main(argv):
    if argv[0] == "merge":
        root, outdir = argv[1], argv[2]
        result = merged(root, argv[3:])
        write_html(result, outdir)
        with open(os.path.join(outdir, "merged.json"), "w") as f:
            json.dump(result, f, indent=1)
        print("wrote %d sites of %d files" % (len(result["sites"]),
                                             len({s["file"] for s in result["sites"]})))
    elif argv[0] == "synthetic":
        nfiles, nsites, workdir, outdir = int(argv[1]), int(argv[2]), argv[3], argv[4]
        result = synthetic(nfiles, nsites, workdir)
        start = time.monotonic()
        write_html(result, outdir)
        took = time.monotonic() - start
        print("write_html: %d files, %d sites in %.2f s" % (nfiles, len(result["sites"]), took))
        if took > 60:
            sys.exit("write_html took %.1f s (bound 60 s)" % took)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
