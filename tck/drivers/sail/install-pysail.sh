#!/usr/bin/env bash
# Puts the pinned pysail (LakeSail Sail) into the project's Python virtual environment.
#   install-pysail.sh <venv-dir>
# The venv is the PySpark driver's (made by ../pyspark/setup-venv.sh), on purpose: Sail's server
# answers AnalyzePlan spark_version (and would run Python UDFs) by importing pyspark from its own
# Python environment, and pysail 0.7.2 declares no required dependencies, so installing it with
# --no-deps cannot move any PySpark pin. Idempotent: returns at once when the pinned version is
# there. Prints the installed `sail --version` line.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 <venv-dir>" >&2
  exit 2
fi
venv=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
req="$here/requirements.txt"

bash "$here/../pyspark/setup-venv.sh" "$venv"

want=$(sed -n 's/^pysail==\([^ ]*\).*$/\1/p' "$req")
if [ -z "$want" ]; then
  echo "install-pysail.sh: $req has no pysail==<version> line" >&2
  exit 1
fi
have=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("pysail"))' 2>/dev/null || true)
if [ "$have" != "$want" ]; then
  if ! PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install --quiet --no-cache-dir \
      --no-input --no-deps -r "$req"; then
    echo "install-pysail.sh: pip could not install pysail==$want into $venv;" \
         "is PyPI (https://pypi.org) reachable from here, directly or through PIP_INDEX_URL?" >&2
    exit 1
  fi
fi
"$venv/bin/sail" --version
