#!/usr/bin/env bash
# Runs the engine tests a second time, against Podman's Docker-compatible API instead of Docker: the
# invoker projects in src/it (run, waits, ports, stop, remove, prune, archives) and the adapter's IT
# (DockerJavaEngineIT), with DOCKER_HOST pointing at a Podman API service this script starts.
#
# The service is Debian's podman (installed with apt-get if missing, as root), run as
#   podman system service --time=0 unix://<dir>/podman.sock
# with its own storage, run and network-config directories under one temporary directory. The
# service and the Maven build run in a network and mount namespace of their own (unshare --net
# --mount), so the firewall rules, bridges and mounts Podman makes vanish with it and never meet
# Docker's; netavark's run directory (/run/containers/networks: address leases, aardvark-dns) is a
# private tmpfs there, so two passes at once do not share their DNS servers.
# Container aliases must resolve (several projects wget "<alias>:8080"), which takes the netavark
# network backend with aardvark-dns: Podman's package names only "a container network stack", and
# an install without recommends picks containernetworking-plugins (CNI), where nothing resolves
# aliases. So netavark and aardvark-dns are installed by name, the backend is set in the
# containers.conf the service reads, and the pass does not start unless the service reports
# netavark and an alias resolves.
# Docker must answer as well (scripts/engine-up.sh): the fixture images are built there and copied
# into Podman's store with docker save / load. Maven runs offline there (no network in the
# namespace): run scripts/test.sh first, as .ci/run does, so that everything is downloaded.
# Everything the script starts is stopped by its pid at the end, and its directory removed.
#
# Usage: scripts/test-podman.sh [extra Maven arguments, e.g. -Dinvoker.test=happy-path-properties]
# Environment: DOCK_STATE_DIR (default /tmp/dock-engine).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=lib.sh
source scripts/lib.sh

SERVICE_TIMEOUT=30
# netavark and aardvark-dns: see above; iptables: netavark's NAT and port forwarding run it.
PODMAN_PACKAGES=(podman netavark aardvark-dns iptables)

# --- outside: Docker, the fixtures, podman installed; then this script again in a new namespace --

outside() {
  local started_engine=0 fixtures rc=0
  if ! engine_answers; then
    bash scripts/engine-up.sh
    started_engine=1
  fi
  bash scripts/fixtures.sh
  ensure_packages "${PODMAN_PACKAGES[@]}"
  [[ "$(id -u)" == 0 ]] || die "the Podman pass runs its service as root in a network namespace of its own; run it as root"
  mkdir -p "$DOCK_STATE_DIR"
  fixtures="$(mktemp "$DOCK_STATE_DIR/podman-fixtures.XXXXXX")"
  docker save -o "$fixtures" "$BUSYBOX_IMAGE" "$BUSYBOX_LATEST" "$HEALTHY_IMAGE" "$REDIS_IMAGE"
  DOCK_PODMAN_FIXTURES="$fixtures" unshare --net --mount --propagation private --fork \
    bash "$0" --in-namespace "$@" || rc=$?
  rm -f "$fixtures"
  if [[ "$started_engine" == 1 && "${KEEP_ENGINE:-0}" != 1 ]]; then
    bash scripts/engine-down.sh || true
  fi
  return "$rc"
}

# --- inside the namespace: the service, the fixtures loaded, the build ---------------------------

podman_dir=""
podman_pid=""
cgroups_before=""

