#!/usr/bin/env bash
# Linker launcher for tools/real-projects/run.sh --lto:
#
#   link-wrapper.sh LINKER-DRIVER ARGS...      (CMAKE_<LANG>_LINKER_LAUNCHER, CMake >= 3.21)
#
# Runs the link command under /usr/bin/time and, when ESCAPE_RP_LINKS is set, appends
#   status<TAB>output<TAB>wall-s<TAB>user-s<TAB>sys-s<TAB>cwd
# to it (user and sys include the children: clang's driver, ld.lld and the LTO
# backend it runs in-process).  Under full LTO the escape pass runs here, at link time.
# When the link crashed (exit status >= 128, or an LLVM crash banner on stderr), it saves
# the command, its stderr and, for ld.lld, a --reproduce tarball of every input under
# $ESCAPE_RP_CRASHES/link-<output name>.<n>/ and appends "LCRASH<TAB>output<TAB>dir<TAB>cwd".
# The link's exit status and output are passed through unchanged.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/crash-dir.sh"
[ $# -ge 1 ] || { echo "usage: link-wrapper.sh LINKER-DRIVER ARGS..." >&2; exit 2; }

out="" prev=""
for a in "$@"; do
  [ "$prev" = "-o" ] && out=$a
  prev=$a
done

errf=$(mktemp "${TMPDIR:-/tmp}/escape-ld.XXXXXX")
timef=$(mktemp "${TMPDIR:-/tmp}/escape-ld-time.XXXXXX")
/usr/bin/time -f '%e %U %S' -o "$timef" "$@" 2>"$errf"
rc=$?
cat "$errf" >&2
# time(1) writes "Command exited with non-zero status N" before the figures
read -r wall user sys < <(tail -1 "$timef")

crashed=0
if [ $rc -ge 128 ] || grep -qE 'PLEASE submit a bug report|^Stack dump:|frontend command failed due to signal' "$errf"; then
  crashed=1
fi
if [ $crashed = 1 ] && [ -n "${ESCAPE_RP_CRASHES:-}" ]; then
  base=link-$(basename "${out:-a.out}")
  d=$(new_crash_dir "$base")
  cp "$errf" "$d/stderr.txt"
  { printf 'cd %q\n' "$PWD"; printf '%q ' "$@"; echo; } > "$d/command.sh"
  # every input of the link, for ld.lld: tar xf repro.tar; cd repro; ld.lld @response.txt
  "$@" "-Wl,--reproduce=$d/repro.tar" >/dev/null 2>>"$d/stderr-reproduce.txt" || true
  [ -n "${ESCAPE_RP_LINKS:-}" ] && printf 'LCRASH\t%s\t%s\t%s\n' "${out:--}" "$d" "$PWD" >> "$ESCAPE_RP_LINKS"
fi
if [ -n "${ESCAPE_RP_LINKS:-}" ]; then
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$rc" "${out:--}" "${wall:--}" "${user:--}" "${sys:--}" "$PWD" >> "$ESCAPE_RP_LINKS"
fi
rm -f "$errf" "$timef"
exit $rc
