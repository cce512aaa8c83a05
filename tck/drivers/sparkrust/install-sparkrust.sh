#!/usr/bin/env bash
# Puts the pinned Spark Rust runtime's Spark Connect server binary into a cache folder.
#   install-sparkrust.sh <cache-dir> [<venv-dir>]
# Downloads the pinned wheel (requirements.txt) with `pip download --no-deps`, using the venv's pip
# when there is one (the PySpark driver's, ~/.cache/cclr/pyspark-venv), else `python3 -m pip`, and
# unpacks its binary into <cache-dir>/<version>/bin/spark-connect-server. Idempotent: returns at once
# when the binary is there. The unpacked folder appears under its final name only when complete, so
# an interrupted download never leaves a half binary behind. Prints the binary's path, last.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z "$1" ]; then
  echo "usage: $0 <cache-dir> [<venv-dir>]" >&2
  exit 2
fi
cache=$1
venv=${2:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
req="$here/requirements.txt"
pkg=spark-rust-runtime-spark-connect-server

want=$(sed -n "s/^$pkg==\([^ ]*\).*\$/\1/p" "$req")
if [ -z "$want" ]; then
  echo "install-sparkrust.sh: $req has no $pkg==<version> line" >&2
  exit 1
fi
dest="$cache/$want"
binary="$dest/bin/spark-connect-server"
if [ ! -x "$binary" ]; then
  if [ -n "$venv" ] && [ -x "$venv/bin/python" ]; then
    python="$venv/bin/python"
  else
    python=python3
  fi
  mkdir -p "$cache"
  work=$(mktemp -d "$cache/.download-XXXXXX")
  trap 'rm -rf "$work"' EXIT
  if ! PIP_DISABLE_PIP_VERSION_CHECK=1 "$python" -m pip download --quiet --no-input --no-deps \
      --only-binary=:all: --dest "$work/wheel" "$pkg==$want"; then
    echo "install-sparkrust.sh: pip could not download $pkg==$want;" \
         "is PyPI (https://pypi.org) reachable from here, directly or through PIP_INDEX_URL?" >&2
    exit 1
  fi
  # Python's zipfile rather than unzip(1), which a fresh machine may lack; it drops file modes.
  "$python" -m zipfile -e "$work"/wheel/*.whl "$work/unpacked"
  found=$(find "$work/unpacked" -path '*/bin/spark-connect-server' -type f | head -1)
  if [ -z "$found" ]; then
    echo "install-sparkrust.sh: the $pkg==$want wheel holds no bin/spark-connect-server" >&2
    exit 1
  fi
  mkdir -p "$work/final/bin"
  mv "$found" "$work/final/bin/spark-connect-server"
  chmod +x "$work/final/bin/spark-connect-server"
  rm -rf "$dest"
  mv "$work/final" "$dest"
fi
"$binary" --version
echo "$binary"
