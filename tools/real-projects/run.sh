#!/usr/bin/env bash
# Build real C and C++ projects (Debian source packages) with and without the escape
# plugin, run their own test suites, and compare.
#
#   tools/real-projects/run.sh [--quick] [--projects "a b"] [--no-asan] [--no-ir-check]
#                              [--lto] [--jobs N] [--list] [--table RESULTS.tsv...]
#
# Configs: plain (-O2), plugin, asan, asan+plugin (ASan runs with
# ASAN_OPTIONS=detect_stack_use_after_return=1).  The plugin configs use the whole
# user-facing path: -fplugin=libEscape.so -fplugin-arg-escape-m=2
# -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape in CFLAGS/CXXFLAGS (so
# CMake's configure checks see it too), and a compiler launcher (cc-wrapper.sh) adds
# -fplugin-arg-escape-json=<object>.escape.json to every compile command.
# For every project and config it records: translation units compiled, allocation
# sites moved to the stack / escaping (counted from the JSON reports, each of which
# must parse), tests passed/total, and the build time.  Unless --no-ir-check, the IR
# of every TU of the plain build also goes through `opt -passes=escape -verify-each`
# and clang's O2 pipeline with `verify` around escape (verify_ir.py).
#
# Exits 1 on a regression: a test that passes without the plugin fails with it, a
# project that builds without the plugin does not with it, a compiler crash in any
# config (the TU's command, stderr and preprocessed source are saved under
# $ESCAPE_WORK/crashes/), a missing or broken JSON report, or opt crashing / the
# verifier failing on a project's IR.  Exits 3 when the only problem was that a source
# package could not be fetched ("could not fetch"), 2 on a usage or setup error.
#
# --quick (for CI): tinyxml2, libjsoncpp and yaml-cpp (whose tests use the system
# gtest/gmock headers), configs plain and plugin, IR check on tinyxml2 only.
# Run as root on Debian 12: missing build dependencies are installed with apt-get.
# Work directory: $ESCAPE_WORK (default <repo>/build/real-projects).
# Build times are wall-clock: on a shared machine the ratios are noisy.
#
# --lto: full LTO instead.  Configs lto-plain, lto-plugin, lto-asan, lto-asan+plugin:
# every compile has -flto (the compile step does not run the escape pass, it carries the
# report's source side in the bitcode), every link -flto -fuse-ld=lld, static archives
# are made with llvm-ar-19/llvm-ranlib-19, and the plugin configs also link with
# -Wl,--load-pass-plugin=libEscape.so: the escape pass runs once per link over the whole
# program and writes each TU's JSON report (json= of its compile step) at link time.
# A linker launcher (link-wrapper.sh) times every link (user+sys CPU, with its children);
# the table gives the link CPU time per config and its ratio to the config without the
# plugin, and the sites moved at link time beside those moved at compile time by the
# non-LTO plugin config of the same project (from results.tsv of an earlier run).
# Results go to $ESCAPE_WORK/results-lto.tsv and build/<project>/lto-*; the IR check
# is not run (it is the non-LTO run's).  A link crash is a regression (command, stderr
# and an ld.lld --reproduce tarball saved under $ESCAPE_WORK/crashes/).
set -u -o pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/tools/real-projects
PLUGIN=${ESCAPE_PLUGIN:-$ROOT/build/lib/libEscape.so}
WORK=${ESCAPE_WORK:-$ROOT/build/real-projects}
JOBS=2
QUICK=0
ASAN=1
IRCHECK=1
LTO=0
DEFAULT_PROJECTS="tinyxml2 libjsoncpp pugixml double-conversion gflags expat pcre2 snappy yaml-cpp"
# Also with a recipe here: brotli (passes; 59 TUs, slow), leveldb, libuv1, fmtlib, libzstd.
MORE_PROJECTS="brotli leveldb libuv1 fmtlib libzstd"
QUICK_PROJECTS="tinyxml2 libjsoncpp yaml-cpp"
PROJECTS=""

