#!/usr/bin/env bash
# bench/real: real programs from Debian source packages, built with clang++-19 -O2
# without and with the escape plugin, each running a workload like its real use.
#
#   bench/real/run.sh [--quick] [--runs N] [--programs "a b"] [--no-tests] [--lto] [--list]
#                     [--table]
#
# For every program: fetch the source package (a private deb-src list derived from the
# system's deb822 sources, as tools/real-projects/run.sh does), build it three ways
# (plain: -O2; plugin: -O2 -fplugin=libEscape.so, and every translation unit writes its
# JSON report through tools/real-projects/cc-wrapper.sh; asan+plugin: the plugin build
# with -fsanitize=address), generate the workload's input, then
#   1. run the workload once per build under the allocation counters (LD_PRELOAD of
#      libAllocCount.so for the count, bench/real/alloc_bytes.c for the bytes) and compare
#      the outputs (stdout and exit status, after the program's normaliser when its output
#      holds timings): a difference is a miscompile;
#   2. run the workload under asan+plugin (ASAN_OPTIONS=detect_stack_use_after_return=1)
#      at the --quick size, and compare its output too;
#   3. time N runs of plain and plugin, interleaved: CPU time (user + sys) of the process,
#      mean +- sd; speedup = plain mean / plugin mean;
#   4. run the program's own test suite with plain, plugin and asan+plugin.
# The table gives allocations, bytes, times, the allocation sites of the plugin build's
# JSON reports (moved / escaping / kept, unique source positions, the worst verdict of a
# position compiled into several TUs; the test programs' TUs excluded), and a histogram of
# the reasons sites stay on the heap over all programs.
#
# Options: --quick (small workloads, 1 timed run, no asan workload), --runs N (timed runs,
# default 5), --programs "a b" (default: all), --no-tests (skip the test suites), --list,
# --table (print the table of the last run again).  Environment: ESCAPE_PLUGIN (default
# build/lib/libEscape.so), ESCAPE_ALLOC_COUNT (default build/lib/libAllocCount.so),
# BENCH_REAL_WORK (default build/bench-real: sources, builds, inputs, results; builds are
# reused while their recipe and, for the plugin builds, the plugin are unchanged), JOBS (2).
#
# Exit status: 1 when an output differs, a build fails only with the plugin, a test
# passes without the plugin and fails with it (or with plugin + ASan), or the asan
# workload fails; 3 when a source package could not be fetched; 2 on a setup error.
set -u -o pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/real
PLUGIN=${ESCAPE_PLUGIN:-$ROOT/build/lib/libEscape.so}
COUNTER=${ESCAPE_ALLOC_COUNT:-$ROOT/build/lib/libAllocCount.so}
WORK=${BENCH_REAL_WORK:-$ROOT/build/bench-real}
JOBS=${JOBS:-2}
RUNS=5
QUICK=0
TESTS=1
MODES="tu"
ALL_PROGRAMS="yaml-cpp jsoncpp ninja gperf leveldb cmark hunspell"
PROGRAMS=""
WRAP=$ROOT/tools/real-projects/cc-wrapper.sh

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1; RUNS=1 ;;
    --runs) RUNS=$2; shift ;;
    --runs=*) RUNS=${1#*=} ;;
    --programs) PROGRAMS=$2; shift ;;
    --programs=*) PROGRAMS=${1#*=} ;;
    --no-tests) TESTS=0 ;;
    --lto) MODES="tu lto" ;;
    --lto-only) MODES="lto" ;;
    --list) echo "$ALL_PROGRAMS"; exit 0 ;;
    --table) exec python3 "$HERE/table.py" "$WORK/results" ;;
    -h|--help) sed -n '2,40p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$PROGRAMS" ] || PROGRAMS=$ALL_PROGRAMS
for p in $PROGRAMS; do
  case " $ALL_PROGRAMS " in *" $p "*) ;; *) echo "unknown program: $p (--list)" >&2; exit 2 ;; esac
