#!/usr/bin/env bash
# bench/run.sh - the escape benchmark, in one command.
#
# For every program in bench/programs/ this builds four binaries
#   clang-O2    clang++ -O2
#   plugin      clang++ -O2 -fplugin=build/lib/libEscape.so
#   attributor  clang++ -O2 -mllvm -attributor-enable=module   (LLVM's heap-to-stack)
#   g++-O2      g++ -O2
# runs each once under an LD_PRELOAD allocation counter (heap allocations, checksum),
# times each (best of N runs, the configurations interleaved), and prints tables
# (allocations, times, speedups, and the plugin's code size: .text growth and the
# callee clones it made) and summary lines.  A checksum that differs from
# clang++ -O2's, or a crash, is a miscompile.  Then it measures the compile-time
# overhead of the plugin on a real C++ code base (Debian's yaml-cpp source,
# fetched with apt-get source into a cache; if that is not possible, the bench
# programs and examples).
#
# Usage: bench/run.sh [--quick] [--runs N] [--no-compile-time] [PROGRAM...]
# Environment:
#   BENCH_RUNS      timed runs per binary (default 5; --quick: 2)
#   BENCH_CT_ROUNDS compile-time rounds, best of (default 3; --quick: 1)
#   BENCH_CACHE     where fetched sources are kept (default build/bench-cache)
#   BENCH_KEEP=1    keep the work directory (binaries, logs, plugin reports)
#   CLANGXX, GXX, CC  compilers (default /usr/lib/llvm-19/bin/clang++, g++, cc)
#   ESCAPE_PLUGIN   the plugin (default build/lib/libEscape.so)
# Exit status: 1 if the plugin miscompiled or failed to build something, else 0.

set -u
export LC_ALL=C

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench=$repo/bench

quick=0
compile_time=1
runs=${BENCH_RUNS:-}
ct_rounds=${BENCH_CT_ROUNDS:-}
selected=()
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --runs=*) runs=${1#--runs=} ;;
    --no-compile-time) compile_time=0 ;;
    -h|--help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) selected+=("$1") ;;
  esac
  shift
done
if [ -z "$runs" ]; then
  if [ $quick = 1 ]; then runs=2; else runs=5; fi
fi
if [ -z "$ct_rounds" ]; then
  if [ $quick = 1 ]; then ct_rounds=1; else ct_rounds=3; fi
fi

CLANGXX=${CLANGXX:-/usr/lib/llvm-19/bin/clang++}
GXX=${GXX:-g++}
CC=${CC:-cc}
PLUGIN=${ESCAPE_PLUGIN:-$repo/build/lib/libEscape.so}
CACHE=${BENCH_CACHE:-$repo/build/bench-cache}
STD=-std=c++17

work=$(mktemp -d "${TMPDIR:-/tmp}/escape-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then
  trap 'echo "work directory kept: $work"' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi

# Use a snapshot of the plugin (and its sibling libEscapeClang.so, which it loads
# from its own directory), so that a rebuild during the run cannot change it.
have_plugin=0
plugin_shown=${PLUGIN#$repo/}
if [ -f "$PLUGIN" ]; then
  mkdir -p "$work/plugin"
  for f in "$(dirname "$PLUGIN")"/libEscape*.so; do cp "$f" "$work/plugin/"; done
  cp "$PLUGIN" "$work/plugin/"
  PLUGIN=$work/plugin/$(basename "$PLUGIN")
  have_plugin=1
fi

configs=(clang plugin attributor gcc)
declare -A label=([clang]=clang-O2 [plugin]=plugin [attributor]=attributor [gcc]=g++-O2)

# build CONFIG SRC OUT LOG
build() {
  local cfg=$1 src=$2 out=$3 log=$4
  case $cfg in
    clang) "$CLANGXX" $STD -O2 "$src" -o "$out" ;;
    plugin) "$CLANGXX" $STD -O2 -fplugin="$PLUGIN" "$src" -o "$out" ;;
    attributor) "$CLANGXX" $STD -O2 -mllvm -attributor-enable=module "$src" -o "$out" ;;
    gcc) "$GXX" $STD -O2 "$src" -o "$out" ;;
  esac >"$log" 2>&1
}