# print_table RESULTS.tsv...: the per-project table (of a --lto run: print_table_lto)
print_table() {
  if awk -F'\t' 'NF > 10 { lto = 1 } END { exit !lto }' "$@"; then print_table_lto "$@"; return; fi
  awk -F'\t' '
    BEGIN { printf "%-18s %-12s %-5s %-11s %-6s %-6s %-8s %-7s %-8s %-8s %-5s\n", "project","config","TUs","tests","failed","moved","escaping","remarks","time(s)","base(s)","ratio"
            printf "%-18s %-12s %-5s %-11s %-6s %-6s %-8s %-7s %-8s %-8s %-5s\n", "-------","------","---","-----","------","-----","--------","-------","-------","-------","-----" }
    { t[$1 SUBSEP $2] = $10; rows[NR] = $0 }
    END {
      for (i = 1; i <= NR; i++) {
        split(rows[i], f, "\t")
        base = f[2]; sub(/\+?plugin$/, "", base); if (base == "") base = "plain"
        bt = t[f[1] SUBSEP base]; ratio = "-"
        if (f[2] ~ /plugin/ && bt + 0 > 0 && f[10] + 0 > 0) ratio = sprintf("%.2f", f[10] / bt)
        if (f[2] !~ /plugin/) bt = "-"
        tests = (f[3] == "ok") ? f[4] : f[3]
        printf "%-18s %-12s %-5s %-11s %-6s %-6s %-8s %-7s %-8s %-8s %-5s\n", f[1], f[2], f[6], tests, f[5], f[7], f[8], f[9], f[10], bt, ratio
      }
    }' "$@"
}

# print_table_lto RESULTS-LTO.tsv...: the table of a --lto run; its rows have three more
# fields than the others: link CPU seconds (user+sys, all links), links, TUs without a
# report written at link time
print_table_lto() {
  awk -F'\t' '
    BEGIN { printf "%-18s %-16s %-5s %-11s %-6s %-6s %-8s %-7s %-6s %-9s %-6s %-8s %-8s %-5s\n", "project","config","TUs","tests","failed","moved","escaping","remarks","links","link-cpu","ratio","time(s)","base(s)","ratio"
            printf "%-18s %-16s %-5s %-11s %-6s %-6s %-8s %-7s %-6s %-9s %-6s %-8s %-8s %-5s\n", "-------","------","---","-----","------","-----","--------","-------","-----","--------","-----","-------","-------","-----" }
    { t[$1 SUBSEP $2] = $10; l[$1 SUBSEP $2] = $11; rows[NR] = $0 }
    END {
      for (i = 1; i <= NR; i++) {
        split(rows[i], f, "\t")
        base = f[2]; sub(/\+?plugin$/, "", base); if (base ~ /-$/) base = base "plain"
        bt = t[f[1] SUBSEP base]; bl = l[f[1] SUBSEP base]; ratio = "-"; lratio = "-"
        if (f[2] ~ /plugin/ && bt + 0 > 0 && f[10] + 0 > 0) ratio = sprintf("%.2f", f[10] / bt)
        if (f[2] ~ /plugin/ && bl + 0 > 0 && f[11] + 0 > 0) lratio = sprintf("%.2f", f[11] / bl)
        if (f[2] !~ /plugin/) bt = "-"
        tests = (f[3] == "ok") ? f[4] : f[3]
        printf "%-18s %-16s %-5s %-11s %-6s %-6s %-8s %-7s %-6s %-9s %-6s %-8s %-8s %-5s\n", f[1], f[2], f[6], tests, f[5], f[7], f[8], f[9], f[12], f[11], lratio, f[10], bt, ratio
      }
    }' "$@"
}

# moved_compile_vs_link RESULTS-LTO.tsv RESULTS.tsv: per project, the sites moved to the
# stack at link time (lto-plugin, lto-asan+plugin) beside those moved at compile time by
# the non-LTO configs (plugin, asan+plugin) of the last non-LTO run.
moved_compile_vs_link() {
  awk -F'\t' '
    FNR == NR { if ($2 ~ /plugin$/) m[$1 SUBSEP $2] = $7; next }
    $2 ~ /^lto-.*plugin$/ {
      c = substr($2, 5); cm = ((($1 SUBSEP c) in m) ? m[$1 SUBSEP c] : "no result")
      printf "%s: sites moved to the stack at link time [%s] %s (of %s TUs: %s without a link-time report); at compile time [%s] %s\n", $1, $2, $7, $6, $13, c, cm
    }' "$2" "$1"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --lto) LTO=1 ;;
    --quick) QUICK=1; ASAN=0 ;;
    --projects) PROJECTS=$2; shift ;;
    --projects=*) PROJECTS=${1#*=} ;;
    --no-asan) ASAN=0 ;;
    --no-ir-check) IRCHECK=0 ;;
    --jobs) JOBS=$2; shift ;;
    --table) shift; print_table "$@"; exit 0 ;;   # --table RESULTS.tsv...: print the table again
    --list) echo "default: $DEFAULT_PROJECTS"; echo "quick:   $QUICK_PROJECTS"; echo "more:    $MORE_PROJECTS"; exit 0 ;;
    -h|--help) sed -n '2,45p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$PROJECTS" ]; then
  if [ $QUICK = 1 ]; then PROJECTS=$QUICK_PROJECTS; else PROJECTS=$DEFAULT_PROJECTS; fi