done
[ -f "$PLUGIN" ] || { echo "plugin not found: $PLUGIN (build the repository first, or set ESCAPE_PLUGIN)" >&2; exit 2; }
for t in clang-19 clang++-19 cmake ninja make python3 apt-get dpkg-source size; do
  command -v $t >/dev/null || { echo "missing tool: $t" >&2; exit 2; }
done
case " $MODES " in *" lto "*)
  for t in ld.lld-19 llvm-ar-19 llvm-ranlib-19; do
    command -v $t >/dev/null || { echo "missing tool for --lto: $t (apt-get install lld-19 llvm-19)" >&2; exit 2; }
  done ;;
esac

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
mkdir -p "$WORK/plugin" "$WORK/src" "$WORK/build" "$WORK/data" "$WORK/results"

# a private copy of the plugin (the clang plugin loads libEscapeClang.so beside it)
for f in "$(dirname "$PLUGIN")"/libEscape*.so; do
  cmp -s "$f" "$WORK/plugin/$(basename "$f")" || cp "$f" "$WORK/plugin/"
done
PLUGIN=$WORK/plugin/$(basename "$PLUGIN")
PLUGIN_MD5=$(cat "$WORK"/plugin/libEscape*.so | md5sum | cut -c1-12)
# the counters: libAllocCount.so (the project's), libAllocBytes.so (bytes; built here)
if [ ! -f "$COUNTER" ]; then
  echo "allocation counter not found: $COUNTER; building it from tools/alloc-count" >&2
  clang-19 -O2 -shared -fPIC -o "$WORK/libAllocCount.so" "$ROOT/tools/alloc-count/alloc_count.c" -ldl || exit 2
  COUNTER=$WORK/libAllocCount.so
fi
BYTES=$WORK/libAllocBytes.so
if [ ! -f "$BYTES" ] || [ "$HERE/alloc_bytes.c" -nt "$BYTES" ]; then
  clang-19 -O2 -shared -fPIC -o "$BYTES" "$HERE/alloc_bytes.c" || exit 2
fi
# sanity: the plugin loads, demotes and writes JSON
printf 'void g(int);\nint f(int n){int *p=new int[4]; for(int i=0;i<n;i++) p[i&3]+=i; g(p[1]); int r=p[n&3]; delete[] p; return r;}\n' > "$WORK/sanity.cpp"
rm -f "$WORK/sanity.json"
if ! clang++-19 -O2 -fplugin="$PLUGIN" -fplugin-arg-escape-json="$WORK/sanity.json" -c "$WORK/sanity.cpp" -o /dev/null \
   || ! grep -q '"moved": *true' "$WORK/sanity.json"; then
  echo "plugin sanity check failed ($PLUGIN): no moved site in $WORK/sanity.json" >&2; exit 2
fi
echo "plugin: $PLUGIN (md5 $PLUGIN_MD5); counter: $COUNTER"

# ---------------------------------------------------------------- fetching --
# apt_install, srcdir_of: as tools/real-projects/run.sh fetches and installs.
SRC=$WORK/src
APT=$WORK/apt
# shellcheck source=tools/real-projects/debian-sources.sh
source "$ROOT/tools/real-projects/debian-sources.sh"