# progress TEXT: a transient status line, only on a terminal
progress() { [ -t 2 ] && printf '\r  %-58s\r' "$1" >&2; return 0; }
# cpu_ms COMMAND... -> CPU time (user+sys) of COMMAND in milliseconds.  CPU time
# rather than wall time: it is not inflated when other work shares the machine.
# The subshell starts with zero child times; `times` runs in it without a fork.
cpu_ms() {
  (
    "$@" >/dev/null 2>&1 </dev/null
    times >"$work/times.txt"
    awk 'function sec(x) { sub(/s$/, "", x); split(x, p, "m"); return p[1] * 60 + p[2] }
         NR == 2 { printf "%.3f", 1000 * (sec($1) + sec($2)) }' "$work/times.txt"
  )
}

# ---------------------------------------------------------------------------
# The allocation counter: the project's (tools/alloc-count), as built into
# build/lib/libAllocCount.so; if that has not been built, compiled here.
counter=$repo/build/lib/libAllocCount.so
if [ ! -f "$counter" ]; then
  counter=$work/libAllocCount.so
  if ! "$CC" -O2 -fno-builtin -shared -fPIC -o "$counter" "$repo/tools/alloc-count/alloc_count.c" -ldl \
      2>"$work/counter.log"; then
    echo "run.sh: cannot build the allocation counter:" >&2
    cat "$work/counter.log" >&2
    exit 2
  fi
fi

# count_allocs FILE -> N (last "alloc-count: N" in FILE), or ? if none
count_allocs() {
  local n
  n=$(grep -o 'alloc-count: [0-9]*' "$1" 2>/dev/null | tail -1 | awk '{print $2}')
  echo "${n:-?}"
}

# ---------------------------------------------------------------------------
# Programs.
programs=()
for f in "$bench"/programs/*.cpp; do
  n=$(basename "$f" .cpp)
  if [ ${#selected[@]} -gt 0 ]; then
    keep=0
    for s in "${selected[@]}"; do [ "$s" = "$n" ] && keep=1; done
    [ $keep = 1 ] || continue
  fi
  programs+=("$n")
done
if [ ${#programs[@]} = 0 ]; then
  echo "run.sh: no programs selected" >&2
  exit 2
fi

size_of() { # "variable" for programs whose allocations have a run-time size
  local z
  z=$(sed -n '1,5s|^// bench-size: *\([a-z-]*\).*|\1|p' "$bench/programs/$1.cpp")
  echo "${z:-constant}"
}

kind_of() {
  local k
  k=$(sed -n '1s|^// bench-kind: *\([a-z-]*\).*|\1|p' "$bench/programs/$1.cpp")
  echo "${k:-unknown}"
}

clang_version=$("$CLANGXX" --version | head -1)
gxx_version=$("$GXX" --version | head -1)
echo "escape benchmark"
echo "  clang-O2    $clang_version: -O2"
if [ $have_plugin = 1 ]; then
  echo "  plugin      -O2 -fplugin=$plugin_shown"
else
  echo "  plugin      n/a ($plugin_shown not built)"
fi
echo "  attributor  -O2 -mllvm -attributor-enable=module"
echo "  g++-O2      $gxx_version: -O2"
if [ "$counter" = "$repo/build/lib/libAllocCount.so" ]; then
  echo "  counter     LD_PRELOAD=build/lib/libAllocCount.so; time: best of $runs runs"
else
  echo "  counter     LD_PRELOAD of tools/alloc-count/alloc_count.c (compiled here); time: best of $runs runs"
fi
echo

# The plugin must load cleanly: a plugin that prints an error but lets clang go
# on would otherwise look like a plugin that demotes nothing.
if [ $have_plugin = 1 ]; then
  printf 'int main() { return 0; }\n' >"$work/probe.cpp"
  if ! "$CLANGXX" $STD -O2 -fplugin="$PLUGIN" -c "$work/probe.cpp" -o "$work/probe.o" >"$work/probe.log" 2>&1 ||
     [ -s "$work/probe.log" ]; then
    echo "WARNING: the plugin does not load cleanly; its figures below are not meaningful:"
    head -5 "$work/probe.log" | sed 's/^/  | /'
    echo
  fi
fi

declare -A allocs sum status tms rc
plugin_failures=0

for n in "${programs[@]}"; do
  src=$bench/programs/$n.cpp
  mkdir -p "$work/$n"
  progress "building and running $n"
  # Build, two compilers at a time.
  pids=()
  for cfg in "${configs[@]}"; do
    if [ $cfg = plugin ] && [ $have_plugin = 0 ]; then
      status[$n,$cfg]=n/a
      continue
    fi
    ( build $cfg "$src" "$work/$n/$cfg" "$work/$n/$cfg.build.log"; echo $? >"$work/$n/$cfg.build.rc" ) &
    pids+=($!)
    if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
  done
  wait
  # The plugin's report, for reading why a site stayed on the heap.
  if [ $have_plugin = 1 ]; then
    "$CLANGXX" $STD -O2 -fplugin="$PLUGIN" -fplugin-arg-escape-m -c "$src" -o /dev/null \
      >"$work/$n/plugin.report" 2>&1 || true
  fi
  # Count allocations and read checksums.
  for cfg in "${configs[@]}"; do
    [ "${status[$n,$cfg]:-}" = n/a ] && continue
    if [ "$(cat "$work/$n/$cfg.build.rc")" != 0 ]; then
      status[$n,$cfg]=build-fail
      continue
    fi
    # (in a subshell, so that the shell's own "Segmentation fault" goes to the log)
    (timeout 120 env ALLOC_COUNT_FILE="$work/$n/$cfg.count" LD_PRELOAD="$counter" \
      "$work/$n/$cfg" >"$work/$n/$cfg.out" 2>"$work/$n/$cfg.err"; exit $?) 2>>"$work/$n/$cfg.err"
    rc[$n,$cfg]=$?
    allocs[$n,$cfg]=$(count_allocs "$work/$n/$cfg.count")
    [ "${allocs[$n,$cfg]}" = "?" ] && allocs[$n,$cfg]=$(count_allocs "$work/$n/$cfg.err")
    sum[$n,$cfg]=$(sed -n 's/^checksum: *//p' "$work/$n/$cfg.out" | tail -1)
    if [ "${rc[$n,$cfg]}" != 0 ]; then
      status[$n,$cfg]=crash
    else
      status[$n,$cfg]=ok
    fi
  done
  for cfg in plugin attributor gcc; do
    [ "${status[$n,$cfg]}" = ok ] || continue
    if [ "${status[$n,clang]}" = ok ] && [ "${sum[$n,$cfg]}" != "${sum[$n,clang]}" ]; then
      status[$n,$cfg]=mismatch
    fi
  done
  # Time: best of $runs, configurations interleaved.
  for ((r = 0; r < runs; r++)); do
    for cfg in "${configs[@]}"; do
      case ${status[$n,$cfg]} in ok) ;; *) continue ;; esac
      t=$(cpu_ms "$work/$n/$cfg")
      if [ -z "${tms[$n,$cfg]:-}" ] || awk -v a="$t" -v b="${tms[$n,$cfg]}" 'BEGIN { exit !(a < b) }'; then
        tms[$n,$cfg]=$t
      fi
    done
  done
  case ${status[$n,plugin]} in ok|n/a) ;; *) plugin_failures=$((plugin_failures + 1)) ;; esac
