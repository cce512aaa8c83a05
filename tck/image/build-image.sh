#!/usr/bin/env bash
# Builds the TCK's container image without any registry: a root filesystem made of a minimal Java
# runtime and tck.jar at /tck.jar, imported with `docker import` (the steps are in
# image/java-image.sh, shared with the reference server's image). Its entrypoint is
# `java -jar /tck.jar`, so that the image takes the kit's commands:
#
#   docker run --rm --network host -v "$PWD/out:/out" cclr/tck:<version> run --target sc://127.0.0.1:15002 --report-dir /out
#
# The working directory is /out, so that relative paths (--baseline tck-baseline.json) name files of
# the mounted folder.
#
# usage: build-image.sh <tck.jar> <image tag> [work dir]
set -euo pipefail

jar=$1
tag=$2
work=${3:-$(dirname "$jar")/image-rootfs}
# shellcheck source=../../image/java-image.sh
source "$(dirname "$(readlink -f "$0")")/../../image/java-image.sh"

if [[ ! -f "$jar" ]]; then
  echo "build-image.sh: no TCK jar at $jar (run the package phase first)" >&2
  exit 2
fi
java_image_require_engine "the TCK's image"
started=$(date +%s)

# The Java SE modules (the kit resolves jars over HTTPS, writes XML reports, starts child JVMs for
# the reference client) and what its libraries reach beyond them: jdk.unsupported (Netty, Arrow),
# jdk.crypto.ec (TLS to Maven Central), jdk.zipfs (reading its own jar as a file system).
java_image_rootfs "$jar" "$work" java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.jfr
cp "$jar" "$work/tck.jar"
# The launch: target runs a server under a small bash loop that needs bash and sleep
# (dev.cclr.tck.spark.LocalServerProcesses.watched).
java_image_add_programs "$work" bash sleep
# World-writable: a run with `docker run --user <uid>` and no mounted /out still has a place for
# its reports.
mkdir -p "$work/out"
chmod 1777 "$work/out"

# user.home: an image made by `docker import` has no /etc/passwd, and a user id without an entry
# there gets user.home '?'; the kit's caches (~/.cache/cclr) go under /tmp instead.
java_image_import "$work" "$tag" dev.cclr.tck.jar-sha256 "$jar" "$started" \
  'ENTRYPOINT ["/opt/java/bin/java", "-Djava.awt.headless=true", "-Duser.home=/tmp", "-jar", "/tck.jar"]' \
  'ENV PATH=/opt/java/bin:/usr/bin:/bin JAVA_HOME=/opt/java' \
  'WORKDIR /out'
