#!/usr/bin/env bash
# Makes sure a Docker engine answers, for the integration tests.
#
# If one already answers (DOCKER_HOST and the docker context honoured), says which and exits 0.
# Otherwise, as root on Debian/Ubuntu: installs docker.io, busybox-static, redis-server and
# docker-registry, apache2-utils with apt-get (only what is missing), starts dockerd detached (its output goes to
# $DOCK_STATE_DIR/dockerd.log, its pid to $DOCK_STATE_DIR/dockerd.pid), waits until it answers and
# checks that port publishing works with a throwaway container. scripts/engine-down.sh stops it.
# Anywhere else it fails with a message telling what to start.
#
# Environment: DOCK_STATE_DIR (default /tmp/dock-engine), DOCKER_HOST (unix:// or tcp://).
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

START_TIMEOUT=60

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

case "${1:-}" in
  -h | --help)
    usage
    exit 0
    ;;
  "") ;;
  *) die "unknown argument '$1' (try --help)" ;;
esac

# Docker needs cgroups; a machine without an init that mounts them gets the unified hierarchy.
ensure_cgroups() {
  if [[ -z "$(ls -A /sys/fs/cgroup 2>/dev/null)" ]]; then
    log "no cgroup hierarchy is mounted; mounting cgroup2 on /sys/fs/cgroup"
    mount -t cgroup2 none /sys/fs/cgroup || die "cannot mount cgroup2 on /sys/fs/cgroup; dockerd needs cgroups"
  fi
}

iptables_backend() {
  local version
  version="$(iptables --version 2>/dev/null)" || {
    echo none
    return
  }
  case "$version" in
    *nf_tables*) echo nft ;;
    *) echo legacy ;;
  esac
}

# dockerd (Debian's 20.10) cannot always program nf_tables; the legacy backend is the usual way
# out, and it keeps port publishing, which --iptables=false would break.
switch_to_iptables_legacy() {
  local tool
  for tool in iptables ip6tables; do
    if [[ -x "/usr/sbin/$tool-legacy" ]]; then
      update-alternatives --set "$tool" "/usr/sbin/$tool-legacy" >/dev/null
    fi
  done
  log "switched iptables to the legacy backend (update-alternatives --set iptables /usr/sbin/iptables-legacy)"
}

dockerd_args() {
  DOCKERD_ARGS=(--shutdown-timeout 10)
  if [[ -n "${DOCKER_HOST:-}" ]]; then
    DOCKERD_ARGS+=(-H "$DOCKER_HOST")
  fi
}

# Starts dockerd in its own session, output to the log, and waits until it answers.
# Returns 1 (after printing the log's tail) if it dies or does not answer in time.
start_dockerd() {
  dockerd_args
  if [[ -f "$DOCKERD_LOG" ]]; then mv -f "$DOCKERD_LOG" "$DOCKERD_LOG.1"; fi
  printf '%s engine-up.sh: dockerd %s\n' "$(date -Is)" "${DOCKERD_ARGS[*]}" >"$DOCKERD_LOG"
  # 9>&-: the daemon must not inherit (and so hold forever) the lock taken on fd 9.
  setsid dockerd "${DOCKERD_ARGS[@]}" </dev/null >>"$DOCKERD_LOG" 2>&1 9>&- &
  local pid=$!
  printf '%s\n' "$pid" >"$DOCKERD_PID_FILE"
  printf '%s\n' "${DOCKER_HOST:-unix:///var/run/docker.sock}" >"$DOCKERD_HOST_FILE"
  log "started dockerd (pid $pid, log $DOCKERD_LOG); waiting up to ${START_TIMEOUT}s for it to answer"

  local started deadline
  started=$(now)
  deadline=$((started + START_TIMEOUT))
  until engine_answers; do
    if ! process_alive "$pid"; then
      rm -f "$DOCKERD_PID_FILE"
      log "dockerd (pid $pid) exited; last lines of $DOCKERD_LOG:"
      tail -n 25 "$DOCKERD_LOG" >&2
      return 1
    fi
    if (($(now) >= deadline)); then
      log "dockerd (pid $pid) did not answer within ${START_TIMEOUT}s; last lines of $DOCKERD_LOG:"
      tail -n 25 "$DOCKERD_LOG" >&2
      return 1
    fi
    sleep 0.5
  done
  log "dockerd answers after $(($(now) - started))s: $(engine_description)"
}