fi
[ -f "$PLUGIN" ] || { echo "plugin not found: $PLUGIN (build the repo first)" >&2; exit 2; }

# ------------------------------------------------------------ dependencies --
# apt_install, srcdir_of (debian-sources.sh): build dependencies, and source
# packages through a private deb-src list derived from the system's sources.
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
SRC=$WORK/src
APT=$WORK/apt
# shellcheck source=tools/real-projects/debian-sources.sh
source "$HERE/debian-sources.sh"
apt_install cmake ninja-build make dpkg-dev python3 || exit 2
for t in clang-19 clang++-19 cmake ctest opt-19 python3 ninja dpkg-source; do
  command -v $t >/dev/null || { echo "missing tool: $t (tools/setup.sh installs LLVM 19)" >&2; exit 2; }
done
if [ $LTO = 1 ]; then
  # bitcode archives need LLVM's ar (its symbol table); the link needs ld.lld; time(1)
  [ -x /usr/bin/llvm-ar-19 ] && [ -x /usr/bin/llvm-ranlib-19 ] || apt_install llvm-19 || exit 2
  command -v ld.lld-19 >/dev/null || [ -x /usr/lib/llvm-19/bin/ld.lld ] || apt_install lld-19 || exit 2
  [ -x /usr/bin/time ] || apt_install time || exit 2
  for t in /usr/bin/llvm-ar-19 /usr/bin/llvm-ranlib-19 /usr/bin/time; do
    [ -x $t ] || { echo "missing tool: $t" >&2; exit 2; }
  done
fi

# Use a private copy of the plugin, so a rebuild during the run cannot mix versions.
# (the clang plugin loads libEscapeClang.so from its own directory: copy both)
# A rebuild in progress can leave the two files out of step: wait until neither has
# changed for 20 s (at most 5 minutes), and check that the copies match.
mkdir -p "$WORK/plugin"
for _ in $(seq 30); do
  newest=$(stat -c %Y "$(dirname "$PLUGIN")"/libEscape*.so | sort -n | tail -1)
  [ $(( $(date +%s) - newest )) -ge 20 ] && break
  echo "== waiting for the plugin build in $(dirname "$PLUGIN") to settle"; sleep 10
done
for f in "$(dirname "$PLUGIN")"/libEscape*.so; do
  cp "$f" "$WORK/plugin/"
  cmp -s "$f" "$WORK/plugin/$(basename "$f")" || { echo "plugin changed while copying: $f" >&2; exit 2; }
done
PLUGIN=$WORK/plugin/$(basename "$PLUGIN")
echo "plugin: $PLUGIN (md5 $(md5sum < "$PLUGIN" | cut -c1-12); $(for f in "$WORK"/plugin/libEscape*.so; do printf '%s %s ' "$(basename "$f")" "$(md5sum < "$f" | cut -c1-12)"; done))"
PLUGIN_FLAGS="-fplugin=$PLUGIN -fplugin-arg-escape-m=2 -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape"
WRAP=$HERE/cc-wrapper.sh
CRASHES=$WORK/crashes
mkdir -p "$CRASHES"
# sanity: the plugin must run under clang, report a demotion and write JSON
printf 'void g(int);\nint f(int n){int *p=new int[4]; for(int i=0;i<n;i++) p[i&3]+=i; g(p[1]); int r=p[n&3]; delete[] p; return r;}\n' > "$WORK/sanity.cpp"
# shellcheck disable=SC2086
rm -f "$WORK/sanity.json"
sanity=$(clang++-19 -O2 $PLUGIN_FLAGS -fplugin-arg-escape-json="$WORK/sanity.json" -c "$WORK/sanity.cpp" -o /dev/null 2>&1)
if ! grep -q 'moved to stack' <<<"$sanity" || ! grep -q '"moved": *true' "$WORK/sanity.json"; then
  echo "plugin sanity check failed: no 'moved to stack' remark or JSON entry for $WORK/sanity.cpp" >&2
  # shellcheck disable=SC2086
  clang++-19 -O2 $PLUGIN_FLAGS -fplugin-arg-escape-json="$WORK/sanity.json" -c "$WORK/sanity.cpp" -o /dev/null
  exit 2
