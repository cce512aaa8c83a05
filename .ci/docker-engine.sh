#!/usr/bin/env bash
# Starts or stops a Docker engine (Debian's docker.io) for the containers profile.
#
#   .ci/docker-engine.sh start   starts dockerd unless an engine already answers; waits until it does
#   .ci/docker-engine.sh stop    stops the engine that `start` started (never one it found running)
#
# The flags make dockerd run inside a container (CI machines are containers, /.dockerenv) and
# keep it off the machine's network set-up: no bridge and no iptables rules, since the TCK's
# container targets use the host's network on 127.0.0.1 and image builds need no network at all.
# The storage driver is dockerd's own choice (overlay2 where the file system allows it, else vfs).
set -euo pipefail

socket=/var/run/docker.sock
state_dir=${CCLR_DOCKERD_STATE:-/tmp/cclr-dockerd}
pid_file=$state_dir/dockerd.pid
log_file=$state_dir/dockerd.log

answers() {
  docker -H "unix://$socket" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

case "${1:-}" in
  start)
    if answers; then
      echo "docker-engine: an engine already answers at unix://$socket; leaving it as it is"
      exit 0
    fi
    if ! command -v dockerd >/dev/null 2>&1; then
      echo "docker-engine: dockerd is not installed (apt-get install docker.io)" >&2
      exit 1
    fi
    mkdir -p "$state_dir"
    setsid dockerd --host "unix://$socket" --bridge=none --iptables=false --ip6tables=false \
      --pidfile "$state_dir/dockerd.own.pid" >"$log_file" 2>&1 < /dev/null &
    echo $! >"$pid_file"
    for _ in $(seq 1 60); do
      if answers; then
        echo "docker-engine: dockerd $(docker -H "unix://$socket" version --format '{{.Server.Version}}') started (pid $(cat "$pid_file"), log $log_file)"
        exit 0
      fi
      if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
        break
      fi
      sleep 1
    done
    echo "docker-engine: dockerd did not come up; its log:" >&2
    tail -30 "$log_file" >&2 || true
    exit 1
    ;;
  stop)
    if [[ ! -f "$pid_file" ]]; then
      echo "docker-engine: no engine started by this script; nothing to stop"
      exit 0
    fi
    pid=$(cat "$pid_file")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
      done
      if kill -0 "$pid" 2>/dev/null; then
        echo "docker-engine: dockerd (pid $pid) did not stop in 30 s; killing it" >&2
        kill -KILL "$pid" || true
      fi
    fi
    rm -f "$pid_file"
    echo "docker-engine: dockerd (pid $pid) stopped"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