# The service and what it leaves outside the namespace: mounts of its store, the cgroups it made
# for conmon (only if there were none before).
stop_podman() {
  if [[ -n "$podman_pid" ]] && process_alive "$podman_pid"; then
    kill -TERM "$podman_pid" 2>/dev/null || true
    local started
    started=$(now)
    while process_alive "$podman_pid" && (($(now) - started < 20)); do sleep 0.2; done
    if process_alive "$podman_pid"; then
      warn "podman service (pid $podman_pid) still runs 20s after SIGTERM; sending SIGKILL"
      kill -KILL "$podman_pid" 2>/dev/null || true
    fi
    log "stopped the podman service (pid $podman_pid)"
  fi
  podman_pid=""
  if [[ -n "$podman_dir" && -d "$podman_dir" ]]; then
    # conmon of a finished exec session waits minutes (--exit-delay) for a service that is gone
    local leftover
    for leftover in $(pgrep -f -- "$podman_dir" || true); do
      if [[ "$leftover" != "$$" ]]; then kill -KILL "$leftover" 2>/dev/null || true; fi
    done
    local mount
    while read -r mount; do
      umount -l "$mount" 2>/dev/null || true
    done < <(awk -v dir="$podman_dir" 'index($2, dir) == 1 { print $2 }' /proc/self/mounts | sort -r)
    rm -rf "$podman_dir"
  fi
  podman_dir=""
  if [[ -z "$cgroups_before" ]]; then
    local dir
    for dir in /sys/fs/cgroup/*/libpod_parent/conmon /sys/fs/cgroup/*/libpod_parent; do
      if [[ -d "$dir" ]]; then rmdir "$dir" 2>/dev/null || true; fi
    done
  fi
}

# Podman gives containers RLIMIT_NOFILE and RLIMIT_NPROC of 1048576 unless told otherwise, and
# raising a hard limit needs CAP_SYS_RESOURCE, which containers and sandboxes often lack: then no
# container starts ("error setting rlimit type 7: operation not permitted"). The defaults are set
# to the hard limits the service itself runs with.
# The network backend is named rather than left to Podman, which falls back to CNI when it finds
# CNI plugins or CNI networks.
write_containers_conf() {
  local nofile="$1" nproc="$2"
  printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n\n[network]\nnetwork_backend = "netavark"\n' \
    "$nofile" "$nofile" "$nproc" "$nproc" >"$podman_dir/containers.conf"
}

# Docker takes registries on 127.0.0.0/8 over plain HTTP; Podman only those registries.conf calls
# insecure. (Podman 4 lets "127.0.0.1" stand for every port of it.) The tests' registries are there.
write_registries_conf() {
  cat >"$podman_dir/registries.conf" <<'EOF'
unqualified-search-registries = ["docker.io"]

[[registry]]
location = "127.0.0.1"
insecure = true
EOF
}

start_podman_service() {
  podman_dir="$(mktemp -d "$DOCK_STATE_DIR/podman.XXXXXX")"
  mkdir -p "$podman_dir/networks"
  write_containers_conf "$1" "$2"
  write_registries_conf
  CONTAINERS_CONF="$podman_dir/containers.conf" CONTAINERS_REGISTRIES_CONF="$podman_dir/registries.conf" setsid \
    podman --root "$podman_dir/storage" --runroot "$podman_dir/run" --tmpdir "$podman_dir/tmp" \
    --network-config-dir "$podman_dir/networks" --cgroup-manager cgroupfs --events-backend file \
    system service --time=0 "unix://$podman_dir/podman.sock" \
    </dev/null >>"$podman_dir/service.log" 2>&1 &
  podman_pid=$!
  local started
  started=$(now)
  until DOCKER_HOST="unix://$podman_dir/podman.sock" docker version >/dev/null 2>&1; do
    if ! process_alive "$podman_pid"; then
      tail -n 20 "$podman_dir/service.log" >&2
      die "the podman service exited; its log is above"
    fi
    (($(now) - started < SERVICE_TIMEOUT)) || die "the podman service did not answer within ${SERVICE_TIMEOUT}s"
    sleep 0.3
  done
}