fi
LWRAP=$HERE/link-wrapper.sh
if [ $LTO = 1 ]; then
  # sanity: under -flto the compile step defers; the link with the pass plugin must
  # demote and write the JSON report the compile step named
  printf 'int f(int);\nvoid g(int x){ if (x == 12345) __builtin_trap(); }\nint main(int argc, char **){ return f(argc + 5) == 7; }\n' > "$WORK/sanity-main.cpp"
  rm -f "$WORK/sanity-lto.json" "$WORK/sanity-lto"
  # shellcheck disable=SC2086
  sanity=$( { clang++-19 -O2 -flto $PLUGIN_FLAGS -fplugin-arg-escape-json="$WORK/sanity-lto.json" -c "$WORK/sanity.cpp" -o "$WORK/sanity-lto.o" &&
              clang++-19 -O2 -flto $PLUGIN_FLAGS -c "$WORK/sanity-main.cpp" -o "$WORK/sanity-main.o" &&
              clang++-19 -O2 -flto -fuse-ld=lld -Wl,--load-pass-plugin="$PLUGIN" "$WORK/sanity-lto.o" "$WORK/sanity-main.o" -o "$WORK/sanity-lto"; } 2>&1)
  if ! grep -q 'moved to stack' <<<"$sanity" || ! grep -q '"moved": *true' "$WORK/sanity-lto.json" 2>/dev/null; then
    echo "plugin LTO sanity check failed: no 'moved to stack' remark at the link or no moved site in $WORK/sanity-lto.json" >&2
    echo "$sanity" >&2
    exit 2
  fi
fi

