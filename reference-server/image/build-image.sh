#!/usr/bin/env bash
# Builds the reference server's container image without any registry: a root filesystem made of a
# minimal Java runtime and the server's runnable jar, imported with `docker import` (the steps are
# in image/java-image.sh, shared with the TCK's image). No base image is pulled, so the build works
# where no registry is reachable.
#
# usage: build-image.sh <reference-server.jar> <image tag> [work dir]
set -euo pipefail

jar=$1
tag=$2
work=${3:-$(dirname "$jar")/image-rootfs}
# shellcheck source=../../image/java-image.sh
source "$(dirname "$(readlink -f "$0")")/../../image/java-image.sh"

if [[ ! -f "$jar" ]]; then
  echo "build-image.sh: no server jar at $jar (run the package phase first)" >&2
  exit 2
fi
java_image_require_engine "the reference server's image"
started=$(date +%s)

# The modules the server's jar needs (jdeps --print-module-deps on the shaded jar), plus
# java.management for the JVM's own container support. Fixed here because jdeps takes longer than
# the rest of the build.
java_image_rootfs "$jar" "$work" java.base,java.compiler,java.desktop,java.management,java.naming,java.sql,jdk.jfr,jdk.unsupported
mkdir -p "$work/opt/cclr"
cp "$jar" "$work/opt/cclr/reference-server.jar"

# The server binds 127.0.0.1 by default and takes its port from CCLR_SERVER_PORT (default 15002):
# the TCK's container target runs it in the host's network namespace, so that every byte stays on
# the loopback interface (see dev.cclr.tck.targets.container.ContainerTarget).
java_image_import "$work" "$tag" dev.cclr.reference-server.jar-sha256 "$jar" "$started" \
  'ENTRYPOINT ["/opt/java/bin/java", "-Djava.awt.headless=true", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-jar", "/opt/cclr/reference-server.jar"]' \
  'ENV CCLR_SERVER_PORT=15002' \
  'EXPOSE 15002'
