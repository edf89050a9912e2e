"""A large synthetic report for the html-chromium test.

  render.py synthetic FILES SITES WORKDIR OUTDIR
      make a project of FILES sources under WORKDIR with SITES verdicts each (random
      classes, seeded by the file's number; the 43rd source of every hundred is not
      written, to show the page of an unreadable file), write its HTML with
      escape_report.html.write_html into OUTDIR and print how long that took.
"""
import os
import random
import sys
import time

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..")
sys.path.insert(0, os.path.join(SRC, "tools", "escape-report"))

from escape_report.html import write_html  # noqa: E402

# The verdict classes of merge.py.
CLASSES = ["moved", "escapes", "kept", "leaking", "dangling", "eliminated", "param-ok"]


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
    if argv and argv[0] == "synthetic" and len(argv) == 5:
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