# ------------------------------------------------------------------ recipes --
# Per program P:
#   pkg_P                the Debian source package
#   deps_P               Debian packages its build or tests need
#   build_P SRC B        configure and build into B (CC, CXX, CFLAGS, CXXFLAGS, LDFLAGS set)
#   input_P D SIZE       write the workload's input into D (SIZE: full or quick)
#   cmd_P B D            the workload: a command line (run with exec; stdout is compared)
#   test_P SRC B         run its test suite in B; exit status 0 when it passes
#   norm_P               optional: a filter for the output before the comparison
#   notests_P            optional: regexp of object paths that are not the program's (tests)
#   targets_P            optional: the CMake targets of the workload (the plain build makes
#                        only these; the plugin builds make everything, tests included)
#   nodiff_P             optional: names of files the workload writes that are not compared
#   counts_P             optional: counted runs per build (default 1); the median is taken
#                        (for a program whose threads make the count vary)
# cmake_build SRC B ARGS...: the common CMake build
cmake_build() {
  local src=$1 b=$2; shift 2
  cmake -G Ninja -S "$src" -B "$b" -DCMAKE_BUILD_TYPE=None -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_C_COMPILER_LAUNCHER="$WRAP" -DCMAKE_CXX_COMPILER_LAUNCHER="$WRAP" \
    ${BENCH_LTO:+-DCMAKE_AR=$(command -v llvm-ar-19) -DCMAKE_RANLIB=$(command -v llvm-ranlib-19)} "$@" \
    && cmake --build "$b" -j "$JOBS" ${BENCH_TARGETS:+--target $BENCH_TARGETS}
}
ctest_run() { (cd "$1" && ctest -j "${2:-$JOBS}" --timeout 900 --output-on-failure); }

# yaml-cpp: its `parse` tool (util/parse.cpp: YAML::Load, then emit the document) on a
# 7.5 MB service inventory
pkg_yaml-cpp() { echo yaml-cpp; }
targets_yaml-cpp() { echo yaml-cpp-parse; }
deps_yaml-cpp() { echo "libgtest-dev libgmock-dev"; }
build_yaml-cpp() { cmake_build "$1" "$2" -DYAML_CPP_BUILD_TESTS=ON -DYAML_CPP_BUILD_TOOLS=ON -DBUILD_SHARED_LIBS=OFF; }
input_yaml-cpp() { python3 "$HERE/gen.py" yaml "$([ "$2" = quick ] && echo 2000 || echo 20000)" "$1/inventory.yaml"; }
cmd_yaml-cpp() { echo "$1/util/parse $2/inventory.yaml"; }
test_yaml-cpp() { ctest_run "$2"; }
notests_yaml-cpp() { echo '/test/'; }

# jsoncpp: jsontestrunner (parse a document, print every value with its path, write it
# back and re-parse: its test driver) on a 16 MB event log
pkg_jsoncpp() { echo libjsoncpp; }
targets_jsoncpp() { echo jsontestrunner_exe; }
deps_jsoncpp() { echo ""; }
build_jsoncpp() { cmake_build "$1" "$2" -DJSONCPP_WITH_TESTS=ON -DJSONCPP_WITH_POST_BUILD_UNITTEST=OFF \
                    -DBUILD_OBJECT_LIBS=OFF -DBUILD_STATIC_LIBS=ON -DBUILD_SHARED_LIBS=OFF -DCCACHE_EXECUTABLE=OFF; }
input_jsoncpp() { python3 "$HERE/gen.py" json "$([ "$2" = quick ] && echo 5000 || echo 50000)" "$1/events.json"; }
cmd_jsoncpp() { echo "$1/bin/jsontestrunner_exe $2/events.json"; }
test_jsoncpp() { ctest_run "$2" 1; }   # two tests write the same files
notests_jsoncpp() { echo '/src/test_lib_json/'; }

# ninja: a dry run (-n) of a clean build of a generated C++ project: 25,000 compile
# edges in 125 static libraries, 10 links; it parses the manifest, evaluates every
# command and walks the graph (source files are phony edges, so nothing is stat'ed
# into an error)
pkg_ninja() { echo ninja-build; }
deps_ninja() { echo ""; }
build_ninja() { cmake_build "$1" "$2" -DBUILD_TESTING=ON; }
targets_ninja() { echo ninja; }
input_ninja() { python3 "$HERE/gen.py" ninja "$([ "$2" = quick ] && echo 2500 || echo 25000)" "$1/build.ninja"; }
cmd_ninja() { echo "$1/ninja -C $2 -n -j1"; }
test_ninja() { (cd "$2" && ./ninja_test); }
notests_ninja() { echo '_test\.cc|perftest|hash_collision_bench|/src/test\.cc'; }

