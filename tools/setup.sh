#!/usr/bin/env bash
# Prepare a fresh Debian bookworm machine and build escape.
#
#   bash tools/setup.sh [--tests]   (as root, from any directory)
#
# 1. installs the Debian packages that are missing (LLVM/Clang/LLD 19, CMake, Ninja, g++,
#    python3; with --tests also what the suite's tool tests drive: make, ccache,
#    python3-jsonschema, chromium and chromium-driver) — apt-get update runs only when
#    something has to be installed;
# 2. configures build/ with CMake + Ninja (only when build/ is not configured yet);
# 3. builds (incremental: a no-op when nothing changed).
# Running it again does nothing heavy.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

LLVM_DIR=/usr/lib/llvm-19/lib/cmake/llvm
# lld-19: the linker of a link-time (LTO) run of the plugin, -fuse-ld=lld.
PACKAGES=(llvm-19-dev libclang-19-dev clang-19 llvm-19-tools libclang-rt-19-dev lld-19
          cmake ninja-build g++ python3)
# The suite's tests of tools/escape-report: builds with Make and ccache, the SARIF
# schema check, and the HTML report opened in headless Chromium through ChromeDriver.
TEST_PACKAGES=(make ccache python3-jsonschema chromium chromium-driver)
case "${1:-}" in
  --tests) PACKAGES+=("${TEST_PACKAGES[@]}") ;;
  "") ;;
  *) printf 'setup: unknown argument %s (usage: setup.sh [--tests])\n' "$1" >&2; exit 2 ;;
esac

say() { printf 'setup: %s\n' "$*"; }

# --- packages -----------------------------------------------------------------
missing=()
for p in "${PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)"
  [[ "$status" == installed ]] || missing+=("$p")
done
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
      say "error: missing packages and not root (run as root or install: ${missing[*]})" >&2
      exit 1
    fi
  else
    SUDO=()
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q </dev/null
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
else
  say "packages present"
fi

# --- configure ----------------------------------------------------------------
if [[ -f build/CMakeCache.txt && -f build/build.ninja ]]; then
  say "build/ already configured"
else
  say "configuring build/"
  cmake -G Ninja -S . -B build -DCMAKE_BUILD_TYPE=Release -DLLVM_DIR="$LLVM_DIR" </dev/null
fi

# --- build --------------------------------------------------------------------
say "building"
# One job per core; ESCAPE_JOBS overrides (e.g. ESCAPE_JOBS=1 on a machine short of memory).
cmake --build build -j "${ESCAPE_JOBS:-$(nproc)}" </dev/null
say "build ready in build/ (lib/libEscape.so, lib/libAllocCount.so)"