done
progress ""

# ---------------------------------------------------------------------------
# Table.
cell_allocs() { # n cfg
  case ${status[$1,$2]} in
    ok|mismatch) echo "${allocs[$1,$2]}" ;;
    *) echo "${status[$1,$2]}" ;;
  esac
}
cell_time() {
  case ${status[$1,$2]} in
    ok) awk -v t="${tms[$1,$2]}" 'BEGIN { printf "%.1f", t }' ;;
    *) echo "${status[$1,$2]}" ;;
  esac
}
cell_check() {
  local bad=()
  for cfg in plugin attributor gcc; do
    case ${status[$1,$cfg]} in
      mismatch) bad+=("MISMATCH:${label[$cfg]}") ;;
      crash) bad+=("CRASH:${label[$cfg]}") ;;
      build-fail) bad+=("BUILD-FAIL:${label[$cfg]}") ;;
    esac
  done
  [ "${status[$1,clang]}" = ok ] || bad=("clang-O2:${status[$1,clang]}")
  if [ ${#bad[@]} = 0 ]; then echo same; else (IFS=,; echo "${bad[*]}"); fi
}

fmt='%-20s %-12s | %10s %10s %10s %10s | %8s %8s %8s %8s | %s\n'
printf '%-33s | %-43s | %-35s |\n' '' '      heap allocations at run time' " CPU time, ms (best of $runs)"
printf "$fmt" program kind clang-O2 plugin attributor g++-O2 clang-O2 plugin attrib g++-O2 checksums
printf '%s\n' "$(printf '%.0s-' {1..136})"
for n in "${programs[@]}"; do
  printf "$fmt" "$n" "$(kind_of "$n")" \
    "$(cell_allocs "$n" clang)" "$(cell_allocs "$n" plugin)" "$(cell_allocs "$n" attributor)" "$(cell_allocs "$n" gcc)" \
    "$(cell_time "$n" clang)" "$(cell_time "$n" plugin)" "$(cell_time "$n" attributor)" "$(cell_time "$n" gcc)" \
    "$(cell_check "$n")"
done
echo

# Anything a compiler printed while building (the programs compile silently).
for n in "${programs[@]}"; do
  for cfg in "${configs[@]}"; do
    f=$work/$n/$cfg.build.log
    if [ -s "$f" ]; then
      echo "note: ${label[$cfg]} printed while building $n:"
      head -3 "$f" | sed 's/^/  | /'
      noted=1
    fi
  done
done
[ -n "${noted:-}" ] && echo

# Per program, relative to clang++ -O2.
removed() { # n cfg -> percent of clang-O2's allocations removed
  case ${status[$1,$2]}/${status[$1,clang]} in
    ok/ok|mismatch/ok) awk -v a="${allocs[$1,clang]}" -v b="${allocs[$1,$2]}" \
      'BEGIN { if (a + 0 == 0) print "-"; else printf "%.1f%%", 100 * (a - b) / a }' ;;
    *) echo "-" ;;
  esac
}
speedup() {
  case ${status[$1,$2]}/${status[$1,clang]} in
    ok/ok) awk -v a="${tms[$1,clang]}" -v b="${tms[$1,$2]}" 'BEGIN { printf "%.2fx", a / b }' ;;
    *) echo "-" ;;
  esac
}
fmt2='%-20s %-12s | %10s %10s %10s | %8s %8s %8s\n'
printf '%-33s | %-32s | %-26s\n' '' ' allocations removed vs clang-O2' ' speedup vs clang-O2'
printf "$fmt2" program kind plugin attributor g++-O2 plugin attrib g++-O2
printf '%s\n' "$(printf '%.0s-' {1..95})"
for n in "${programs[@]}"; do
  printf "$fmt2" "$n" "$(kind_of "$n")" \
    "$(removed "$n" plugin)" "$(removed "$n" attributor)" "$(removed "$n" gcc)" \
    "$(speedup "$n" plugin)" "$(speedup "$n" attributor)" "$(speedup "$n" gcc)"
