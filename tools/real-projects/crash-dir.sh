# Sourced by cc-wrapper.sh and link-wrapper.sh.
#
# new_crash_dir BASE: creates and prints $ESCAPE_RP_CRASHES/BASE.N, the first N (from 0)
# not taken, for what a crashed compile or link leaves behind (command, stderr, inputs).
new_crash_dir() {
  local n=0
  while [ -e "$ESCAPE_RP_CRASHES/$1.$n" ]; do n=$((n + 1)); done
  mkdir -p "$ESCAPE_RP_CRASHES/$1.$n"
  printf '%s\n' "$ESCAPE_RP_CRASHES/$1.$n"
}