# Fails at once, naming what is missing, unless the service uses netavark and a container reaches
# another by its alias on a network of their own, as the invoker projects do.
check_alias_dns() {
  local backend network=dock-podman-dns-check out
  backend="$(podman --remote --url "$DOCKER_HOST" info --format '{{.Host.NetworkBackend}}' 2>&1)" \
    || die "podman info failed: $backend"
  [[ "$backend" == netavark ]] \
    || die "the podman service uses the '$backend' network backend, where container aliases do not resolve; the pass needs netavark with aardvark-dns (apt-get install netavark aardvark-dns)"
  docker network create "$network" >/dev/null
  docker run -d --name dock-podman-dns-server --network "$network" --network-alias dns-check "$BUSYBOX_IMAGE" \
    sh -c 'echo dock-dns-check >/var/www/index.html && exec httpd -f -p 8080 -h /var/www' >/dev/null
  if ! retry_for 10 alias_answers "$network"; then
    out="$(docker run --rm --network "$network" "$BUSYBOX_IMAGE" wget -q -O - http://dns-check:8080/ 2>&1)" || true
    die "on Podman's netavark backend a container alias does not resolve (wget http://dns-check:8080/ printed: $out); is aardvark-dns installed (apt-get install aardvark-dns)?"
  fi
  docker rm -f dock-podman-dns-server >/dev/null
  docker network rm "$network" >/dev/null
  log "network backend netavark; a container alias resolves through aardvark-dns"
}

alias_answers() {
  [[ "$(docker run --rm --network "$1" "$BUSYBOX_IMAGE" wget -q -O - http://dns-check:8080/ 2>/dev/null)" == dock-dns-check ]]
}

hard_limit() {
  awk -v name="$2" 'index($0, name) == 1 { print $(NF - 1) }' "/proc/$1/limits"
}

inside() {
  trap stop_podman EXIT
  ip link set lo up
  mkdir -p /run/containers/networks
  mount -t tmpfs -o mode=0755 dock-podman-networks /run/containers/networks
  if compgen -G "/sys/fs/cgroup/*/libpod_parent" >/dev/null; then cgroups_before=yes; fi

  local nofile nproc
  nofile="$(ulimit -Hn)"
  nproc="$(ulimit -Hu)"
  start_podman_service "$nofile" "$nproc"
  # Podman may change its own limits as it starts; containers must not ask for more than it has.
  if [[ "$(hard_limit "$podman_pid" 'Max open files'):$(hard_limit "$podman_pid" 'Max processes')" != "$nofile:$nproc" ]]; then
    nofile="$(hard_limit "$podman_pid" 'Max open files')"
    nproc="$(hard_limit "$podman_pid" 'Max processes')"
    stop_podman
    start_podman_service "$nofile" "$nproc"
  fi
  export DOCKER_HOST="unix://$podman_dir/podman.sock"
  log "podman $(podman --version | awk '{print $3}') answers at $DOCKER_HOST (pid $podman_pid; containers get nofile=$nofile, nproc=$nproc)"

  docker load -i "$DOCK_PODMAN_FIXTURES" >/dev/null
  log "loaded the fixture images into Podman: $(docker images --format '{{.Repository}}:{{.Tag}}' | tr '\n' ' ')"
  check_alias_dns

  # The registry and TLS ITs set up with the docker CLI, against registries and a daemon of their
  # own; this pass is about the engine under the plugin. Every invoker project runs.
  # The unit tests use no engine and ran in scripts/test.sh already.
  local rc=0
  ./mvnw -B -o verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DockerJavaEngineIT "$@" || rc=$?
  if ((rc != 0)); then
    # The service's log goes with its directory; what it warned of is often the cause (a handler's panic, say).
    warn "the build failed; the podman service's last warnings and errors (its log is removed with it):"
    grep -E 'level=(warning|error|fatal)|panic' "$podman_dir/service.log" | grep -v 'hangup by client' | tail -n 40 >&2 || true
  fi
  return "$rc"
}

if [[ "${1:-}" == --in-namespace ]]; then
  shift
  inside "$@"
else
  outside "$@"
fi
