"""Check the shape of escape-report --lsp files against the merged result and print
them compactly. Usage: check_lsp.py RESULT.json LSPDIR"""
import json
import os
import sys

result = json.load(open(sys.argv[1]))
outdir = sys.argv[2]
severity = {"dangling": 2, "escapes": 3, "kept": 3, "leaking": 3,
            "moved": 4, "eliminated": 4, "param-ok": 4}
files = sorted(os.path.relpath(os.path.join(d, f), outdir)
               for d, _, fs in os.walk(outdir) for f in fs)
print("files:", " ".join(files))
for rel in files:
    lines = open(os.path.join(outdir, rel)).read().splitlines()
    header = json.loads(lines[0])
    assert sorted(header) == ["file", "tool", "version"] and header["version"] == 0, header
    src = rel[:-len(".json")]
    assert header["file"] == os.path.join(result["root"], src), header
    sites = [s for s in result["sites"] if s["file"] == src]
    diags = [json.loads(l) for l in lines[1:]]
    assert len(sites) == len(diags)
    print(rel, header["tool"], header["file"])
    for s, d in zip(sites, diags):
        r = d["range"]
        assert r["start"] == {"line": s["line"] - 1, "character": s["column"] - 1}, (r, s)
        assert r["end"] == r["start"]
        assert d["severity"] == severity[s["class"]] and d["source"] == "escape"
        assert d["message"] == s["message"]
        rel_info = d.get("relatedInformation", [])
        assert [x["message"] for x in rel_info] == s["flow"]
        print("  %d:%d sev=%d %s %s" % (r["start"]["line"], r["start"]["character"],
                                        d["severity"], d["code"], d["message"]))
        for x in rel_info:
            loc = x["location"]
            print("    %s:%d:%d %s" % (loc["uri"], loc["range"]["start"]["line"],
                                       loc["range"]["start"]["character"], x["message"]))