# ------------------------------------------------------ per-project recipes --
# Every project is a Debian source package built with CMake and tested with ctest.
# pkg_of: the source package's name (jsoncpp is packaged as libjsoncpp, fmt as fmtlib).
pkg_of() {
  case "$1" in
    jsoncpp) echo libjsoncpp ;;
    fmt) echo fmtlib ;;
    libuv) echo libuv1 ;;
    zstd) echo libzstd ;;
    *) echo "$1" ;;
  esac
}
# deps_of: Debian packages its build or tests need beyond the toolchain.
deps_of() {
  case "$1" in
    yaml-cpp|fmtlib) echo "libgtest-dev libgmock-dev" ;;
    snappy) echo "libgtest-dev libgmock-dev libbenchmark-dev" ;;
    leveldb) echo "libgtest-dev libgmock-dev libbenchmark-dev" ;;
    *) echo "" ;;
  esac
}
# cmake_dir_of: the directory holding the top CMakeLists.txt, relative to the source.
cmake_dir_of() {
  case "$1" in
    expat) echo expat ;;
    libzstd) echo build/cmake ;;
    *) echo . ;;
  esac
}
cmake_args_of() {
  case "$1" in
    tinyxml2) echo "-DBUILD_TESTING=ON -Dtinyxml2_BUILD_TESTING=ON" ;;
    # jsoncpp makes ccache its compiler launcher whenever it finds one, replacing ours: a
    # found-but-false CCACHE_EXECUTABLE keeps find_program from searching.
    libjsoncpp) echo "-DJSONCPP_WITH_TESTS=ON -DJSONCPP_WITH_POST_BUILD_UNITTEST=OFF -DBUILD_OBJECT_LIBS=OFF -DBUILD_STATIC_LIBS=OFF -DCCACHE_EXECUTABLE=OFF" ;;
    pugixml) echo "-DBUILD_TESTING=ON -DPUGIXML_BUILD_TESTS=ON" ;;
    double-conversion) echo "-DBUILD_TESTING=ON" ;;
    fmtlib) echo "-DFMT_TEST=ON -DFMT_DOC=OFF" ;;
    yaml-cpp) echo "-DYAML_CPP_BUILD_TESTS=ON -DYAML_CPP_BUILD_TOOLS=OFF" ;;
    # Debian's build_static_lib.patch adds libsnappy.a beside the shared library: with
    # BUILD_SHARED_LIBS=OFF two rules would make libsnappy.a. Its patches use the system gtest.
    snappy) echo "-DSNAPPY_BUILD_TESTS=ON -DSNAPPY_BUILD_BENCHMARKS=OFF -DBUILD_SHARED_LIBS=ON" ;;
    gflags) echo "-DBUILD_TESTING=ON -DBUILD_SHARED_LIBS=ON" ;;
    brotli) echo "-DBUILD_TESTING=ON" ;;
    expat) echo "-DEXPAT_BUILD_TESTS=ON -DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_EXAMPLES=OFF" ;;
    pcre2) echo "-DPCRE2_BUILD_TESTS=ON -DPCRE2_BUILD_PCRE2GREP=ON -DPCRE2_SUPPORT_LIBZ=OFF -DPCRE2_SUPPORT_LIBBZ2=OFF -DPCRE2_SUPPORT_LIBREADLINE=OFF -DPCRE2_SUPPORT_LIBEDIT=OFF" ;;
    leveldb) echo "-DLEVELDB_BUILD_TESTS=ON -DLEVELDB_BUILD_BENCHMARKS=OFF" ;;
    libuv1) echo "-DBUILD_TESTING=ON -DLIBUV_BUILD_TESTS=ON -DLIBUV_BUILD_BENCH=OFF" ;;
    libzstd) echo "-DZSTD_BUILD_TESTS=ON -DZSTD_BUILD_PROGRAMS=ON -DZSTD_LEGACY_SUPPORT=OFF" ;;
    *) echo "-DBUILD_TESTING=ON" ;;
  esac
}
# prepare_src PROJECT SRCDIR: fix-ups of the unpacked source (idempotent).
prepare_src() {
  case "$1" in
    expat)
      # Debian's security patches test '#if XML_DTD == 1' (its autotools build defines
      # XML_DTD as 1); CMake's config header defines it empty.
      sed -i 's/^#cmakedefine XML_DTD$/#cmakedefine XML_DTD 1/' "$2/expat/expat_config.h.cmake" ;;
  esac
}
# ctest_jobs_of: jsoncpp's two reader/writer tests write the same <input>.actual
# files next to the test data, so they race when run in parallel.
ctest_jobs_of() {
  case "$1" in
    libjsoncpp) echo 1 ;;
    *) echo "$JOBS" ;;
  esac
}
# ctest_env_of PROJECT SRCDIR: environment for the tests.
ctest_env_of() {
  case "$1" in
    libuv1) echo "UV_TEST_TIMEOUT_MULTIPLIER=4" ;;
    pcre2) echo "srcdir=$2" ;;   # RunTest and RunGrepTest look for $srcdir/testdata
    *) echo "" ;;
  esac
}

# ------------------------------------------------------------------ build --
RESULTS=$WORK/results.tsv
[ $LTO = 1 ] && RESULTS=$WORK/results-lto.tsv
: > "$RESULTS"
FAIL=0
FETCHFAIL=0
REGRESS=()

now() { date +%s.%N; }
CRASH_RE='PLEASE submit a bug report|^Stack dump:|frontend command failed due to signal|frontend command failed with exit code (1[3-9][0-9]|2[0-9][0-9])'

# record PROJECT CONFIG STATUS TESTS FAILED TUS MOVED ESCAPING REMARKS SECS
record() { local IFS=$'\t'; echo "$*" >> "$RESULTS"; }

# crash_check PROJECT CONFIG LOG...: report compiler crashes seen in logs (configure
# checks do not go through the launcher; their output is in CMake's logs)
crash_check() {
  local proj=$1 cfg=$2; shift 2
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    if grep -qE "$CRASH_RE" "$f"; then
      REGRESS+=("$proj [$cfg]: compiler crash reported in $f"); FAIL=1
    fi
  done
}

