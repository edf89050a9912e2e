# tools/real-projects/debian-sources.sh - Debian source packages and build
# dependencies, for the scripts that build real projects (sourced by
# tools/real-projects/run.sh and bench/real/run.sh).
#
# The caller sets, before calling any of these:
#   WORK  where logs go (apt-install.log)
#   SRC   where source packages are unpacked
#   APT   the private apt state: a deb-src list derived at run time from the
#         machine's own /etc/apt/sources.list.d/*.sources, and its lists
#
# apt_install PKG...   installs the Debian packages that are not installed yet
#                      (as root; one `apt-get update` retry)
# srcdir_of PKG        echoes the unpacked source directory, fetching it with
#                      `apt-get source` when missing: the newest version first;
#                      when the mirror lacks it (security updates are not always
#                      there), each older version that deb-src lists

APTOPTS=(-o "Dir::Etc::SourceParts=$APT/sources.d" -o "Dir::Etc::SourceList=/dev/null"
         -o "Dir::State::Lists=$APT/lists")

apt_updated=0
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} = 0 ] && return 0
  echo "== apt-get install ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then echo "   not root: install them yourself" >&2; return 1; fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >"$WORK/apt-install.log" 2>&1; then
    if [ $apt_updated = 0 ]; then
      apt_updated=1
      apt-get update >>"$WORK/apt-install.log" 2>&1
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >>"$WORK/apt-install.log" 2>&1 \
        || { tail -20 "$WORK/apt-install.log" >&2; return 1; }
    else
      tail -20 "$WORK/apt-install.log" >&2; return 1
    fi
  fi
}

apt_ready=0
apt_prepare() {
  [ $apt_ready = 1 ] && return 0
  mkdir -p "$APT/sources.d" "$APT/lists/partial"
  local s
  for s in /etc/apt/sources.list.d/*.sources; do
    [ -f "$s" ] || continue
    sed -E 's/^Types:[[:space:]]*deb[[:space:]]*$/Types: deb-src/' "$s" > "$APT/sources.d/$(basename "$s")"
  done
  echo "== apt-get update (deb-src, private lists)"
  apt-get update "${APTOPTS[@]}" >"$APT/update.log" 2>&1 || { cat "$APT/update.log"; return 1; }
  apt_ready=1
}

srcdir_of() {
  local pkg=$1 d v
  mkdir -p "$SRC"
  d=$(ls -d "$SRC/$pkg"-[0-9]*/ 2>/dev/null | head -1)
  if [ -z "$d" ]; then
    apt_prepare >&2 || return 1
    echo "== apt-get source $pkg" >&2
    if ! (cd "$SRC" && apt-get source "${APTOPTS[@]}" "$pkg") >"$SRC/$pkg.fetch.log" 2>&1; then
      for v in $(apt-cache "${APTOPTS[@]}" showsrc "$pkg" 2>/dev/null \
                 | awk -v p="$pkg" '/^Package:/{ok=($2==p)} ok&&/^Version:/{print $2}' | sort -urV); do
        echo "   retrying with $pkg=$v" >&2
        rm -rf "$SRC/$pkg"-[0-9]*/
        (cd "$SRC" && apt-get source "${APTOPTS[@]}" "$pkg=$v") >>"$SRC/$pkg.fetch.log" 2>&1 && break
      done
    fi
    d=$(ls -d "$SRC/$pkg"-[0-9]*/ 2>/dev/null | head -1)
    [ -n "$d" ] || { tail -5 "$SRC/$pkg.fetch.log" >&2; return 1; }
  fi
  echo "${d%/}"
}