# gperf: a perfect hash function for 2,000 generated keywords, as C++ (--language=C++)
pkg_gperf() { echo gperf; }
deps_gperf() { echo ""; }
# (C++98 code: 'register' is an error in clang's default C++17 unless -Wno-register)
# (its makefiles compile with `$(CXX) -c $<`, without -o: add-o.sh names the object)
build_gperf() { "$1/configure" CC="$HERE/add-o.sh $WRAP clang-19" CXX="$HERE/add-o.sh $WRAP clang++-19" \
                  CXXFLAGS="$CXXFLAGS -Wno-register" >configure.log && make -j "$JOBS"; }
input_gperf() { python3 "$HERE/gen.py" gperf "$([ "$2" = quick ] && echo 300 || echo 2000)" "$1/keywords.gperf"; }
cmd_gperf() { echo "$1/src/gperf $2/keywords.gperf"; }
test_gperf() { make -C "$2/tests" check; }
norm_gperf() { sed '/^\/\* Command-line: /d'; }   # it names the binary that made it
notests_gperf() { echo '/tests/'; }

# leveldb: db_bench (fillseq, fillrandom, overwrite, readrandom, readseq, seekrandom,
# deleterandom over 100,000 100-byte values); its timings are masked before the
# outputs are compared, and the database directory is not compared
pkg_leveldb() { echo leveldb; }
deps_leveldb() { echo "libgtest-dev libgmock-dev libbenchmark-dev"; }
build_leveldb() { cmake_build "$1" "$2" -DLEVELDB_BUILD_TESTS=ON -DLEVELDB_BUILD_BENCHMARKS=ON -DBUILD_SHARED_LIBS=OFF; }
targets_leveldb() { echo db_bench; }
input_leveldb() { echo "$([ "$2" = quick ] && echo 10000 || echo 100000)" > "$1/num"; }
cmd_leveldb() { echo "$1/db_bench --db=db --num=$(cat "$2/num") --benchmarks=fillseq,fillrandom,overwrite,readrandom,readseq,seekrandom,deleterandom,readrandom"; }
norm_leveldb() { sed -E -e '/^(Date|CPU|CPUCache|WARNING|LevelDB): /d' -e 's/^([a-z]+) *:.*micros\/op;[^(]*(\(.*\))?.*$/\1 \2/'; }
nodiff_leveldb() { echo db; }
counts_leveldb() { echo 5; }   # its compaction thread makes the count vary by a few %
test_leveldb() { ctest_run "$2"; }
notests_leveldb() { echo '_test\.cc|/benchmarks/|/util/testutil|/helpers/memenv'; }

# hunspell: spell-check 2,000 words of text in ispell pipe mode (-a: a verdict per word and
# suggestions for the 8% misspelled ones) against a generated dictionary of 40,000 stems
# with prefix and suffix rules (the text and the .dic/.aff beside it come from gen.py)
pkg_hunspell() { echo hunspell; }
deps_hunspell() { echo ""; }
build_hunspell() { "$1/configure" CC="$WRAP clang-19" CXX="$WRAP clang++-19" --disable-shared --disable-nls \
                     --without-ui --without-readline >configure.log && make -j "$JOBS"; }
input_hunspell() { python3 "$HERE/gen.py" hunspell "$([ "$2" = quick ] && echo 300 || echo 2000)" "$1/text.txt"; }
cmd_hunspell() { echo "$1/src/tools/hunspell -d $2/text -a < $2/text.txt"; }
test_hunspell() { make -C "$2/tests" check; }
notests_hunspell() { echo '/tests/'; }