# run_config PROJECT SRCDIR CONFIG  (CONFIG: plain plugin asan asan+plugin; with --lto
# lto-plain lto-plugin lto-asan lto-asan+plugin)
run_config() {
  local proj=$1 src=$2 cfg=$3
  local b=$WORK/build/$proj/$cfg
  local flags="-O2" ldflags="" json=0 lto=0
  case "$cfg" in lto-*) lto=1; flags="$flags -flto"; ldflags="-flto -fuse-ld=lld" ;; esac
  case "$cfg" in *asan*) flags="$flags -fsanitize=address -fno-omit-frame-pointer"; ldflags="${ldflags:+$ldflags }-fsanitize=address" ;; esac
  case "$cfg" in *plugin*) flags="$flags $PLUGIN_FLAGS"; json=1 ;; esac
  [ $lto = 1 ] && [ $json = 1 ] && ldflags="$ldflags -Wl,--load-pass-plugin=$PLUGIN"
  rm -rf "$b"; mkdir -p "$b"
  local log=$b/build.log tlog=$b/test.log tus=$b/tus.log links=$b/links.log
  : > "$tus"
  local env=(env CC=clang-19 CXX=clang++-19 CFLAGS="$flags" CXXFLAGS="$flags" LDFLAGS="$ldflags"
             ESCAPE_RP_JSON=$json ESCAPE_RP_LOG="$tus" ESCAPE_RP_CRASHES="$CRASHES/$proj-$cfg")
  # full LTO: lld for every link (timed by the linker launcher), LLVM's archiver
  local ltoargs=()
  if [ $lto = 1 ]; then
    : > "$links"
    env+=(ESCAPE_RP_LINKS="$links")
    ltoargs=(-DCMAKE_AR=/usr/bin/llvm-ar-19 -DCMAKE_RANLIB=/usr/bin/llvm-ranlib-19
             -DCMAKE_EXE_LINKER_FLAGS="$ldflags" -DCMAKE_SHARED_LINKER_FLAGS="$ldflags"
             -DCMAKE_MODULE_LINKER_FLAGS="$ldflags"
             -DCMAKE_C_LINKER_LAUNCHER="$LWRAP" -DCMAKE_CXX_LINKER_LAUNCHER="$LWRAP")
  fi
  echo "== $proj [$cfg] configure+build"
  # shellcheck disable=SC2046
  if ! (cd "$b" && "${env[@]}" cmake -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
          -DCMAKE_C_COMPILER_LAUNCHER="$WRAP" -DCMAKE_CXX_COMPILER_LAUNCHER="$WRAP" \
          "${ltoargs[@]}" $(cmake_args_of "$proj") "$src/$(cmake_dir_of "$proj")") >"$b/configure.log" 2>&1; then
    echo "   configure FAILED, see $b/configure.log"
    crash_check "$proj" "$cfg" "$b/configure.log" "$b/CMakeFiles/CMakeError.log"
    record "$proj" "$cfg" configure-failed - - - - - - -
    return 1
  fi
  crash_check "$proj" "$cfg" "$b/configure.log" "$b/CMakeFiles/CMakeError.log" "$b/CMakeFiles/CMakeOutput.log"
  local t0 t1 brc=0
  t0=$(now)
  "${env[@]}" cmake --build "$b" -j "$JOBS" >"$log" 2>&1 || brc=$?
  t1=$(now)
  # crashes: the launcher's records (with the saved reproducers), else the log
  local c
  while IFS=$'\t' read -r _ obj dir _; do
    REGRESS+=("$proj [$cfg]: clang crashed compiling $obj; reproducer in $dir (command.sh, preprocessed source)"); FAIL=1
  done < <(grep '^CRASH' "$tus")
  if [ $lto = 1 ]; then
    while IFS=$'\t' read -r _ out dir _; do
      REGRESS+=("$proj [$cfg]: the link of $out crashed; command, stderr and ld.lld --reproduce tarball in $dir"); FAIL=1
    done < <(grep '^LCRASH' "$links")
    { grep -q '^LCRASH' "$links" || grep -q '^CRASH' "$tus"; } || crash_check "$proj" "$cfg" "$log"
  else
    grep -q '^CRASH' "$tus" || crash_check "$proj" "$cfg" "$log"
  fi
  # translation units and the JSON reports
  local sum tuc moved escaping
  sum=$(python3 "$HERE/json_summary.py" "$tus" $([ $json = 1 ] && echo --expect-json) $([ $lto = 1 ] && echo --lto) 2>"$b/json-problems.txt")
  local s_tus=0 s_moved=0 s_escaping=0 s_bad_json=0 s_missing_json=0 s_json=0 s_no_link_json=0 s_compile_time_json=0
  eval "$(echo "$sum" | tr ' ' '\n' | grep -E '^[a-z_]+=[0-9]+$' | sed 's/^/s_/')"
  tuc=$s_tus moved=- escaping=-
  if [ $json = 1 ]; then
    moved=$s_moved escaping=$s_escaping
    if [ $((s_bad_json + s_missing_json)) -gt 0 ]; then
      REGRESS+=("$proj [$cfg]: $s_bad_json JSON reports do not parse, $s_missing_json missing (see $b/json-problems.txt)"); FAIL=1
    fi
    if [ $lto = 1 ] && [ "$s_compile_time_json" -gt 0 ]; then
      REGRESS+=("$proj [$cfg]: $s_compile_time_json JSON reports were written by the compile step, not the link (see $b/json-problems.txt)"); FAIL=1
    fi
    if [ $lto = 1 ] && [ "$s_tus" -gt 0 ] && [ "$s_json" = 0 ]; then
      REGRESS+=("$proj [$cfg]: no link wrote any JSON report (see $b/json-problems.txt)"); FAIL=1
    fi
  fi
  # full LTO: the CPU time of the links (configure checks excluded), and their count
  local linkcpu=- nlinks=-
  if [ $lto = 1 ]; then
    read -r linkcpu nlinks < <(awk -F'\t' '$1 != "LCRASH" && $6 !~ /CMakeScratch|CMakeTmp/ { s += $4 + $5; n++ }
                                         END { printf "%.2f %d\n", s, n }' "$links")
  fi
  if [ "$tuc" = 0 ]; then
    # Nothing went through cc-wrapper.sh: the project replaced the compiler launcher, so
    # neither the plugin's reports nor crashes were seen.
    REGRESS+=("$proj [$cfg]: no translation unit went through the compiler launcher (did the project replace CMAKE_CXX_COMPILER_LAUNCHER?)"); FAIL=1
  fi
  if [ $brc != 0 ]; then
    echo "   build FAILED, see $log"; grep -E 'error|FAILED' "$log" | head -20
    if [ $lto = 1 ]; then
      record "$proj" "$cfg" build-failed - - "$tuc" "$moved" "$escaping" - - "$linkcpu" "$nlinks" "$s_no_link_json"
    else
      record "$proj" "$cfg" build-failed - - "$tuc" "$moved" "$escaping" - -
    fi
    return 1
  fi
  local secs remarks
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
  if [ $lto = 1 ]; then
    # the link prints the report: "file:line:col: remark: ... moved to stack"
    remarks=$(grep -c 'remark: .*moved to stack' "$log")
    echo "   built in ${secs}s: $tuc TUs; $nlinks links, ${linkcpu}s link CPU; $moved sites moved to stack, $escaping escaping (JSON written at link time; $s_no_link_json TUs without one), $remarks moved-to-stack remarks; running tests"
  else
  remarks=$(grep -c 'moved to stack.*\[-Rpass=escape\]' "$log")
  echo "   built in ${secs}s: $tuc TUs; $moved sites moved to stack, $escaping escaping (JSON), $remarks moved-to-stack remarks; running tests"
  fi
  local trc=0
  (cd "$b" && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 $(ctest_env_of "$proj" "$src") \
     ctest -j "$(ctest_jobs_of "$proj")" --timeout 900 --output-on-failure) >"$tlog" 2>&1 || trc=$?
  local summary pass total failed
  summary=$(grep -E 'tests passed, [0-9]+ tests? failed out of' "$tlog" | tail -1)
  total=$(echo "$summary" | sed -nE 's/.*out of ([0-9]+).*/\1/p')
  failed=$(echo "$summary" | sed -nE 's/.*tests passed, ([0-9]+) tests? failed.*/\1/p')
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
  if [ $lto = 1 ]; then
    record "$proj" "$cfg" ok "$pass/$total" "$failed" "$tuc" "$moved" "$escaping" "$remarks" "$secs" "$linkcpu" "$nlinks" "$s_no_link_json"
  else
    record "$proj" "$cfg" ok "$pass/$total" "$failed" "$tuc" "$moved" "$escaping" "$remarks" "$secs"
  fi
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
  local bt pt bf pf
  bt=$(awk -F'\t' -v p="$proj" -v c="$base" '$1==p&&$2==c{print $4}' "$RESULTS")
  pt=$(awk -F'\t' -v p="$proj" -v c="$plug" '$1==p&&$2==c{print $4}' "$RESULTS")
  bf=$(awk -F'\t' -v p="$proj" -v c="$base" '$1==p&&$2==c{print $5}' "$RESULTS")
  pf=$(awk -F'\t' -v p="$proj" -v c="$plug" '$1==p&&$2==c{print $5}' "$RESULTS")
  if [ -z "$new" ] && [ "${pf:-0}" -gt "${bf:-0}" ] 2>/dev/null; then
    REGRESS+=("$proj [$plug]: $pf failures vs $bf in [$base]"); FAIL=1
  fi
  if [ "${bt#*/}" != "${pt#*/}" ]; then
    REGRESS+=("$proj [$plug]: $pt tests vs $bt in [$base] (a test went missing)"); FAIL=1
  fi
}

