#!/usr/bin/env bash
# Compiler launcher for tools/real-projects/run.sh:
#
#   cc-wrapper.sh COMPILER ARGS...        (CMAKE_<LANG>_COMPILER_LAUNCHER, or CC="cc-wrapper.sh clang-19")
#
# Runs COMPILER ARGS and, for a compile command (-c with -o OBJ):
#  - when ESCAPE_RP_JSON=1, appends -fplugin-arg-escape-json=OBJ.escape.json, so every
#    translation unit writes its own JSON report (a fixed json= path would be shared by
#    parallel compiles and by CMake's configure checks);
#  - when ESCAPE_RP_LOG is set, appends "status<TAB>object<TAB>json-or-dash<TAB>cwd" to it;
#  - when the compiler crashed (exit status >= 128, or clang's crash banner on stderr),
#    saves the command, its stderr and the preprocessed source under
#    $ESCAPE_RP_CRASHES/<object name>.<n>/, and logs the line "CRASH<TAB>..." to ESCAPE_RP_LOG.
# The compiler's exit status and output are passed through unchanged.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/crash-dir.sh"
[ $# -ge 1 ] || { echo "usage: cc-wrapper.sh COMPILER ARGS..." >&2; exit 2; }

obj="" compile=0 prev=""
for a in "$@"; do
  [ "$prev" = "-o" ] && obj=$a
  case "$a" in
    -c) compile=1 ;;
    -E|-M|-MM) compile=0; obj=""; break ;;
  esac
  prev=$a
done
[ $compile = 1 ] && [ -n "$obj" ] || obj=""

args=("$@")
json=-
if [ -n "$obj" ] && [ "${ESCAPE_RP_JSON:-0}" = 1 ]; then
  json=$obj.escape.json
  rm -f "$json"
  args+=("-fplugin-arg-escape-json=$json")
fi

errf=$(mktemp "${TMPDIR:-/tmp}/escape-cc.XXXXXX")
"${args[@]}" 2>"$errf"
rc=$?
cat "$errf" >&2

crashed=0
if [ $rc -ge 128 ] || grep -qE 'PLEASE submit a bug report|^Stack dump:|frontend command failed due to signal|frontend command failed with exit code (1[3-9][0-9]|2[0-9][0-9])' "$errf"; then
  crashed=1
fi

if [ $crashed = 1 ] && [ -n "${ESCAPE_RP_CRASHES:-}" ]; then
  base=$(basename "${obj:-tu}")
  d=$(new_crash_dir "$base")
  cp "$errf" "$d/stderr.txt"
  { printf 'cd %q\n' "$PWD"; printf '%q ' "${args[@]}"; echo; } > "$d/command.sh"
  # the preprocessed source: the same command with -E instead of -c, without -o and
  # without the plugin's json output
  pp=() skip=0
  for a in "${args[@]}"; do
    if [ $skip = 1 ]; then skip=0; continue; fi
    case "$a" in
      -o|-MF|-MT|-MQ) skip=1; continue ;;
      -c|-MD|-MMD|-fplugin-arg-escape-json=*) continue ;;
    esac
    pp+=("$a")
  done
  ext=ii
  case "${args[0]}" in *clang-[0-9]*|*gcc*|*/cc) ext=i ;; esac
  "${pp[@]}" -E -o "$d/preprocessed.$ext" 2>>"$d/stderr.txt" || true
  { printf 'cd %q\n' "$PWD"; printf '%q ' "${pp[@]}"; echo "-E -o preprocessed.$ext"; } > "$d/preprocess.sh"
  [ -n "${ESCAPE_RP_LOG:-}" ] && printf 'CRASH\t%s\t%s\t%s\n' "${obj:--}" "$d" "$PWD" >> "$ESCAPE_RP_LOG"
fi
if [ -n "$obj" ] && [ -n "${ESCAPE_RP_LOG:-}" ]; then
  printf '%s\t%s\t%s\t%s\n' "$rc" "$obj" "$json" "$PWD" >> "$ESCAPE_RP_LOG"
fi
rm -f "$errf"
exit $rc