# True if dockerd's log has an error about iptables (as opposed to a mere mention of it).
dockerd_failed_on_iptables() {
  grep -iE 'level=(error|fatal)|failed to start daemon' "$DOCKERD_LOG" | grep -qiE 'iptables|nf_tables|xtables'
}

# The port publishing check runs httpd in the fixture busybox image; built (and checked) here if
# missing. (Not from inside an 'if': errexit would be off in the build.)
ensure_probe_image() {
  if ! image_exists "$BUSYBOX_IMAGE"; then
    build_busybox_image
    if ! check_busybox_applets; then
      docker rmi "$BUSYBOX_IMAGE" "$BUSYBOX_LATEST" >/dev/null 2>&1 || true
      die "$BUSYBOX_IMAGE was built but does not work (see above), so it was removed again"
    fi
    log "built $BUSYBOX_IMAGE ($(image_summary "$BUSYBOX_IMAGE")) for the port publishing check; checked: $CHECKED"
  fi
}

main() {
  # Two sessions running this at once must not start two daemons.
  lock_engine_state

  if engine_answers; then
    local pid note=""
    if pid="$(our_dockerd_pid)"; then note=" (started by engine-up.sh, pid $pid)"; fi
    log "a Docker engine already answers: $(engine_description)$note"
    exit 0
  fi

  local endpoint
  endpoint="$(docker_endpoint)"
  if [[ -n "${DOCKER_HOST:-}" && "$DOCKER_HOST" != unix://* ]]; then
    die "DOCKER_HOST=$DOCKER_HOST, but no Docker engine answers there; start that engine, or unset DOCKER_HOST to use a local one"
  fi
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    die "no Docker engine answers at $endpoint$(engine_hint); start Docker (e.g. 'sudo systemctl start docker' or Docker Desktop) or set DOCKER_HOST to a running engine. This script starts one itself only as root on Debian/Ubuntu."
  fi

  local packages=("${ENGINE_PACKAGES[@]}")
  # With AppArmor on in the kernel, dockerd needs apparmor_parser to create any container.
  if [[ "$(cat /sys/module/apparmor/parameters/enabled 2>/dev/null)" == Y ]]; then packages+=(apparmor); fi
  ensure_packages "${packages[@]}"

  local pid wanted_host started_host
  wanted_host="${DOCKER_HOST:-unix:///var/run/docker.sock}"
  if pid="$(our_dockerd_pid)"; then
    started_host="$(cat "$DOCKERD_HOST_FILE" 2>/dev/null || true)"
    if [[ -n "$started_host" && "$started_host" != "$wanted_host" ]]; then
      die "the dockerd engine-up.sh started (pid $pid) listens on $started_host, not on $wanted_host (DOCKER_HOST); unset DOCKER_HOST, or stop it first with scripts/engine-down.sh"
    fi
    log "dockerd started earlier by engine-up.sh (pid $pid) does not answer; stopping it to start afresh"
    stop_our_dockerd || true
  else
    for pid in $(pgrep -x dockerd || true); do
      if process_alive "$pid"; then
        die "a dockerd not started by this script (pid $pid) runs but does not answer at $endpoint; stop it, or set DOCKER_HOST to where it listens"
      fi
    done
  fi

  ensure_cgroups
  trap 'remove_check_containers; remove_temp_dirs' EXIT

  if ! start_dockerd; then
    if dockerd_failed_on_iptables && [[ "$(iptables_backend)" == nft ]]; then
      stop_our_dockerd || true
      switch_to_iptables_legacy
      start_dockerd || die "dockerd did not start, even with iptables-legacy (log: $DOCKERD_LOG)"
    else
      die "dockerd did not start (log: $DOCKERD_LOG)"
    fi
  fi

  ensure_probe_image
  if ! check_port_publishing "$BUSYBOX_IMAGE"; then
    if [[ "$(iptables_backend)" == nft ]]; then
      log "port publishing failed with the nf_tables iptables backend; retrying with iptables-legacy"
      remove_check_containers
      stop_our_dockerd || true
      switch_to_iptables_legacy
      start_dockerd || die "dockerd did not start with iptables-legacy (log: $DOCKERD_LOG)"
      check_port_publishing "$BUSYBOX_IMAGE" || die "port publishing does not work, even with iptables-legacy (log: $DOCKERD_LOG)"
    else
      die "port publishing does not work (iptables backend: $(iptables_backend); log: $DOCKERD_LOG)"
    fi
  fi
  log "engine ready ($CHECKED); stop it with scripts/engine-down.sh"
}

main "$@"