T_START=$(now)
n_ir=0
for p in $PROJECTS; do
  pkg=$(pkg_of "$p")
  src=$(srcdir_of "$pkg") || { echo "!! could not fetch $pkg"; record "$pkg" - fetch-failed - - - - - - -; FETCHFAIL=1; continue; }
  echo "== $pkg: $src"
  prepare_src "$pkg" "$src"
  # shellcheck disable=SC2046
  apt_install $(deps_of "$pkg") || { echo "!! could not install the build dependencies of $pkg"; FAIL=1; continue; }
  cfgs="plain plugin"
  [ $ASAN = 1 ] && cfgs="$cfgs asan asan+plugin"
  pre=""
  [ $LTO = 1 ] && pre="lto-"
  for c in $cfgs; do run_config "$pkg" "$src" "$pre$c"; done
  # --quick checks the IR of the first project only
  if [ $IRCHECK = 1 ] && [ $LTO = 0 ] && { [ $QUICK = 0 ] || [ $n_ir = 0 ]; } && [ -f "$WORK/build/$pkg/plain/compile_commands.json" ]; then
    n_ir=$((n_ir + 1))
    echo "== $pkg: its IR through opt (escape -verify-each; O2 with verify around escape)"
    if ! python3 "$HERE/verify_ir.py" --jobs "$JOBS" \
         "$WORK/build/$pkg/plain" "$WORK/build/$pkg/ir" "$PLUGIN"; then
      REGRESS+=("$pkg: opt crashed or the verifier failed on its IR (see above)"); FAIL=1
    fi
  fi
  compare "$pkg" "${pre}plain" "${pre}plugin"
  [ $ASAN = 1 ] && compare "$pkg" "${pre}asan" "${pre}asan+plugin"
