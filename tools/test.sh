#!/usr/bin/env bash
# Build escape (tools/setup.sh --tests: also the tools the suite drives) and run the lit
# regression suite.
#
#   bash tools/test.sh [extra lit arguments...]
#
# The last line of output is a plain summary, "N passed, N failed" (", N skipped" when
# tests were skipped): lit's "Expectedly Failed" counts as passed; "Unsupported" and
# "Skipped" as skipped; "Failed", "Unexpectedly Passed", "Unresolved" and "Timed Out" as
# failed. Exits non-zero when a test failed or when no test ran.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

LIT=/usr/lib/llvm-19/build/utils/lit/lit.py
PYTHON=python3
[[ -x /usr/bin/python3 ]] && PYTHON=/usr/bin/python3

if ! bash tools/setup.sh --tests </dev/null; then
  echo "test: setup/build failed; no tests ran" >&2
  echo "0 passed, 0 failed"
  exit 1
fi

if [[ ! -f build/test/lit.site.cfg.py ]]; then
  echo "test: build/test/lit.site.cfg.py is missing (did CMake configure test/?)" >&2
  echo "0 passed, 0 failed"
  exit 1
fi

log="$(mktemp "${TMPDIR:-/tmp}/escape-lit.XXXXXX")"
trap 'rm -f "$log"' EXIT

echo "test: running lit on build/test"
set +e
"$PYTHON" "$LIT" -sv build/test "$@" </dev/null 2>&1 | tee "$log"
lit_status=${PIPESTATUS[0]}
set -e

# lit's summary lines look like "  Passed           : 12 (85.71%)".
# Only the block after the last "Total Discovered Tests:" counts (a failing test's
# own output cannot then be mistaken for the summary).
read -r passed failed skipped < <(awk '
  /^Total Discovered Tests:/ { p = 0; f = 0; s = 0 }
  /^ +[A-Za-z][A-Za-z ]*[A-Za-z] *: +[0-9]+ \(/ {
    line = $0
    sub(/^ +/, "", line)
    label = line; sub(/ *:.*/, "", label)
    n = line; sub(/^[^:]*: +/, "", n); sub(/ .*/, "", n)
    if (label == "Passed" || label == "Passed With Retry" || label == "Expectedly Failed") p += n
    else if (label == "Failed" || label == "Unexpectedly Passed" || label == "Unresolved" || label == "Timed Out") f += n
    else if (label == "Unsupported" || label == "Skipped") s += n
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")

summary="$passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "$summary"

if ((failed > 0 || passed == 0)); then
  exit 1
fi
if ((lit_status != 0)); then
  echo "test: lit exited with status $lit_status" >&2
  exit 1
fi
exit 0
