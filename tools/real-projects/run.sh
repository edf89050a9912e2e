#!/usr/bin/env bash
# Build real C++ projects (Debian source packages) with and without the escape
# plugin, run their own test suites, and compare.
#
#   tools/real-projects/run.sh [--quick] [--projects "a b"] [--no-asan] [--jobs N]
#
# For every project and config (plain, plugin, and unless --no-asan/--quick
# asan, asan+plugin) it records: tests passed/failed, allocation sites moved
# to the stack (counted from -Rpass=escape remarks in the build log), and the
# build time.  Then the IR of every translation unit (from the plain build's
# compile_commands.json) goes through `opt -passes=escape -verify-each` and
# through clang's O2 pipeline with `verify` around escape (verify_ir.py).
# Exits non-zero if a test fails with the plugin that passes without it, if a
# project builds without the plugin but not with it, or if opt crashes or the
# verifier fails on a project's IR.
#
# Work directory: $ESCAPE_WORK (default <repo>/build/real-projects).
# Default projects: tinyxml2 libjsoncpp pugixml double-conversion (about 5 min
# with ASan on 2 cores).  Also known to work: yaml-cpp (~70 s per plain build,
# uses the system gtest/gmock); fmtlib and snappy have options here but are untested.
# Build times are wall-clock: on a shared machine the ratios are noisy.
set -u -o pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PLUGIN=${ESCAPE_PLUGIN:-$ROOT/build/lib/libEscape.so}
WORK=${ESCAPE_WORK:-$ROOT/build/real-projects}
JOBS=2
QUICK=0
ASAN=1
DEFAULT_PROJECTS="tinyxml2 libjsoncpp pugixml double-conversion"
PROJECTS=""

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1; ASAN=0 ;;
    --projects) PROJECTS=$2; shift ;;
    --projects=*) PROJECTS=${1#*=} ;;
    --no-asan) ASAN=0 ;;
    --jobs) JOBS=$2; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$PROJECTS" ]; then
  if [ $QUICK = 1 ]; then PROJECTS=tinyxml2; else PROJECTS=$DEFAULT_PROJECTS; fi
fi
[ -f "$PLUGIN" ] || { echo "plugin not found: $PLUGIN (build the repo first)" >&2; exit 2; }
for t in clang-19 clang++-19 cmake ctest opt-19 python3; do
  command -v $t >/dev/null || { echo "missing tool: $t" >&2; exit 2; }
done
GEN=()
command -v ninja >/dev/null && GEN=(-G Ninja)

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
# Use a private copy of the plugin, so a rebuild during the run cannot mix versions.
# (the clang plugin loads libEscapeClang.so from its own directory: copy both)
mkdir -p "$WORK/plugin"
for f in "$(dirname "$PLUGIN")"/libEscape*.so; do cp "$f" "$WORK/plugin/"; done
PLUGIN=$WORK/plugin/$(basename "$PLUGIN")
echo "plugin: $PLUGIN (md5 $(md5sum < "$PLUGIN" | cut -c1-12))"
# sanity: the plugin must run under clang and report a demotion on a known case
printf 'void g(int);\nint f(int n){int *p=new int[4]; for(int i=0;i<n;i++) p[i&3]+=i; g(p[1]); int r=p[n&3]; delete[] p; return r;}\n' > "$WORK/sanity.cpp"
if ! clang++-19 -O2 -fplugin="$PLUGIN" -Rpass=escape -c "$WORK/sanity.cpp" -o /dev/null 2>&1 | grep -q 'moved to stack'; then
  echo "plugin sanity check failed: no 'moved to stack' remark for $WORK/sanity.cpp" >&2
  clang++-19 -O2 -fplugin="$PLUGIN" -Rpass=escape -c "$WORK/sanity.cpp" -o /dev/null
  exit 2
fi
SRC=$WORK/src
APT=$WORK/apt
mkdir -p "$SRC" "$APT/sources.d" "$APT/lists/partial"

