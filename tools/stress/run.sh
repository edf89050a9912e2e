#!/usr/bin/env bash
# Stress the escape pass with random IR.
#
#   tools/stress/run.sh [--count N] [--alloc-count M] [--seed S] [--jobs J] [--keep]
#
#  1. N llvm-stress modules (sizes 10..400), each through
#       opt -passes=escape -verify-each, opt -passes='print<escape>',
#       opt -passes='default<O2>' (plugin loaded; -verify-each except for llvm-stress).
#  2. The IR of examples/inventory/*.cpp (clang -O1 -disable-llvm-passes) through
#     the same three pipelines.
#  3. M modules from gen_alloc.py (malloc/calloc/new/new[]/aligned_alloc, free,
#     loops, phis, selects, unknown calls) through the same pipelines, and
#     additionally a differential run: linked with runtime.c, built at -O2 with
#     and without the pass, the two programs must print the same thing.
# Reports modules, crashes, verifier failures, miscompiles; exits non-zero on any.
# Failing inputs are kept in $ESCAPE_WORK/stress/failures (default build/stress).
set -u -o pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PLUGIN=${ESCAPE_PLUGIN:-$ROOT/build/lib/libEscape.so}
OPT=${OPT:-opt-19}
STRESS=${LLVM_STRESS:-llvm-stress-19}
CLANG=${CLANG:-clang-19}
CLANGXX=${CLANGXX:-clang++-19}

# ---------------------------------------------------------------- worker ---
# run_opt KIND ID FILE: the three opt pipelines; prints one status line each
run_opt() {
  local kind=$1 id=$2 f=$3 out rc
  local -a pipes=("escape" "print<escape>" "default<O2>")
  for p in "${pipes[@]}"; do
    local -a extra=(-verify-each)
    [ "$p" = "print<escape>" ] && extra=()
    # the whole O2 pipeline verified after every pass is slow on big llvm-stress
    # modules; there the module is verified once at the end (opt's default)
    [ "$p" = "default<O2>" ] && [ "$kind" = stress ] && extra=()
    out=$(timeout 120 "$OPT" -load-pass-plugin="$PLUGIN" -passes="$p" "${extra[@]}" -disable-output "$f" 2>&1)
    rc=$?
    if [ $rc = 0 ]; then
      echo "OK $kind $id $p"
    else
      local what=CRASH
      if grep -qE 'Broken module|verification|Verifier|does not dominate|Instruction does not|Broken function' <<<"$out" \
         && ! grep -qE 'Stack dump|PLEASE submit' <<<"$out"; then what=VERIFY; fi
      [ $rc = 124 ] && what=TIMEOUT
      echo "$what $kind $id $p"
      mkdir -p "$FAILDIR"
      cp "$f" "$FAILDIR/$kind-$id.ll"
      [ -f "$FAILDIR/libEscape.so" ] || cp "$PLUGIN" "$FAILDIR/libEscape.so"
      printf '%s\n' "$out" | head -60 > "$FAILDIR/$kind-$id.${p//[<>]/_}.txt"
    fi
  done
}

worker() {
  local kind=$1 seed=$2 size=${3:-0}
  local d=$TMPW/$kind-$seed
  mkdir -p "$d"
  case "$kind" in
    stress)
      "$STRESS" -size="$size" -seed="$seed" -o "$d/m.ll" 2>/dev/null || { echo "GENFAIL $kind $seed"; rm -rf "$d"; return; }
      if ! "$OPT" -passes=verify -disable-output "$d/m.ll" 2>/dev/null; then echo "BADINPUT $kind $seed"; rm -rf "$d"; return; fi
      run_opt stress "s$seed-n$size" "$d/m.ll"
      ;;
    alloc)
      python3 "$HERE/gen_alloc.py" "$seed" > "$d/m.ll" || { echo "GENFAIL $kind $seed"; rm -rf "$d"; return; }
      if ! "$OPT" -passes=verify -disable-output "$d/m.ll" 2>"$d/gen.err"; then
        echo "BADINPUT $kind $seed"; mkdir -p "$FAILDIR"; cp "$d/m.ll" "$FAILDIR/badinput-$seed.ll"; rm -rf "$d"; return
      fi
      run_opt alloc "$seed" "$d/m.ll"
      # differential test
      if ! "$CLANGXX" -O2 "$d/m.ll" "$RTO" -o "$d/plain" 2>"$d/plain.err"; then
        echo "BADINPUT $kind $seed (plain build)"; rm -rf "$d"; return
      fi
      local rem
      if ! rem=$("$CLANGXX" -O2 -fpass-plugin="$PLUGIN" -Rpass=escape "$d/m.ll" "$RTO" -o "$d/plug" 2>&1); then
        echo "CRASH alloc $seed clang-O2-plugin"; mkdir -p "$FAILDIR"; cp "$d/m.ll" "$FAILDIR/alloc-$seed.ll"
        printf '%s\n' "$rem" | head -60 > "$FAILDIR/alloc-$seed.clang.txt"; rm -rf "$d"; return
      fi
      echo "DEMOTED alloc $seed $(grep -c 'moved to stack' <<<"$rem")"
      local o1 o2 r1 r2
      o1=$(timeout 60 "$d/plain" 2>&1); r1=$?
      o2=$(timeout 60 "$d/plug" 2>&1); r2=$?
      if [ "$o1" != "$o2" ] || [ $r1 != $r2 ]; then
        echo "MISCOMPILE alloc $seed plain=[$o1 rc=$r1] plugin=[$o2 rc=$r2]"
        mkdir -p "$FAILDIR"; cp "$d/m.ll" "$FAILDIR/alloc-$seed.ll"
        printf 'plain (rc %s):\n%s\nplugin (rc %s):\n%s\n' "$r1" "$o1" "$r2" "$o2" > "$FAILDIR/alloc-$seed.diff.txt"
      else
        echo "OK alloc $seed run"
      fi
      ;;
  esac
  rm -rf "$d"
}