done
echo

# ---------------------------------------------------------------------------
# Code size: the plugin's callee clones (for an object that a callee frees, it
# calls a copy of the callee without the deallocation, named
# <callee>.escape.nofree) and the .text growth over clang++ -O2's binary.
text_bytes() { # BINARY -> bytes of its .text section, or nothing
  size -A "$1" 2>/dev/null | awk '$1 == ".text" { print $2; exit }'
}
clone_stats() { # BINARY -> "COUNT BYTES" of its *.escape.nofree* functions
  local count=0 bytes=0 addr sz type name
  while read -r addr sz type name; do
    [ -n "$name" ] || continue
    case $name in *.escape.nofree*) count=$((count + 1)) bytes=$((bytes + 16#$sz)) ;; esac
  done < <(nm -S --defined-only "$1" 2>/dev/null)
  echo "$count $bytes"
}
built() { # n cfg: the binary exists (it may have crashed or mismatched)
  case ${status[$1,$2]} in ok|mismatch|crash) [ -f "$work/$1/$2" ] ;; *) return 1 ;; esac
}
if [ $have_plugin = 1 ] && command -v size >/dev/null && command -v nm >/dev/null; then
  fmt4='%-20s %-12s | %9s %9s %17s | %6s %8s\n'
  printf '%-33s | %-37s | %s\n' '' '   .text bytes, plugin vs clang-O2' ' callee clones (*.escape.nofree)'
  printf "$fmt4" program kind clang-O2 plugin growth count bytes
  printf '%s\n' "$(printf '%.0s-' {1..91})"
  tot_c=0 tot_p=0 tot_n=0 tot_b=0 tot_incomplete=0
  for n in "${programs[@]}"; do
    c_text=- p_text=- growth=- cl_n=- cl_b=-
    if built "$n" clang && built "$n" plugin; then
      c_text=$(text_bytes "$work/$n/clang") p_text=$(text_bytes "$work/$n/plugin")
      read -r cl_n cl_b <<<"$(clone_stats "$work/$n/plugin")"
    fi
    if [ -n "$c_text" ] && [ -n "$p_text" ] && [ "$c_text" != - ] && [ "$p_text" != - ]; then
      growth=$(awk -v a="$c_text" -v b="$p_text" 'BEGIN { printf "%+d (%+.1f%%)", b - a, 100 * (b - a) / a }')
      tot_c=$((tot_c + c_text)) tot_p=$((tot_p + p_text)) tot_n=$((tot_n + cl_n)) tot_b=$((tot_b + cl_b))
    else
      c_text=${c_text:--} p_text=${p_text:--} cl_n=- cl_b=- tot_incomplete=1
    fi
    printf "$fmt4" "$n" "$(kind_of "$n")" "$c_text" "$p_text" "$growth" "$cl_n" "$cl_b"
  done
  if [ $tot_c -gt 0 ]; then
    printf "$fmt4" "all programs" "$([ $tot_incomplete = 1 ] && echo '(incomplete)')" "$tot_c" "$tot_p" \
      "$(awk -v a="$tot_c" -v b="$tot_p" 'BEGIN { printf "%+d (%+.1f%%)", b - a, 100 * (b - a) / a }')" \
      "$tot_n" "$tot_b"
  fi
  echo