# cmark (C): CommonMark to HTML of a 5 MB generated document
pkg_cmark() { echo cmark; }
deps_cmark() { echo ""; }
build_cmark() { cmake_build "$1" "$2" -DCMARK_TESTS=ON -DCMARK_SHARED=OFF; }
targets_cmark() { echo cmark; }
input_cmark() { python3 "$HERE/gen.py" markdown "$([ "$2" = quick ] && echo 2000 || echo 20000)" "$1/doc.md"; }
cmd_cmark() { echo "$1/src/cmark --to html $2/doc.md"; }
test_cmark() { ctest_run "$2"; }
notests_cmark() { echo '/api_test/'; }

# ------------------------------------------------------------------- driver --
main() {
FAIL=0
FETCHFAIL=0
PROBLEMS=()
problem() { PROBLEMS+=("$1"); FAIL=1; echo "   !! $1"; }
# recipe_hash P: changes when the program's build recipe changes
recipe_hash() { { declare -f "build_$1"; declare -f "targets_$1" 2>/dev/null; } | md5sum | cut -c1-12; }

# build_cfg P SRC CFG -> 0 when B=$WORK/build/P/CFG holds a build (reused when its stamp matches)
build_cfg() {
  local p=$1 src=$2 cfg=$3 b=$WORK/build/$1/$3
  local flags="-O2" ldflags="" json=0 lto=""
  case "$cfg" in *asan*) flags="$flags -fsanitize=address -fno-omit-frame-pointer"; ldflags="-fsanitize=address" ;; esac
  case "$cfg" in *plugin*) flags="$flags -fplugin=$PLUGIN" ;; esac
  # whole-program builds: the link (LLD) runs the escape pass over the whole program
  case "$cfg" in *-lto) flags="$flags -flto"; ldflags="$ldflags -fuse-ld=lld"; lto=1 ;; esac
  case "$cfg" in plugin-lto) ldflags="$ldflags -Wl,--load-pass-plugin=$PLUGIN" ;; esac
  case "$cfg" in plugin|plugin-lto) json=1 ;; esac
  local stamp
  stamp="$(recipe_hash "$p") $flags $ldflags"
  case "$cfg" in *plugin*) stamp="$stamp $PLUGIN_MD5" ;; esac
  if [ -f "$b/.bench-stamp" ] && [ "$(cat "$b/.bench-stamp")" = "$stamp" ]; then
    echo "   [$cfg] reusing the build in $b"; return 0
  fi
  rm -rf "$b"; mkdir -p "$b"
  echo "   [$cfg] building in $b"
  local t0=$SECONDS rc=0
  local targets=""
  case "$cfg" in plain|plain-lto) declare -F "targets_$p" >/dev/null && targets=$("targets_$p") ;; esac
  # ASAN_OPTIONS: configure scripts run test programs, some of which leak (autoconf's
  # iconv check); whether LeakSanitizer sees such a leak depends on the code generated, so
  # it would turn features off in one build and not in another
  ( [ -n "$lto" ] && export BENCH_LTO=1 AR=llvm-ar-19 RANLIB=llvm-ranlib-19
    export ASAN_OPTIONS=detect_leaks=0 BENCH_TARGETS="$targets" CC=clang-19 CXX=clang++-19 CFLAGS="$flags" CXXFLAGS="$flags" LDFLAGS="$ldflags" \
           ESCAPE_RP_JSON=$json ESCAPE_RP_LOG="$b/tus.log" ESCAPE_RP_CRASHES="$WORK/crashes/$p-$cfg"
    cd "$b" && "build_$p" "$src" "$b" ) >"$b.build.log" 2>&1 || rc=$?
  mv "$b.build.log" "$b/build.log" 2>/dev/null || true
  if grep -q '^CRASH' "$b/tus.log" 2>/dev/null; then
    problem "$p [$cfg]: clang crashed (reproducers under $WORK/crashes/$p-$cfg)"
  fi
  if [ $rc != 0 ]; then echo "   [$cfg] build FAILED ($((SECONDS - t0)) s), see $b/build.log"; grep -E 'error:|FAILED' "$b/build.log" | head -n 10; return 1; fi
  echo "$stamp" > "$b/.bench-stamp"
  echo "   [$cfg] built in $((SECONDS - t0)) s"
}