# ---------------------------------------------------------------- fetching --
# A private deb-src list derived from the system's deb822 sources.
APTOPTS=(-o "Dir::Etc::SourceParts=$APT/sources.d" -o "Dir::Etc::SourceList=/dev/null"
         -o "Dir::State::Lists=$APT/lists")
apt_ready=0
apt_prepare() {
  [ $apt_ready = 1 ] && return 0
  if ! command -v dpkg-source >/dev/null; then
    echo "== installing dpkg-dev (for dpkg-source)"
    apt-get install -y dpkg-dev >/dev/null || return 1
  fi
  local s
  for s in /etc/apt/sources.list.d/*.sources; do
    [ -f "$s" ] || continue
    sed -E 's/^Types:[[:space:]]*deb[[:space:]]*$/Types: deb-src/' "$s" > "$APT/sources.d/$(basename "$s")"
  done
  echo "== apt-get update (deb-src, private lists)"
  apt-get update "${APTOPTS[@]}" >"$APT/update.log" 2>&1 || { cat "$APT/update.log"; return 1; }
  apt_ready=1
}

# srcdir_of PKG -> echoes the unpacked source directory (fetching if needed)
srcdir_of() {
  local pkg=$1 d
  d=$(ls -d "$SRC/$pkg"-[0-9]*/ 2>/dev/null | head -1)
  if [ -z "$d" ]; then
    apt_prepare >&2 || return 1
    echo "== apt-get source $pkg" >&2
    (cd "$SRC" && apt-get source "${APTOPTS[@]}" "$pkg") >"$SRC/$pkg.fetch.log" 2>&1 \
      || { cat "$SRC/$pkg.fetch.log" >&2; return 1; }
    d=$(ls -d "$SRC/$pkg"-[0-9]*/ 2>/dev/null | head -1)
  fi
  [ -n "$d" ] && echo "${d%/}"
}

# ------------------------------------------------------ per-project setup --
# Source package names (jsoncpp is packaged as libjsoncpp, fmt as fmtlib).
pkg_of() {
  case "$1" in
    jsoncpp) echo libjsoncpp ;;
    fmt) echo fmtlib ;;
    *) echo "$1" ;;
  esac
}
cmake_args_of() {
  case "$1" in
    tinyxml2) echo "-DBUILD_TESTING=ON -Dtinyxml2_BUILD_TESTING=ON" ;;
    libjsoncpp) echo "-DJSONCPP_WITH_TESTS=ON -DJSONCPP_WITH_POST_BUILD_UNITTEST=OFF -DBUILD_OBJECT_LIBS=OFF -DBUILD_STATIC_LIBS=OFF" ;;
    pugixml) echo "-DBUILD_TESTING=ON -DPUGIXML_BUILD_TESTS=ON" ;;
    double-conversion) echo "-DBUILD_TESTING=ON" ;;
    fmtlib) echo "-DFMT_TEST=ON -DFMT_DOC=OFF" ;;
    yaml-cpp) echo "-DYAML_CPP_BUILD_TESTS=ON -DYAML_CPP_BUILD_TOOLS=OFF" ;;
    snappy) echo "-DSNAPPY_BUILD_TESTS=ON -DSNAPPY_BUILD_BENCHMARKS=OFF -DSNAPPY_USE_BUNDLED_GTEST=OFF -DSNAPPY_USE_BUNDLED_BENCHMARK_LIB=OFF" ;;
    *) echo "-DBUILD_TESTING=ON" ;;
  esac
}
# ctest parallelism: jsoncpp's two reader/writer tests write the same
# <input>.actual files next to the test data, so they race when run in parallel.
ctest_jobs_of() {
  case "$1" in
    libjsoncpp) echo 1 ;;
    *) echo "$JOBS" ;;
  esac
}

# ------------------------------------------------------------------ build --
RESULTS=$WORK/results.tsv
: > "$RESULTS"
FAIL=0
REGRESS=()

now() { date +%s.%N; }