elif [ $have_plugin = 1 ]; then
  echo "code size: n/a (size and nm from binutils are needed)"
  echo
else
  echo "code size: n/a ($plugin_shown not built)"
  echo
fi

# ---------------------------------------------------------------------------
# Summary.
{
  for n in "${programs[@]}"; do
    for cfg in "${configs[@]}"; do
      printf '%s %s %s %s %s %s %s\n' "$n" "$(kind_of "$n")" "$cfg" "${status[$n,$cfg]}" \
        "${allocs[$n,$cfg]:--}" "${tms[$n,$cfg]:--}" "$(size_of "$n")"
    done
  done
} >"$work/results.txt"

summary=$(awk -v have_plugin=$have_plugin '
  { st[$1, $3] = $4; al[$1, $3] = $5; tm[$1, $3] = $6; kind[$1] = $2; size[$1] = $7
    if (!($1 in seen)) { seen[$1] = 1; order[++np] = $1 } }
  END {
    split("plugin attributor gcc", cf, " ")
    lab["plugin"] = "plugin"; lab["attributor"] = "attributor"; lab["gcc"] = "g++-O2"
    for (c = 1; c <= 3; c++) {
      k = cf[c]; base = 0; mine = 0; fbase = 0; fmine = 0; cbase = 0; cmine = 0; lsum = 0; ln = 0; lall = 0; nall = 0
      minpct = 101; minprog = ""; kept = "yes"; bad = 0; nctl = 0; incomplete = 0
      for (i = 1; i <= np; i++) {
        p = order[i]
        if (st[p, k] == "mismatch" || st[p, k] == "crash") bad++
        if (st[p, "clang"] != "ok") continue
        okish = (st[p, k] == "ok")
        if (kind[p] == "non-escaping") {
          if (!okish) { incomplete = 1; continue }
          base += al[p, "clang"]; mine += al[p, k]
          if (size[p] != "variable") { cbase += al[p, "clang"]; cmine += al[p, k] }
          pct = al[p, "clang"] > 0 ? 100 * (al[p, "clang"] - al[p, k]) / al[p, "clang"] : 100
          if (pct < minpct) { minpct = pct; minprog = p }
          lsum += log(tm[p, "clang"] / tm[p, k]); ln++
        } else if (kind[p] == "freed-early") {
          if (!okish) { incomplete = 1; continue }
          fbase += al[p, "clang"]; fmine += al[p, k]
        } else if (kind[p] == "control") {
          if (!okish) { incomplete = 1; continue }
          nctl++
          if (al[p, k] < 0.99 * al[p, "clang"]) kept = "NO (" p ")"
        }
        if (okish) { lall += log(tm[p, "clang"] / tm[p, k]); nall++ }
      }
      if (k == "plugin" && !have_plugin) {
        printf "R %s n/a\nK %s n/a\nF %s n/a\nS %s n/a\nC %s n/a\nM %s n/a\n", k, k, k, k, k, k
        continue
      }
      if (base > 0) printf "R %s %.1f %.1f %s %d\n", k, 100 * (base - mine) / base, minpct, minprog, incomplete
      else printf "R %s - - - %d\n", k, incomplete
      if (cbase > 0) printf "K %s %.1f%%\n", k, 100 * (cbase - cmine) / cbase
      else printf "K %s -\n", k
      if (fbase > 0) printf "F %s %.1f%%\n", k, 100 * (fbase - fmine) / fbase
      else printf "F %s -\n", k
      printf "S %s %s %s\n", k, ln ? sprintf("%.2fx", exp(lsum / ln)) : "-", nall ? sprintf("%.2fx", exp(lall / nall)) : "-"
      printf "C %s %s\n", k, nctl ? kept : "-"
      printf "M %s %d\n", k, bad
    }
  }' "$work/results.txt")

# cells of the summary block, per configuration
declare -A s_removed s_const s_freed s_lowest s_speed_ne s_speed_all s_kept s_mis
for k in plugin attributor gcc; do
  read -r _ _ a b c d <<<"$(grep "^R $k " <<<"$summary")"
  if [ "$a" = n/a ] || [ "$a" = - ]; then s_removed[$k]=$a; s_lowest[$k]=$a
  else
    s_removed[$k]="$a%"; s_lowest[$k]="$b% $c"
    [ "$d" = 1 ] && s_removed[$k]="$a% (incomplete)"
  fi
  read -r _ _ a <<<"$(grep "^K $k " <<<"$summary")"
  s_const[$k]=$a
  read -r _ _ a <<<"$(grep "^F $k " <<<"$summary")"
  s_freed[$k]=$a
  read -r _ _ a b <<<"$(grep "^S $k " <<<"$summary")"
  s_speed_ne[$k]=$a; s_speed_all[$k]=${b:-$a}
  read -r _ _ a <<<"$(grep "^C $k " <<<"$summary")"
  s_kept[$k]=$a
  read -r _ _ a <<<"$(grep "^M $k " <<<"$summary")"
  s_mis[$k]=$a
done
fmt3='  %-44s %-24s %-24s %s\n'
echo "summary, vs clang++ -O2"
printf "$fmt3" "" plugin attributor g++-O2
printf "$fmt3" "heap allocations removed, non-escaping" "${s_removed[plugin]}" "${s_removed[attributor]}" "${s_removed[gcc]}"
printf "$fmt3" "  constant-size programs only" "${s_const[plugin]}" "${s_const[attributor]}" "${s_const[gcc]}"
printf "$fmt3" "  lowest non-escaping program" "${s_lowest[plugin]}" "${s_lowest[attributor]}" "${s_lowest[gcc]}"
printf "$fmt3" "heap allocations removed, freed-early" "${s_freed[plugin]}" "${s_freed[attributor]}" "${s_freed[gcc]}"
printf "$fmt3" "speedup, geometric mean, non-escaping" "${s_speed_ne[plugin]}" "${s_speed_ne[attributor]}" "${s_speed_ne[gcc]}"
printf "$fmt3" "speedup, geometric mean, all programs" "${s_speed_all[plugin]}" "${s_speed_all[attributor]}" "${s_speed_all[gcc]}"
printf "$fmt3" "controls keep their allocations" "${s_kept[plugin]}" "${s_kept[attributor]}" "${s_kept[gcc]}"
printf "$fmt3" "miscompiles (checksum differs, or crash)" "${s_mis[plugin]}" "${s_mis[attributor]}" "${s_mis[gcc]}"
summary_line="summary: allocations removed (non-escaping) plugin ${s_removed[plugin]}, attributor ${s_removed[attributor]}, g++ ${s_removed[gcc]}"
summary_line="$summary_line; freed-early plugin ${s_freed[plugin]}, attributor ${s_freed[attributor]}, g++ ${s_freed[gcc]}"
summary_line="$summary_line; speedup vs clang++ -O2 plugin ${s_speed_ne[plugin]}, attributor ${s_speed_ne[attributor]}, g++ ${s_speed_ne[gcc]}"
summary_line="$summary_line; miscompiles plugin ${s_mis[plugin]}, attributor ${s_mis[attributor]}, g++ ${s_mis[gcc]}"
summary_line="$summary_line; controls kept plugin ${s_kept[plugin]}, attributor ${s_kept[attributor]}, g++ ${s_kept[gcc]}"

# ---------------------------------------------------------------------------
# Compile-time overhead on a real code base.
ct_result=""
if [ $compile_time = 1 ]; then
  echo
  if [ $have_plugin = 0 ]; then
    echo "compile time: n/a ($plugin_shown not built)"
  else
    # fetch_source PACKAGE DEST: Debian source of PACKAGE, unpacked under DEST.
    # The deb-src entries are derived at run time from the system's own apt
    # sources and kept in a private apt state directory.
    fetch_source() {
      local pkg=$1 dest=$2 apt=$work/apt f
      mkdir -p "$apt/parts" "$apt/lists/partial" "$apt/cache/archives/partial" "$dest"
      for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        sed -E 's/^Types:.*/Types: deb-src/' "$f" >"$apt/parts/$(basename "$f")"
      done
      for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        sed -n -E 's/^[[:space:]]*deb[[:space:]]/deb-src /p' "$f" >>"$apt/parts/derived.list"
      done
      local opts=(-o "Dir::Etc::SourceParts=$apt/parts" -o Dir::Etc::SourceList=/dev/null
                  -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
                  -o APT::Sandbox::User=root)
      apt-get -qq "${opts[@]}" update >"$work/apt.log" 2>&1 || return 1
      (cd "$dest" && apt-get -qq "${opts[@]}" source --download-only "$pkg") >>"$work/apt.log" 2>&1 || return 1
      local dsc
      dsc=$(ls "$dest"/"$pkg"_*.dsc 2>/dev/null | head -1)
      [ -n "$dsc" ] || return 1
      if command -v dpkg-source >/dev/null; then
        (cd "$dest" && dpkg-source -x "$(basename "$dsc")") >>"$work/apt.log" 2>&1 || return 1
      else
        local orig
        orig=$(ls "$dest"/"$pkg"_*.orig.tar.* 2>/dev/null | head -1)
        [ -n "$orig" ] || return 1
        tar -C "$dest" -xf "$orig" || return 1
      fi
      return 0
    }

    ct_name=""
    ct_files=()
    ct_flags=()
    pkg=yaml-cpp
    srcdir=$(ls -d "$CACHE/$pkg"/"$pkg"-*/ 2>/dev/null | head -1)
    if [ -z "$srcdir" ]; then
      echo "  fetching the Debian source of $pkg into ${CACHE#$repo/}/$pkg ..." >&2
      if fetch_source "$pkg" "$CACHE/$pkg"; then
        srcdir=$(ls -d "$CACHE/$pkg"/"$pkg"-*/ 2>/dev/null | head -1)
      else
        echo "  (could not fetch $pkg: $(tail -1 "$work/apt.log" 2>/dev/null))" >&2
      fi
    fi
    if [ -n "$srcdir" ] && [ -d "$srcdir/src" ] && [ -d "$srcdir/include" ]; then
      srcdir=${srcdir%/}
      ct_name="$(basename "$srcdir") (Debian source)"
      while IFS= read -r f; do ct_files+=("$f"); done < <(find "$srcdir/src" -name '*.cpp' | sort)
      ct_flags=(-I"$srcdir/include" -I"$srcdir/src")
    fi
    # The project must build without the plugin; otherwise fall back.
    if [ ${#ct_files[@]} -gt 0 ]; then
      for f in "${ct_files[@]}"; do
        if ! "$CLANGXX" $STD -O2 "${ct_flags[@]}" -c "$f" -o "$work/ct.o" 2>>"$work/ct.log"; then
          echo "  ($ct_name does not build here; see $work/ct.log)" >&2
          ct_files=()
          break
        fi
      done
    fi
    if [ ${#ct_files[@]} = 0 ]; then
      ct_name="bench programs and examples (fallback)"
      ct_flags=()
      ct_rounds=$((ct_rounds + 4))
      for f in "$bench"/programs/*.cpp "$repo"/examples/*.cpp "$repo"/examples/*/*.cpp; do
        # (only files that compile on their own without the plugin)
        [ -f "$f" ] && "$CLANGXX" $STD -O2 -c "$f" -o "$work/ct.o" 2>>"$work/ct.log" && ct_files+=("$f")
      done
    fi

    # timed_compile WITH_PLUGIN FILE -> "CPU WALL" in seconds (CPU: user+sys of
    # the compiler), or FAIL.  The subshell starts with zero child times.
    timed_compile() {
      local extra=()
      [ "$1" = 1 ] && extra=(-fplugin="$PLUGIN")
      (
        t0=$EPOCHREALTIME
        "$CLANGXX" $STD -O2 "${extra[@]}" "${ct_flags[@]}" -c "$2" -o "$work/ct.o" 2>>"$work/ct.log" ||
          { echo FAIL; exit 0; }
        t1=$EPOCHREALTIME
        times >"$work/ct.times"
        awk -v a="$t0" -v b="$t1" '
          function sec(x) { sub(/s$/, "", x); split(x, p, "m"); return p[1] * 60 + p[2] }
          NR == 2 { printf "%.4f %.4f\n", sec($1) + sec($2), b - a }' "$work/ct.times"
      )
    }

    # Every file with and without the plugin, in alternating order, $ct_rounds
    # times; per file and configuration the best CPU and wall time is kept.
    declare -A ct_cpu ct_wall
    ct_fail="" ct_fail_with=""
    for ((r = 0; r < ct_rounds; r++)); do
      progress "compile time, round $((r + 1)) of $ct_rounds"
      i=0
      for f in "${ct_files[@]}"; do
        if (((r + i) % 2 == 0)); then order=(0 1); else order=(1 0); fi
        i=$((i + 1))
        for w in "${order[@]}"; do
          read -r c t <<<"$(timed_compile "$w" "$f")"
          if [ "$c" = FAIL ]; then
            ct_fail=$f ct_fail_with=$w
            break 3
          fi
          if [ -z "${ct_cpu[$f,$w]:-}" ] || awk -v a="$c" -v b="${ct_cpu[$f,$w]}" 'BEGIN { exit !(a < b) }'; then
            ct_cpu[$f,$w]=$c
          fi
          if [ -z "${ct_wall[$f,$w]:-}" ] || awk -v a="$t" -v b="${ct_wall[$f,$w]}" 'BEGIN { exit !(a < b) }'; then
            ct_wall[$f,$w]=$t
          fi
        done
      done
    done
    progress ""
    echo "compile time: $ct_name, ${#ct_files[@]} files, clang++ -O2 -c, one at a time,"
    echo "  with and without the plugin interleaved; per file the best of $ct_rounds"
    if [ -n "$ct_fail" ]; then
      if [ "$ct_fail_with" = 1 ]; then
        echo "  FAILED: the build with the plugin stopped at ${ct_fail#$repo/}:"
        plugin_failures=$((plugin_failures + 1))
      else
        echo "  FAILED: the build without the plugin stopped at ${ct_fail#$repo/}:"
      fi
      tail -20 "$work/ct.log" | sed 's/^/    /'
    else
      tot() { # ARRAY-NAME W
        local -n arr=$1
        for f in "${ct_files[@]}"; do echo "${arr[$f,$2]}"; done | awk '{ s += $1 } END { printf "%.3f", s }'
      }
      cpu0=$(tot ct_cpu 0) cpu1=$(tot ct_cpu 1) wall0=$(tot ct_wall 0) wall1=$(tot ct_wall 1)
      ct_result=$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "ratio %.3f (%+.1f%%)", b / a, 100 * (b - a) / a }')
      awk -v a="$cpu0" -v b="$cpu1" 'BEGIN {
        printf "  CPU time (user+sys): without plugin %7.2f s, with plugin %7.2f s: ratio %.3f (%+.1f%%)\n", a, b, b / a, 100 * (b - a) / a }'
      awk -v a="$wall0" -v b="$wall1" 'BEGIN {
        printf "  wall time:           without plugin %7.2f s, with plugin %7.2f s: ratio %.3f (%+.1f%%)\n", a, b, b / a, 100 * (b - a) / a }'
    fi
  fi
fi

if [ $compile_time = 1 ]; then
  summary_line="$summary_line; compile time with plugin ${ct_result:-n/a}"
fi
echo
echo "$summary_line"

# The project's targets for the plugin.
if [ $have_plugin = 1 ]; then
  yn() { if [ "$1" = 1 ]; then echo yes; else echo NO; fi; }
  rem=${s_removed[plugin]%%%*}
  attr=${s_removed[attributor]%%%*}
  t1=$(awk -v a="$rem" 'BEGIN { print (a + 0 >= 90) }')
  t2=$(awk -v a="$rem" -v b="$attr" 'BEGIN { print (b == "-" || a + 0 > b + 0) }')
  t3=$([ "${s_mis[plugin]}" = 0 ] && echo 1 || echo 0)
  t4=$([ "${s_kept[plugin]}" != "${s_kept[plugin]#NO}" ] && echo 0 || echo 1)
  targets="targets: removes >= 90% $(yn "$t1") (constant-size programs: ${s_const[plugin]}); more than the attributor $(yn "$t2"); zero miscompiles $(yn "$t3"); controls kept $(yn "$t4")"
  if [ -n "$ct_result" ]; then
    t5=$(awk -v r="${ct_result#ratio }" 'BEGIN { print (r + 0 < 1.03) }')
    targets="$targets; compile-time overhead < 3% $(yn "$t5")"
  fi
  echo "$targets"
fi

if [ $plugin_failures -gt 0 ]; then
  echo
  echo "plugin: $plugin_failures failure(s) (miscompile, crash or build failure); work files: $work"
  [ "${BENCH_KEEP:-0}" = 1 ] || trap - EXIT
  exit 1
fi
exit 0
