#!/usr/bin/env bash
# Creates (or reuses) the virtual environment of a Python client driver.
#   setup-venv.sh <venv-dir> [<requirements-file>]
# The requirements file (default: requirements.txt beside this script, PySpark 4.2.0) holds exact
# pins; a line "# verify: <python statement>" says what must import afterwards (default: PySpark's
# Connect session, pyarrow, pandas, grpc, zstandard).
# Idempotent: the venv holds a marker with the sha256 of the requirements file; when it matches,
# the script returns at once. Otherwise it (re)creates the venv and installs the pins.
# A pin that PyPI here does not serve stops it with one line naming it (exit 3).
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z "$1" ]; then
  echo "usage: $0 <venv-dir> [<requirements-file>]" >&2
  exit 2
fi
venv=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
req=${2:-$here/requirements.txt}
marker="$venv/.cclr-requirements.sha256"
python=${PYTHON:-python3}

if [ ! -f "$req" ]; then
  echo "setup-venv.sh: requirements file $req not found" >&2
  exit 2
fi
if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup-venv.sh: '$python' not found; the Python client drivers need Python 3.10+ with the venv module" >&2
  exit 1
fi
if ! "$python" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 10) else 1)' 2>/dev/null; then
  echo "setup-venv.sh: '$python' is not Python 3.10+ with the venv and ensurepip modules" \
       "(on Debian/Ubuntu: apt-get install python3-venv)" >&2
  exit 1
fi

sum=$("$python" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$req")
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$sum" ] && [ -x "$venv/bin/python" ]; then
  exit 0
fi
verify=$(sed -n 's/^# verify: //p' "$req" | head -1)
verify=${verify:-from pyspark.sql import SparkSession; import pyarrow, pandas, grpc, zstandard}

# Stale or half-made venv: start over, so nothing from an older pin set lingers. Only a
# directory that is a venv (or empty) is removed, never anything else given by mistake.
if [ -e "$venv" ]; then
  if [ -f "$venv/pyvenv.cfg" ] || [ -z "$(ls -A "$venv" 2>/dev/null)" ]; then
    rm -rf "$venv"
  else
    echo "setup-venv.sh: $venv exists and is not a virtual environment; not touching it" >&2
    exit 1
  fi
fi
"$python" -m venv "$venv"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install --quiet --no-cache-dir \
    --no-input -r "$req" >"$log" 2>&1; then
  # pip's own words for a pin the index does not have: say that once, plainly, and leave no
  # half-made venv behind (the next call would otherwise find no marker and try again anyway).
  missing=$(sed -n 's/.*No matching distribution found for \([^ ]*\).*/\1/p' "$log" | head -1)
  rm -rf "$venv"
  if [ -n "$missing" ]; then
    echo "setup-venv.sh: the package index does not serve $missing, pinned in $req; this driver cannot be installed here" >&2
    exit 3
  fi
  cat "$log" >&2
  echo "setup-venv.sh: pip could not install $req (its output is above)" >&2
  exit 1
fi
"$venv/bin/python" -c "$verify"
echo "$sum" > "$marker"
