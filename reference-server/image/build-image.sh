#!/usr/bin/env bash
# Builds the reference server's container image without any registry: a root filesystem made of a
# minimal Java runtime (jlink from the JDK that runs the build, plus exactly the shared libraries
# its binaries load, found with ldd) and the server's runnable jar, imported with `docker import`.
# No base image is pulled, so the build works where no registry is reachable.
#
# usage: build-image.sh <reference-server.jar> <image tag> [work dir]
set -euo pipefail

jar=$1
tag=$2
work=${3:-$(dirname "$jar")/image-rootfs}

if [[ ! -f "$jar" ]]; then
  echo "build-image.sh: no server jar at $jar (run the package phase first)" >&2
  exit 2
fi
if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  echo "build-image.sh: the reference server's image needs a Docker engine, and none answers at ${DOCKER_HOST:-unix:///var/run/docker.sock};" \
       "start one (e.g. .ci/docker-engine.sh start) or build without -Pcontainers" >&2
  exit 3
fi

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
started=$(date +%s)
rm -rf "$work"
mkdir -p "$work/opt/cclr" "$work/tmp"
work=$(cd "$work" && pwd)
chmod 1777 "$work/tmp"

# The modules the server's jar needs (jdeps --print-module-deps on the shaded jar), plus
# java.management for the JVM's own container support. Fixed here because jdeps takes longer than
# the rest of the build.
"$java_home/bin/jlink" --module-path "$java_home/jmods" \
  --add-modules java.base,java.compiler,java.desktop,java.management,java.naming,java.sql,jdk.jfr,jdk.unsupported \
  --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$work/opt/java"

# Every shared library the runtime's binaries and the jar's own native libraries (zstd-jni,
# Netty's epoll transport, extracted to the temp dir at run time) link against, with the paths ldd
# reports (the dynamic loader included). Libraries ldd cannot find (X11 for the AWT toolkit) are
# never loaded by a headless server, so they are left out.
natives=$(mktemp -d)
trap 'rm -rf "$natives"' EXIT
jar_file=$(readlink -f "$jar")
mapfile -t native_entries < <("$java_home/bin/jar" tf "$jar_file" | grep '\.so$' || true)
if (( ${#native_entries[@]} > 0 )); then
  (cd "$natives" && "$java_home/bin/jar" xf "$jar_file" "${native_entries[@]}")
fi
# (ldd fails on the jar's libraries for other architectures: those are ignored.)
{ find "$work/opt/java" "$natives" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 ldd 2>/dev/null || true; } \
  | awk '/=> \// { print $3 } /^\t\/[^ ]+ \(/ { print $1 }' \
  | grep -v -e "^$work/" -e "^$natives/" \
  | sort -u \
  | while read -r lib; do cp --parents -L "$lib" "$work"; done

cp "$jar" "$work/opt/cclr/reference-server.jar"
jar_sha=$(sha256sum "$jar" | cut -d' ' -f1)

# The server binds 127.0.0.1 by default and takes its port from CCLR_SERVER_PORT (default 15002):
# the TCK's container target runs it in the host's network namespace, so that every byte stays on
# the loopback interface (see dev.cclr.tck.targets.container.ContainerTarget).
tar -C "$work" -c . | docker import \
  --change 'ENTRYPOINT ["/opt/java/bin/java", "-Djava.awt.headless=true", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-jar", "/opt/cclr/reference-server.jar"]' \
  --change 'ENV CCLR_SERVER_PORT=15002' \
  --change 'EXPOSE 15002' \
  --change "LABEL dev.cclr.reference-server.jar-sha256=$jar_sha" \
  - "$tag" >/dev/null

# The image this tag pointed at before, now untagged, goes (only dangling images with this label).
docker image prune --force --filter "label=dev.cclr.reference-server.jar-sha256" >/dev/null

size=$(docker image inspect --format '{{.Size}}' "$tag")
echo "built $tag ($((size / 1024 / 1024)) MiB, jar sha256 ${jar_sha:0:12}) in $(( $(date +%s) - started ))s"