if [ "${1:-}" = "--worker" ]; then shift; worker "$@"; exit 0; fi

# ------------------------------------------------------------------ main ---
COUNT=2000
ACOUNT=400
SEED0=1
JOBS=2
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift ;;
    --alloc-count) ACOUNT=$2; shift ;;
    --seed) SEED0=$2; shift ;;
    --jobs) JOBS=$2; shift ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$PLUGIN" ] || { echo "plugin not found: $PLUGIN" >&2; exit 2; }
for t in "$OPT" "$STRESS" "$CLANG" "$CLANGXX" python3; do
  command -v "$t" >/dev/null || { echo "missing tool: $t" >&2; exit 2; }
done

WORK=${ESCAPE_WORK:-$ROOT/build}/stress
mkdir -p "$WORK"
export FAILDIR=$WORK/failures
rm -rf "$FAILDIR"
export TMPW
TMPW=$(mktemp -d "$WORK/tmp.XXXXXX")
# Use a private copy of the plugin, so a rebuild during the run cannot mix versions.
for f in "$(dirname "$PLUGIN")"/libEscape*.so; do cp "$f" "$TMPW/"; done
PLUGIN=$TMPW/$(basename "$PLUGIN") && export ESCAPE_PLUGIN=$PLUGIN
echo "plugin: $PLUGIN (md5 $(md5sum < "$PLUGIN" | cut -c1-12))"
export PLUGIN OPT STRESS CLANG CLANGXX
export RTO=$TMPW/runtime.o
"$CLANG" -O2 -c "$HERE/runtime.c" -o "$RTO" || exit 2
LOG=$WORK/results.txt
: > "$LOG"
START=$(date +%s)

# 1. llvm-stress
SIZES=(10 25 50 100 200 400)
echo "== $COUNT llvm-stress modules (sizes ${SIZES[*]})"
for ((i = 0; i < COUNT; i++)); do
  echo "stress $((SEED0 + i)) ${SIZES[$((i % ${#SIZES[@]}))]}"
done | xargs -P "$JOBS" -L 1 "$0" --worker >> "$LOG"

# 2. inventory example
echo "== examples/inventory"
for src in "$ROOT"/examples/inventory/*.cpp; do
  ll=$TMPW/$(basename "$src" .cpp).ll
  if "$CLANGXX" -O1 -S -emit-llvm -Xclang -disable-llvm-passes -I"$ROOT/examples/inventory" "$src" -o "$ll"; then
    run_opt inventory "$(basename "$src" .cpp)" "$ll" >> "$LOG"
  else
    echo "BADINPUT inventory $(basename "$src")" >> "$LOG"
  fi
done

# 3. allocation-heavy generated modules + differential runs
echo "== $ACOUNT generated allocation modules (gen_alloc.py) + differential runs"
for ((i = 0; i < ACOUNT; i++)); do echo "alloc $((SEED0 + i))"; done \
  | xargs -P "$JOBS" -L 1 "$0" --worker >> "$LOG"

[ $KEEP = 1 ] || rm -rf "$TMPW"
echo "failing inputs (if any) are kept in $FAILDIR with a copy of the plugin used"

# ---------------------------------------------------------------- report ---
cnt() { grep -c "$@" "$LOG"; }
smods=$(grep -E '^[A-Z]+ stress ' "$LOG" | awk '{print $3}' | sort -u | wc -l)
imods=$(grep -E '^[A-Z]+ inventory ' "$LOG" | awk '{print $3}' | sort -u | wc -l)
amods=$(grep -E '^[A-Z]+ alloc ' "$LOG" | awk '{print $3}' | sort -u | wc -l)
crashes=$(cnt -E '^CRASH ')
verifs=$(cnt -E '^VERIFY ')
touts=$(cnt -E '^TIMEOUT ')
mis=$(cnt -E '^MISCOMPILE ')
bad=$(cnt -E '^(BADINPUT|GENFAIL) ')
runs=$(cnt -E '^OK alloc [0-9]+ run')
demoted=$(awk '$1=="DEMOTED"{s+=$4; if ($4>0) m++} END{print s+0, m+0}' "$LOG")
echo
printf '%-34s %s\n' "llvm-stress modules" "$smods" \
  "inventory modules" "$imods" \
  "generated allocation modules" "$amods" \
  "  sites moved to stack / modules" "${demoted% *} / ${demoted#* }" \
  "  differential runs agreeing" "$runs" \
  "opt invocations" "$(cnt -E '^(OK|CRASH|VERIFY|TIMEOUT) [a-z]+ [^ ]+ (escape|print<escape>|default<O2>)$')" \
  "crashes" "$crashes" \
  "verifier failures" "$verifs" \
  "timeouts" "$touts" \
  "miscompiles (differential)" "$mis" \
  "bad/ungeneratable inputs (skipped)" "$bad" \
  "time (s)" "$(( $(date +%s) - START ))"
if [ $((crashes + verifs + touts + mis)) -gt 0 ]; then
  echo
  echo "FAILURES (inputs and logs in $FAILDIR):"
  grep -E '^(CRASH|VERIFY|TIMEOUT|MISCOMPILE) ' "$LOG" | head -50
  exit 1
fi
echo "OK"
exit 0