done
T_END=$(now)

# ------------------------------------------------------------------ report --
echo
echo "Plugin: $PLUGIN (md5 $(md5sum < "$PLUGIN" | cut -c1-12))"
if [ $LTO = 1 ]; then
echo "Compile flags: -O2 -flto; of the plugin configs also $PLUGIN_FLAGS -fplugin-arg-escape-json=<object>.escape.json"
echo "Link flags: -flto -fuse-ld=lld; of the plugin configs also -Wl,--load-pass-plugin=$PLUGIN"
echo "moved/escaping: allocation sites from the JSON reports written at link time; remarks: 'moved to stack' remarks the links printed"
echo "link-cpu: user+sys seconds of all links; ratio: to the same config without the plugin"
print_table "$RESULTS"
echo
if [ -f "$WORK/results.tsv" ]; then moved_compile_vs_link "$RESULTS" "$WORK/results.tsv"; echo; fi
else
echo "Flags of the plugin configs: $PLUGIN_FLAGS -fplugin-arg-escape-json=<object>.escape.json"
echo "moved/escaping: allocation sites from the JSON reports; remarks: 'moved to stack' -Rpass remarks in the build log"
print_table "$RESULTS"
echo
fi
awk -v a="$T_START" -v b="$T_END" 'BEGIN{printf "Total time: %.0f s\n", b-a}'
if [ ${#REGRESS[@]} -gt 0 ]; then
  echo "REGRESSIONS WITH THE PLUGIN:"
  printf '  %s\n' "${REGRESS[@]}"
fi
if [ $FAIL = 0 ] && [ $FETCHFAIL = 1 ]; then
  echo "Some source packages could not be fetched (could not fetch); no regression in the others."
  exit 3
fi
if [ $LTO = 1 ]; then
[ $FAIL = 0 ] && echo "OK: no test fails with the plugin that passes without it; no compiler or linker crash; every JSON report written at link time parses."
else
[ $FAIL = 0 ] && echo "OK: no test fails with the plugin that passes without it; no compiler crash; every JSON report parses."
fi
exit $FAIL
