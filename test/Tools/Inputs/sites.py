"""Print a merged escape-report result one site per line, for FileCheck:
FILE:LINE:COL CLASS KIND 'WHAT' in FUNCTION tus=N copies=N moved=N."""
import json
import sys

doc = json.load(open(sys.argv[1]))
print("root=%s tus=%d tool=%s version=%d keys=%s" % (
    doc["root"], doc["translation_units"], doc["tool"], doc["version"], ",".join(sorted(doc))))
for s in doc["sites"]:
    print("%s:%d:%d %s %s '%s' in %s tus=%d copies=%d moved=%d" % (
        s["file"], s["line"], s["column"], s["class"], s["kind"], s["what"],
        s["function"] or "-", s["tus"], s["copies"], s["moved_copies"]))
