#!/usr/bin/env bash
# Makes a Python virtual environment holding exactly one pinned requirements file, for a target
# whose server is a Python package (daft, spark-connect-proxy), each in a venv of its own so that
# its pins cannot move another's.
#   install-pinned-venv.sh <venv-dir> <requirements-file> <package>
# Creates the venv if missing and installs the requirements when <package> is not installed at the
# version pinned there. Idempotent: returns at once when it is. Prints the installed version, last.
set -euo pipefail

if [ $# -ne 3 ] || [ -z "$1" ] || [ -z "$2" ] || [ -z "$3" ]; then
  echo "usage: $0 <venv-dir> <requirements-file> <package>" >&2
  exit 2
fi
venv=$1
req=$2
pkg=$3

want=$(sed -n "s/^$pkg==\([^ ]*\).*\$/\1/p" "$req")
if [ -z "$want" ]; then
  echo "install-pinned-venv.sh: $req has no $pkg==<version> line" >&2
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  if ! python3 -m venv "$venv"; then
    echo "install-pinned-venv.sh: python3 -m venv $venv failed (on Debian: apt-get install python3-venv)" >&2
    exit 1
  fi
fi
have=$("$venv/bin/python" -c "import importlib.metadata as m; print(m.version('$pkg'))" 2>/dev/null || true)
if [ "$have" != "$want" ]; then
  if ! PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install --quiet --no-input -r "$req"; then
    echo "install-pinned-venv.sh: pip could not install $req into $venv;" \
         "is PyPI (https://pypi.org) reachable from here, directly or through PIP_INDEX_URL?" >&2
    exit 1
  fi
  have=$("$venv/bin/python" -c "import importlib.metadata as m; print(m.version('$pkg'))")
  if [ "$have" != "$want" ]; then
    echo "install-pinned-venv.sh: $venv holds $pkg $have after installing $req, not $want" >&2
    exit 1
  fi
fi
echo "$have"
