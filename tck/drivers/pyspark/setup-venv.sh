#!/usr/bin/env bash
# Creates (or reuses) the virtual environment of the PySpark driver.
#   setup-venv.sh <venv-dir>
# Idempotent: the venv holds a marker with the sha256 of requirements.txt; when it matches,
# the script returns at once. Otherwise it (re)creates the venv and installs the pins.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 <venv-dir>" >&2
  exit 2
fi
venv=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
req="$here/requirements.txt"
marker="$venv/.cclr-requirements.sha256"
python=${PYTHON:-python3}

if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup-venv.sh: '$python' not found; the PySpark driver needs Python 3.10+ with the venv module" >&2
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
PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install --quiet --no-cache-dir \
  --no-input -r "$req"
"$venv/bin/python" -c 'from pyspark.sql import SparkSession; import pyarrow, pandas, grpc, zstandard'
echo "$sum" > "$marker"
