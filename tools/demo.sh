#!/usr/bin/env bash
# Show escape on the bundled example (examples/inventory).
#
#   bash tools/demo.sh
#
# 1. builds the project (tools/setup.sh);
# 2. compiles the example with the plugin's report on (-fplugin-arg-escape-m), which
#    prints one line per allocation site: "escapes to heap: ..." or "moved to stack";
# 3. builds the example twice, with plain `clang++ -O2` and with the plugin, runs both
#    under the allocation counter (build/lib/libAllocCount.so), checks that they print
#    the same output, and compares their heap allocations.
# Exits non-zero if the build fails or the two programs' outputs differ.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CXX=/usr/lib/llvm-19/bin/clang++
PLUGIN="$ROOT/build/lib/libEscape.so"
COUNTER="$ROOT/build/lib/libAllocCount.so"
EXAMPLE="$ROOT/examples/inventory"
SOURCES=(inventory.cpp registry.cpp)
OUT="$ROOT/build/demo"

bash tools/setup.sh </dev/null
for f in "$PLUGIN" "$COUNTER"; do
  if [[ ! -f "$f" ]]; then
    echo "demo: $f was not built" >&2
    exit 1
  fi
done
mkdir -p "$OUT"

# Compile from the example's directory so the report shows short file names.
cd "$EXAMPLE"

echo
echo "== escape report: clang++ -O2 -fplugin=build/lib/libEscape.so -fplugin-arg-escape-m" \
     "-fno-caret-diagnostics -c"
for src in "${SOURCES[@]}"; do
  "$CXX" -O2 -fplugin="$PLUGIN" -fplugin-arg-escape-m -fno-caret-diagnostics \
    -c "$src" -o "$OUT/${src%.cpp}.report.o" 2>&1
done

echo
echo "== building examples/inventory twice"
"$CXX" -O2 "${SOURCES[@]}" -o "$OUT/inventory-plain"
echo "   build/demo/inventory-plain    clang++ -O2"
"$CXX" -O2 -fplugin="$PLUGIN" "${SOURCES[@]}" -o "$OUT/inventory-escape"
echo "   build/demo/inventory-escape   clang++ -O2 -fplugin=build/lib/libEscape.so"

run() { # run NAME: output to $OUT/NAME.out, heap allocation count to $OUT/NAME.count
  rm -f "$OUT/$1.count"
  ALLOC_COUNT_FILE="$OUT/$1.count" LD_PRELOAD="$COUNTER" "$OUT/$1" >"$OUT/$1.out" </dev/null
  sed -n 's/^alloc-count: \([0-9]*\) heap allocations$/\1/p' "$OUT/$1.count"
}
plain=$(run inventory-plain)
escape=$(run inventory-escape)

echo
echo "== program output (build/demo/inventory-plain.out)"
lines=$(wc -l <"$OUT/inventory-plain.out")
if ((lines > 16)); then
  head -n 5 "$OUT/inventory-plain.out"
  echo "   ... ($((lines - 14)) more lines) ..."
  tail -n 9 "$OUT/inventory-plain.out"
else
  cat "$OUT/inventory-plain.out"
fi

echo
if ! cmp -s "$OUT/inventory-plain.out" "$OUT/inventory-escape.out"; then
  echo "demo: FAIL: the two builds print different output:" >&2
  diff "$OUT/inventory-plain.out" "$OUT/inventory-escape.out" >&2 || true
  exit 1
fi
echo "== outputs identical"

if [[ -z "$plain" || -z "$escape" ]]; then
  echo "demo: could not read the allocation counts" >&2
  exit 1
fi
saved=$((plain - escape))
pct=$(awk -v p="$plain" -v s="$saved" 'BEGIN { if (p > 0) printf "%.1f", 100 * s / p; else print "0.0" }')
echo
echo "== heap allocations (LD_PRELOAD=build/lib/libAllocCount.so)"
printf '   %-32s %10s\n' "clang++ -O2" "$plain"
printf '   %-32s %10s\n' "clang++ -O2 + escape plugin" "$escape"
printf '   %-32s %10s  (%s%%)\n' "reduction" "$saved" "$pct"