# runcmd P CFG SIZE O PRELOAD-ENV: the command line of one workload run, in output dir O
runcmd() {
  local p=$1 cfg=$2 size=$3 o=$4 env=$5
  echo "cd $o && $env exec $(cmd_$p "$WORK/build/$p/$cfg" "$WORK/data/$p/$size")"
}
# norm P FILE: the program's output, normalised
norm() { if declare -F "norm_$1" >/dev/null; then "norm_$1" < "$2"; else cat "$2"; fi; }
# outputs_same P DIR1 DIR2 [STEM]: stdout (normalised), exit status, and the files the run wrote
outputs_same() {
  local p=$1 a=$2 b=$3
  cmp -s "$a.status" "$b.status" || return 1
  cmp -s <(norm "$p" "$a.stdout") <(norm "$p" "$b.stdout") || return 1
  local x=() n
  if declare -F "nodiff_$p" >/dev/null; then for n in $("nodiff_$p"); do x+=(-x "$n"); done; fi
  diff -r --no-dereference "${x[@]}" "$a" "$b" >/dev/null 2>&1 || return 1
}

# run_mode P SRC MODE: build, run, time and test P one way. MODE tu: one translation unit
# at a time (plain, plugin, asan+plugin); MODE lto: full LTO (plain-lto, plugin-lto: the
# plugin at the compile steps and in the link's LTO pipeline). Results under the key P
# (tu) or P+lto (lto).
run_mode() {
  local p=$1 src=$2 mode=$3
  local key=$p PL=plain PG=plugin
  [ "$mode" = lto ] && key=$p+lto PL=plain-lto PG=plugin-lto
  echo "$key" >> "$WORK/results/order"
  R=$WORK/results/$key.tsv
  : > "$R"
  rec() { printf '%s\t%s\n' "$1" "$2" >> "$R"; }
  rec src "$src"
  if ! build_cfg "$p" "$src" $PL; then rec status build-failed; return; fi
  if ! build_cfg "$p" "$src" $PG; then rec status plugin-build-failed; problem "$p: builds without the plugin but not with it ($WORK/build/$p/$PG/build.log)"; return; fi
  asan_ok=0
  if [ "$mode" = tu ]; then
    asan_ok=1
    build_cfg "$p" "$src" asan+plugin || { asan_ok=0; problem "$p: the asan+plugin build fails ($WORK/build/$p/asan+plugin/build.log)"; }
  fi
  rec status ok
  rec build "$WORK/build/$p/$PG"
  declare -F "notests_$p" >/dev/null && rec notests "$(notests_$p)"
  # inputs
  size=full; [ $QUICK = 1 ] && size=quick
  for s in $size quick; do
    d=$WORK/data/$p/$s
    st="$(declare -f "input_$p" | md5sum | cut -c1-12) $(md5sum < "$HERE/gen.py" | cut -c1-12)"
    if [ ! -f "$d/.stamp" ] || [ "$(cat "$d/.stamp")" != "$st" ]; then
      rm -rf "$d"; mkdir -p "$d"
      "input_$p" "$d" "$s" || { problem "$p: could not make its $s input"; return; }
      echo "$st" > "$d/.stamp"
    fi
  done
  rec workload "$(cmd_$p "$WORK/build/$p/$PG" "$WORK/data/$p/$size" | sed "s|$WORK/|<work>/|g")"
  # 1. counted runs, outputs compared
  O=$WORK/run/$key
  rm -rf "$O"; mkdir -p "$O"
  ncount=1
  declare -F "counts_$p" >/dev/null && ncount=$("counts_$p")
  for cfg in $PL $PG; do
    ns=() nbs=() nbas=()
    for ((k = 1; k <= ncount; k++)); do
      rm -rf "$O/$cfg" "$O/$cfg-bytes"; mkdir -p "$O/$cfg" "$O/$cfg-bytes"
      read -r cpu wall rc < <(python3 "$HERE/measure.py" once "$O/$cfg" \
        "$(runcmd "$p" "$cfg" "$size" "$O/$cfg" "ALLOC_COUNT_FILE=$O/$cfg.count LD_PRELOAD=$COUNTER")")
      python3 "$HERE/measure.py" once "$O/$cfg-bytes" \
        "$(runcmd "$p" "$cfg" "$size" "$O/$cfg-bytes" "ALLOC_BYTES_FILE=$O/$cfg.bytes LD_PRELOAD=$BYTES")" >/dev/null
      ns+=("$(sed -nE 's/^alloc-count: ([0-9]+) .*/\1/p' "$O/$cfg.count" 2>/dev/null)")
      read -r x y < <(sed -nE 's/^alloc-bytes: ([0-9]+) bytes in ([0-9]+) .*/\1 \2/p' "$O/$cfg.bytes" 2>/dev/null)
      nbs+=("$x"); nbas+=("$y")
    done
    median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
    n=$(median "${ns[@]}"); nb=$(median "${nbs[@]}"); nb_allocs=$(median "${nbas[@]}")
    [ "$ncount" -gt 1 ] && echo "   [$cfg] heap allocations of $ncount runs: ${ns[*]}"
    k=plain; [ "$cfg" = $PG ] && k=plugin
    rec "allocs_$k" "${n:--}"; rec "bytes_$k" "${nb:--}"; rec "status_$k" "$rc"
    echo "   [$cfg] exit $rc, ${cpu}s cpu, ${n:-?} heap allocations, ${nb:-?} bytes"
    [ "${nb_allocs:-x}" = "${n:-y}" ] || echo "   note: the bytes counter saw ${nb_allocs:-?} allocations, libAllocCount.so ${n:-?}"
    [ "$rc" = 0 ] || problem "$p [$cfg]: the workload exits with $rc (stderr: $O/$cfg.stderr)"
  done
  # the workload's binary: its code size (`size`: text bytes) per build
  for cfg in $PL $PG; do
    k=plain; [ "$cfg" = $PG ] && k=plugin
    bin=$(cmd_$p "$WORK/build/$p/$cfg" "$WORK/data/$p/$size" | awk '{ print $1 }')
    rec "text_$k" "$(size -B "$bin" 2>/dev/null | awk 'NR == 2 { print $1 }')"
  done
  if outputs_same "$p" "$O/$PL" "$O/$PG"; then rec output same
  else rec output DIFFERS; problem "$p: the plugin build's output differs from the plain build's (diff $O/$PL* $O/$PG*)"; fi
  # 2. the quick workload under asan+plugin
  if [ $QUICK = 0 ] && [ $asan_ok = 1 ]; then
    for cfg in plain asan+plugin; do
      mkdir -p "$O/q-$cfg"
      python3 "$HERE/measure.py" once "$O/q-$cfg" \
        "$(runcmd "$p" "$cfg" quick "$O/q-$cfg" "ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0")" >/dev/null
    done
    if outputs_same "$p" "$O/q-plain" "$O/q-asan+plugin"; then rec asan_workload ok
    else rec asan_workload FAILED; problem "$p [asan+plugin]: the quick workload fails or differs (see $O/q-asan+plugin.stderr)"; fi
  fi
  # 3. timing
  echo "   timing: $RUNS runs each, interleaved"
  mkdir -p "$O/t-plain" "$O/t-plugin"
  python3 "$HERE/measure.py" time "$RUNS" "$WORK/results/$key.times.json" \
    "plain=$(runcmd "$p" $PL "$size" "$O/t-plain" "")" "plugin=$(runcmd "$p" $PG "$size" "$O/t-plugin" "")"
  # 4. test suites (results reused while the build is)
  if [ $TESTS = 1 ]; then
    local cfgs="$PL $PG"
    [ "$mode" = tu ] && cfgs="$cfgs asan+plugin"
    for cfg in $cfgs; do
      b=$WORK/build/$p/$cfg
      k=${cfg%-lto}
      # a plain build of the workload's targets only: its tests are not built
      if [ "$k" = plain ] && declare -F "targets_$p" >/dev/null; then rec "tests_$k" "-"; continue; fi
      [ -f "$b/.bench-stamp" ] || { rec "tests_$k" no-build; continue; }
      if [ ! -f "$b/test.status" ] || [ "$b/test.status" -ot "$b/.bench-stamp" ]; then
        trc=0
        ( export ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0; "test_$p" "$src" "$b" ) >"$b/test.log" 2>&1 || trc=$?
        echo "$trc" > "$b/test.status"
      fi
      trc=$(cat "$b/test.status")
      summary=$(grep -E 'tests passed, [0-9]+ tests? failed out of|^# (PASS|FAIL):|^\[  (PASSED|FAILED)  \]|^# TOTAL:' "$b/test.log" | tail -n 1)
      echo "   [$cfg] tests: $([ "$trc" = 0 ] && echo passed || echo "FAILED (exit $trc)") ${summary:+($summary)}"
      rec "tests_$k" "$([ "$trc" = 0 ] && echo pass || echo FAIL)"
    done
    tp=$(awk -F'\t' '$1 == "tests_plain" { print $2 }' "$R")
    for cfg in $PG $([ "$mode" = tu ] && echo asan+plugin); do
      k=${cfg%-lto}
      tc=$(awk -F'\t' -v k="tests_$k" '$1 == k { print $2 }' "$R")
      # (when the plain build has no tests, a failure counts as one with the plugin)
      if [ "$tc" = FAIL ] && [ "$tp" != FAIL ]; then problem "$p [$cfg]: its tests fail$([ "$tp" = pass ] && echo " (pass without the plugin)"); log $WORK/build/$p/$cfg/test.log"; fi
      if [ "$tc" = FAIL ] && [ "$tp" = FAIL ]; then echo "   note: its tests fail without the plugin too"; fi
    done
  fi
}