# run_config PROJECT SRCDIR CONFIG  (CONFIG: plain plugin asan asan+plugin)
run_config() {
  local proj=$1 src=$2 cfg=$3
  local b=$WORK/build/$proj/$cfg
  local flags="-O2" ldflags=""
  case "$cfg" in *asan*) flags="$flags -fsanitize=address -fno-omit-frame-pointer"; ldflags="-fsanitize=address" ;; esac
  case "$cfg" in *plugin*) flags="$flags -fplugin=$PLUGIN -Rpass=escape -Rpass-missed=escape" ;; esac
  rm -rf "$b"; mkdir -p "$b"
  local log=$b/build.log tlog=$b/test.log
  echo "== $proj [$cfg] configure+build"
  # shellcheck disable=SC2046
  if ! (cd "$b" && CC=clang-19 CXX=clang++-19 CFLAGS="$flags" CXXFLAGS="$flags" LDFLAGS="$ldflags" \
        cmake "${GEN[@]}" -DCMAKE_BUILD_TYPE=None -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
          $(cmake_args_of "$proj") "$src") >"$b/configure.log" 2>&1; then
    echo "   configure FAILED, see $b/configure.log"
    printf '%s\t%s\tconfigure-failed\t-\t-\t-\n' "$proj" "$cfg" >> "$RESULTS"
    return 1
  fi
  local t0 t1
  t0=$(now)
  if ! cmake --build "$b" -j "$JOBS" >"$log" 2>&1; then
    echo "   build FAILED, see $log"; tail -20 "$log"
    printf '%s\t%s\tbuild-failed\t-\t-\t-\n' "$proj" "$cfg" >> "$RESULTS"
    return 1
  fi
  t1=$(now)
  local secs sites
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
  sites=$(grep -c 'moved to stack \[-Rpass=escape\]' "$log")
  local missed
  missed=$(grep -c 'escapes to heap.*\[-Rpass-missed=escape\]' "$log")
  echo "   built in ${secs}s, $sites sites moved to stack, $missed remarks of escaping sites; running tests"
  local trc=0
  (cd "$b" && ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 \
     ctest -j "$(ctest_jobs_of "$proj")" --timeout 900 --output-on-failure) >"$tlog" 2>&1 || trc=$?
  local summary pass total failed
  summary=$(grep -E 'tests passed, [0-9]+ tests failed out of' "$tlog" | tail -1)
  total=$(echo "$summary" | sed -nE 's/.*out of ([0-9]+).*/\1/p')
  failed=$(echo "$summary" | sed -nE 's/.*tests passed, ([0-9]+) tests failed.*/\1/p')
  if [ -z "$total" ]; then
    total=0; failed=0; [ $trc = 0 ] || failed=1
    grep -q 'No tests were found' "$tlog" && echo "   WARNING: no tests found"
  fi
  pass=$((total - failed))
  # failed test names, one per line
  sed -nE 's/^[[:space:]]*[0-9]+ - (.*) \((Failed|SEGFAULT|Subprocess aborted|Timeout|Exception|Not Run|OTHER_FAULT|Child aborted|ILLEGAL|BUS_ERROR|NUMERICAL)\).*/\1/p' \
    "$tlog" | sort -u > "$b/failed-tests.txt"
  echo "   tests: $pass/$total passed"
  [ -s "$b/failed-tests.txt" ] && sed 's/^/   FAILED: /' "$b/failed-tests.txt"
  printf '%s\t%s\t%s/%s\t%s\t%s\t%s\t%s\n' "$proj" "$cfg" "$pass" "$total" "$failed" "$sites" "$secs" "$missed" >> "$RESULTS"
  return 0
}

