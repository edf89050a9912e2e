"""Validate a SARIF log against the official 2.1.0 schema (offline) and print the facts
the test checks: the run's base URI, rules, and each result's rule, level, location and
code flow. Usage: check_sarif.py SCHEMA LOG"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
# Draft-04 schema; every $ref is internal ("#/definitions/..."), so nothing is fetched.
jsonschema.Draft4Validator.check_schema(schema)
jsonschema.Draft4Validator(schema).validate(log)
print("valid")
run = log["runs"][0]
print("version=%s driver=%s srcroot=%s" % (log["version"], run["tool"]["driver"]["name"],
                                           run["originalUriBaseIds"]["SRCROOT"]["uri"]))
for r in run["tool"]["driver"]["rules"]:
    print("rule %s level=%s help=%s" % (r["id"], r["defaultConfiguration"]["level"],
                                         r["helpUri"].rsplit("/", 2)[-2:]))
for r in run["results"]:
    pl = r["locations"][0]["physicalLocation"]
    loc = "%s(%s):%d:%d" % (pl["artifactLocation"]["uri"], pl["artifactLocation"].get("uriBaseId"),
                            pl["region"]["startLine"], pl["region"]["startColumn"])
    assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    print("result %s %s %s %s" % (r["ruleId"], r["level"], loc, r["message"]["text"]))
    for cf in r.get("codeFlows", []):
        for tl in cf["threadFlows"][0]["locations"]:
            l = tl["location"]
            p = l["physicalLocation"]
            print("  hop %s(%s):%d:%d %s" % (p["artifactLocation"]["uri"],
                                             p["artifactLocation"].get("uriBaseId"),
                                             p["region"]["startLine"], p["region"]["startColumn"],
                                             l["message"]["text"]))
