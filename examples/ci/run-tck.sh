#!/bin/sh
# The TCK step of the CI recipes (github-actions.yml, gitlab-ci.yml): both call this script, and
# dev.cclr.examples.CiRecipeTest runs it against the reference server in every build of the kit,
# so the command the recipes run is a command that works.
#
# It runs the server TCK against a running server and gates on regressions against a baseline:
#   java -jar tck.jar run --target sc://127.0.0.1:15002 --baseline tck-baseline.json --report-dir reports
# Exit code: 0 no regression, 1 regressions (named on the console), 2 nothing could be judged
# (the server was not reached). Reports (tck-summary.json, tck-report.html and the JUnit XML
# TEST-cclr-server.xml) are in the report folder.
#
# Settings (environment), with their defaults:
#   TCK_JAR         tck.jar                    the kit: one self-contained jar
#   TCK_TARGET      sc://127.0.0.1:15002       where your server answers
#   TCK_BASELINE    tck-baseline.json          a tck-summary.json of an accepted run; without the file
#                                              the run gates on every MUST case (make a first baseline
#                                              by copying reports/tck-summary.json)
#   TCK_REPORT_DIR  reports
#   TCK_OPTIONS     (none)                     more options, e.g. "--profile spark-4.1 --expected-failures tck-xfail.txt"
set -eu

TCK_JAR="${TCK_JAR:-tck.jar}"
TCK_TARGET="${TCK_TARGET:-sc://127.0.0.1:15002}"
TCK_BASELINE="${TCK_BASELINE:-tck-baseline.json}"
TCK_REPORT_DIR="${TCK_REPORT_DIR:-reports}"

if [ ! -f "$TCK_JAR" ]; then
  echo "run-tck.sh: $TCK_JAR not found (set TCK_JAR to the path of tck.jar)" >&2
  exit 2
fi

if [ -f "$TCK_BASELINE" ]; then
  set -- --baseline "$TCK_BASELINE"
else
  echo "run-tck.sh: no baseline $TCK_BASELINE: every failing MUST case fails the run"
  set --
fi

# TCK_OPTIONS is split on whitespace on purpose: it holds several options.
# shellcheck disable=SC2086
exec java -jar "$TCK_JAR" run --target "$TCK_TARGET" "$@" --report-dir "$TCK_REPORT_DIR" ${TCK_OPTIONS:-}