# compare PROJECT BASECFG PLUGINCFG: flag tests failing only with the plugin
compare() {
  local proj=$1 base=$2 plug=$3
  local bb=$WORK/build/$proj/$base pb=$WORK/build/$proj/$plug
  if [ ! -f "$bb/failed-tests.txt" ]; then return 0; fi   # baseline did not build: not our fault
  if [ ! -f "$pb/failed-tests.txt" ]; then
    REGRESS+=("$proj: builds in [$base] but not in [$plug] (see $pb/build.log)"); FAIL=1; return 0
  fi
  local new
  new=$(comm -13 "$bb/failed-tests.txt" "$pb/failed-tests.txt")
  if [ -n "$new" ]; then
    while read -r t; do REGRESS+=("$proj [$plug]: test '$t' fails (passes in [$base]); log $pb/test.log"); done <<<"$new"
    FAIL=1
  fi
  local bf pf
  bf=$(awk -F'\t' -v p="$proj" -v c="$base" '$1==p&&$2==c{print $4}' "$RESULTS")
  pf=$(awk -F'\t' -v p="$proj" -v c="$plug" '$1==p&&$2==c{print $4}' "$RESULTS")
  if [ -z "$new" ] && [ "${pf:-0}" != "-" ] && [ "${pf:-0}" -gt "${bf:-0}" ] 2>/dev/null; then
    REGRESS+=("$proj [$plug]: $pf failures vs $bf in [$base]"); FAIL=1
  fi
}

for p in $PROJECTS; do
  pkg=$(pkg_of "$p")
  src=$(srcdir_of "$pkg") || { echo "!! could not fetch $pkg"; printf '%s\t-\tfetch-failed\t-\t-\t-\n' "$pkg" >> "$RESULTS"; FAIL=1; continue; }
  echo "== $pkg: $src"
  cfgs="plain plugin"
  [ $ASAN = 1 ] && cfgs="$cfgs asan asan+plugin"
  for c in $cfgs; do run_config "$pkg" "$src" "$c"; done
  if [ -f "$WORK/build/$pkg/plain/compile_commands.json" ]; then
    echo "== $pkg: its IR through opt (escape -verify-each; O2 with verify around escape)"
    if ! python3 "$ROOT/tools/real-projects/verify_ir.py" --jobs "$JOBS" \
         "$WORK/build/$pkg/plain" "$WORK/build/$pkg/ir" "$PLUGIN"; then
      REGRESS+=("$pkg: opt crashed or the verifier failed on its IR (see above)"); FAIL=1
    fi
  fi
  compare "$pkg" plain plugin
  [ $ASAN = 1 ] && compare "$pkg" asan asan+plugin
done

# ------------------------------------------------------------------ report --
echo
echo "Plugin: $PLUGIN"
awk -F'\t' '
  BEGIN { printf "%-18s %-12s %-10s %-6s %-7s %-8s %-9s %-9s %-6s\n", "project","config","tests","failed","demoted","escaping","time(s)","base(s)","ratio";
          printf "%-18s %-12s %-10s %-6s %-7s %-8s %-9s %-9s %-6s\n", "-------","------","-----","------","-------","--------","-------","-------","-----" }
  { t[$1 SUBSEP $2] = $6; rows[NR] = $0 }
  END {
    for (i = 1; i <= NR; i++) {
      split(rows[i], f, "\t")
      base = f[2]; sub(/\+?plugin$/, "", base); if (base == "") base = "plain"
      bt = t[f[1] SUBSEP base]; ratio = "-"
      if (f[2] ~ /plugin/ && bt + 0 > 0 && f[6] + 0 > 0) ratio = sprintf("%.2f", f[6] / bt)
      if (f[2] !~ /plugin/) bt = "-"
      if (f[7] == "") f[7] = "-"
      printf "%-18s %-12s %-10s %-6s %-7s %-8s %-9s %-9s %-6s\n", f[1], f[2], f[3], f[4], f[5], f[7], f[6], bt, ratio
    }
  }' "$RESULTS"
echo
if [ ${#REGRESS[@]} -gt 0 ]; then
  echo "REGRESSIONS WITH THE PLUGIN:"
  printf '  %s\n' "${REGRESS[@]}"
fi
[ $FAIL = 0 ] && echo "OK: no test fails with the plugin that passes without it."
exit $FAIL
