#!/usr/bin/env bash
# add-o.sh COMMAND ARGS...: run COMMAND ARGS; to a compile (-c) of one source file without
# -o it adds "-o NAME.o" (the object the compiler would write anyway), so that the compiler
# launcher in COMMAND (tools/real-projects/cc-wrapper.sh) knows the object and writes its
# JSON report beside it. For hand-written makefiles whose rule is `$(CXX) -c $<` (gperf).
c=0 o=0 src="" n=0
for a in "$@"; do
  case "$a" in
    -c) c=1 ;;
    -o) o=1 ;;
    -E|-M|-MM) c=0; break ;;
    -*) ;;
    *.c|*.cc|*.cxx|*.cpp|*.C) src=$a; n=$((n + 1)) ;;
  esac
done
if [ $c = 1 ] && [ $o = 0 ] && [ $n = 1 ]; then
  b=$(basename "$src")
  exec "$@" -o "${b%.*}.o"
fi
exec "$@"
