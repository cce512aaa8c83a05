# Shared steps of the project's container images (sourced, not run): the reference server's
# (reference-server/image/build-image.sh) and the TCK's (tck/image/build-image.sh). An image is a
# root filesystem made of a minimal Java runtime (jlink from the JDK that runs the build, plus
# exactly the shared libraries its binaries load, found with ldd) and one runnable jar, imported
# with `docker import`. No base image is pulled, so a build works where no registry is reachable.

# Exits 3 with a message naming the image when no Docker engine answers.
java_image_require_engine() {
  local what=$1
  if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
    echo "build-image.sh: $what needs a Docker engine, and none answers at ${DOCKER_HOST:-unix:///var/run/docker.sock};" \
         "start one (e.g. .ci/docker-engine.sh start) or build without -Pcontainers" >&2
    exit 3
  fi
}

# java_image_rootfs <jar> <work dir> <modules>: fills <work dir> (emptied first) with /opt/java (a
# jlinked runtime of <modules>, comma-separated), a world-writable /tmp and every shared library
# the runtime's binaries and the jar's own native libraries link against. Prints nothing.
java_image_rootfs() {
  local jar=$1 work=$2 modules=$3
  local java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
  rm -rf "$work"
  mkdir -p "$work/opt" "$work/tmp"
  work=$(cd "$work" && pwd)
  chmod 1777 "$work/tmp"

  "$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
    --strip-debug --no-man-pages --no-header-files --compress=2 \
    --output "$work/opt/java"

  # The jar's native libraries (zstd-jni, Netty's epoll transport) are extracted to the temp dir at
  # run time; the libraries they link against must be in the image. Those ldd cannot find (X11 for
  # the AWT toolkit) are never loaded by a headless program, so they are left out, and ldd fails on
  # the jar's libraries for other architectures: those are ignored.
  local natives jar_file
  natives=$(mktemp -d)
  jar_file=$(readlink -f "$jar")
  local -a native_entries
  mapfile -t native_entries < <("$java_home/bin/jar" tf "$jar_file" | grep '\.so$' || true)
  if (( ${#native_entries[@]} > 0 )); then
    (cd "$natives" && "$java_home/bin/jar" xf "$jar_file" "${native_entries[@]}")
  fi
  { find "$work/opt/java" "$natives" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
      | xargs -0 ldd 2>/dev/null || true; } \
    | awk '/=> \// { print $3 } /^\t\/[^ ]+ \(/ { print $1 }' \
    | grep -v -e "^$work/" -e "^$natives/" \
    | sort -u \
    | while read -r lib; do cp --parents -L "$lib" "$work"; done
  rm -rf "$natives"
}

# java_image_import <work dir> <tag> <label> <jar> <start time> [docker import --change values...]:
# imports the root filesystem as <tag>, labelled <label>=<the jar's sha256> so that a test can tell
# which jar an image holds, removes the image the tag pointed at before (dangling images with that
# label only) and prints the image's size and the seconds since <start time> (date +%s).
java_image_import() {
  local work=$1 tag=$2 label=$3 jar=$4 started=$5
  shift 5
  local -a changes=()
  local change
  for change in "$@"; do
    changes+=(--change "$change")
  done
  local jar_sha
  jar_sha=$(sha256sum "$jar" | cut -d' ' -f1)
  tar -C "$work" -c . | docker import "${changes[@]}" --change "LABEL $label=$jar_sha" - "$tag" >/dev/null
  docker image prune --force --filter "label=$label" >/dev/null
  local size
  size=$(docker image inspect --format '{{.Size}}' "$tag")
  echo "built $tag ($((size / 1024 / 1024)) MiB, jar sha256 ${jar_sha:0:12}) in $(( $(date +%s) - started ))s"
}

# java_image_add_programs <work dir> <program...>: copies host programs (found on PATH) into the
# root filesystem at their resolved paths, with the shared libraries they link against, for an
# image whose jar runs them (the TCK's launch: target runs servers under a bash watchdog).
java_image_add_programs() {
  local work=$1
  shift
  local program path
  for program in "$@"; do
    path=$(readlink -f "$(command -v "$program")")
    # At its resolved path, which is in the image's PATH (/usr/bin or /bin).
    cp --parents "$path" "$work"
    { ldd "$path" 2>/dev/null || true; } \
      | awk '/=> \// { print $3 } /^\t\/[^ ]+ \(/ { print $1 }' \
      | sort -u \
      | while read -r lib; do [[ -e "$work$lib" ]] || cp --parents -L "$lib" "$work"; done
  done
}