: > "$WORK/results/order"
for p in $PROGRAMS; do
  pkg=$(pkg_$p)
  echo "== $p ($pkg)"
  src=$(srcdir_of "$pkg") || { echo "   !! could not fetch $pkg"; printf 'status\tfetch-failed\n' > "$WORK/results/$p.tsv"; echo "$p" >> "$WORK/results/order"; FETCHFAIL=1; continue; }
  # shellcheck disable=SC2046
  apt_install $(deps_$p) || { printf 'status\tdeps-failed\n' > "$WORK/results/$p.tsv"; echo "$p" >> "$WORK/results/order"; problem "$p: could not install $(deps_$p)"; continue; }
  for mode in $MODES; do
    [ "$mode" = lto ] && echo "== $p, whole program (-flto)"
    run_mode "$p" "$src" "$mode"
  done
done

echo
echo "plugin md5 $PLUGIN_MD5; $(uptime | sed 's/.*load/load/')"
python3 "$HERE/table.py" "$WORK/results"
if [ ${#PROBLEMS[@]} -gt 0 ]; then
  echo "PROBLEMS:"; printf '  %s\n' "${PROBLEMS[@]}"
fi
[ $FAIL = 1 ] && exit 1
[ $FETCHFAIL = 1 ] && { echo "Some source packages could not be fetched."; exit 3; }
echo "OK: every output is identical with the plugin; no build or test fails only with the plugin."
exit 0
}
main
