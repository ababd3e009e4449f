#!/usr/bin/env bash
# Runs the Redis example (examples/redis) end to end, as the README's demo: on a fresh Debian/Ubuntu
# machine as root it needs nothing else; elsewhere, a running Docker engine and a JDK 17+.
#
#   1. makes sure a Docker engine answers (scripts/engine-up.sh: starts dockerd if none does);
#   2. picks a Redis image (scripts/redis-image.sh: redis:7-alpine if it can be pulled, otherwise
#      dock-demo/redis:7 built from Debian's redis-server) and says which and why;
#   3. installs the plugin into the local Maven repository (quietly; errors are shown);
#   4. runs the example's build: ./mvnw -B -f examples/redis/pom.xml verify -Dredis.image=<image>
#      (dock:run starts Redis, failsafe's RedisIT talks RESP to it, dock:stop removes it);
#   5. checks that the ITs ran and passed and that no container of the example is left.
#
# The engine: one that already answered before this script ran is always left running. One this
# script started (through engine-up.sh) is stopped at the end, whether the demo passed or not,
# unless KEEP_ENGINE=1; then scripts/engine-down.sh stops it later.
#
# Exits non-zero if any step fails. Logs of the Maven runs go to $DOCK_STATE_DIR.
#
# Usage: scripts/demo.sh
# Environment: KEEP_ENGINE (1: leave an engine this script started running), DOCK_STATE_DIR
# (default /tmp/dock-engine), DOCKER_HOST.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib.sh
source scripts/lib.sh

case "${1:-}" in
  -h | --help)
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit 0
    ;;
  "") ;;
  *) die "unknown argument '$1' (try --help)" ;;
esac

EXAMPLE_DIR=examples/redis
EXAMPLE_PROJECT=io.github.dockmaven.examples:redis-example
PROJECT_FILTER="label=io.github.dockmaven.project=$EXAMPLE_PROJECT"
INSTALL_LOG="$DOCK_STATE_DIR/demo-install.log"
VERIFY_LOG="$DOCK_STATE_DIR/demo-verify.log"
KEEP_ENGINE="${KEEP_ENGINE:-}"

STARTED_ENGINE_PID=""
ENGINE_NOTE=""

step() { printf '\n%s: == %s\n' "${0##*/}" "$*"; }

# --- the engine --------------------------------------------------------------------------------------

ensure_engine() {
  local before_pid="" after_pid=""
  if engine_answers; then
    ENGINE_NOTE="left running (it was running before this script)"
    scripts/engine-up.sh
    return
  fi
  before_pid="$(our_dockerd_pid)" || true
  scripts/engine-up.sh
  after_pid="$(our_dockerd_pid)" || true
  if [[ -n "$after_pid" && "$after_pid" != "$before_pid" ]]; then
    STARTED_ENGINE_PID="$after_pid"
    if [[ "$KEEP_ENGINE" == 1 ]]; then
      log "this script started dockerd (pid $after_pid); KEEP_ENGINE=1, so it keeps running afterwards (stop it with scripts/engine-down.sh)"
    else
      log "this script started dockerd (pid $after_pid); it stops it at the end (KEEP_ENGINE=1 keeps it running)"
    fi
  else
    ENGINE_NOTE="left running (not started by this script)"
  fi
}

# Runs on every exit: stops the engine only if this script started it and KEEP_ENGINE is not 1.
finish() {
  local status=$?
  if [[ -n "$STARTED_ENGINE_PID" ]]; then
    if [[ "$KEEP_ENGINE" == 1 ]]; then
      log "leaving dockerd (pid $STARTED_ENGINE_PID) running because KEEP_ENGINE=1; stop it with scripts/engine-down.sh"
    else
      log "stopping dockerd (pid $STARTED_ENGINE_PID), which this script started (KEEP_ENGINE=1 would keep it)"
      scripts/engine-down.sh || warn "scripts/engine-down.sh failed; dockerd (pid $STARTED_ENGINE_PID) may still run"
    fi
  fi
  if ((status != 0)); then
    printf '\n%s: Redis demo FAILED (exit status %d); see the messages above\n' "${0##*/}" "$status" >&2
  fi
  exit "$status"
}

# --- the image ---------------------------------------------------------------------------------------

IMAGE=""
IMAGE_REASON=""

choose_image() {
  local notes="$DOCK_STATE_DIR/demo-redis-image.log"
  mkdir -p "$DOCK_STATE_DIR"
  log "trying to pull redis:7-alpine (up to 20s); if that fails, building dock-demo/redis:7 from Debian's redis-server"
  if ! IMAGE="$(scripts/redis-image.sh 2>"$notes")"; then
    cat "$notes" >&2
    die "scripts/redis-image.sh found no Redis image (see above)"
  fi
  [[ -n "$IMAGE" ]] || die "scripts/redis-image.sh printed no image name (its messages: $(cat "$notes"))"
  case "$IMAGE" in
    redis:7-alpine)
      if [[ -s "$notes" ]]; then
        IMAGE_REASON="Docker Hub is unreachable, but the engine already had it"
      else
        IMAGE_REASON="pulled from Docker Hub"
      fi
      ;;
    *) IMAGE_REASON="built from Debian's redis-server $(redis_version 2>/dev/null), as redis:7-alpine could not be pulled" ;;
  esac
  if [[ -s "$notes" ]]; then sed 's/^/  /' "$notes"; fi
  log "Redis image: $IMAGE ($IMAGE_REASON)"
}

# --- the example -------------------------------------------------------------------------------------

leftover_containers() { docker ps -a -q --no-trunc --filter "$PROJECT_FILTER" | sort; }

BEFORE_CONTAINERS=""

run_example() {
  BEFORE_CONTAINERS="$(leftover_containers)"
  if [[ -n "$BEFORE_CONTAINERS" ]]; then
    warn "containers of $EXAMPLE_PROJECT from an earlier build exist; they are ignored here (remove them with ./mvnw -f $EXAMPLE_DIR/pom.xml dock:remove):"
    docker ps -a --filter "$PROJECT_FILTER" >&2
  fi
  # Fresh results: an old failsafe summary must not pass for this run's.
  rm -rf "$EXAMPLE_DIR/target"
  local command=(./mvnw -B -f "$EXAMPLE_DIR/pom.xml" verify "-Dredis.image=$IMAGE")
  log "running: ${command[*]}"
  if ! "${command[@]}" 2>&1 | tee "$VERIFY_LOG"; then
    if [[ -n "$(new_containers)" ]]; then
      docker ps -a --filter "$PROJECT_FILTER" >&2
      die "the example's build failed (log: $VERIFY_LOG), and left containers behind (see above)"
    fi
    die "the example's build failed (log: $VERIFY_LOG); it left no container behind"
  fi
}

# Containers of the example that were not there before the build.
new_containers() {
  comm -13 <(printf '%s\n' "$BEFORE_CONTAINERS") <(leftover_containers) | sed '/^$/d'
}

TESTS_NOTE=""

check_results() {
  if [[ -n "$(new_containers)" ]]; then
    docker ps -a --filter "$PROJECT_FILTER" >&2
    die "containers of $EXAMPLE_PROJECT are left after the build (see above): dock:stop did not remove them"
  fi
  check_example_tests "$EXAMPLE_DIR"
  TESTS_NOTE="$EXAMPLE_ITS ITs passed against Redis, $EXAMPLE_UNIT_TESTS unit tests passed"
}

main() {
  local started
  started=$(now)
  trap finish EXIT

  step "Docker engine"
  ensure_engine
  step "Redis image"
  choose_image
  step "JDK and plugin"
  ensure_jdk
  install_plugin "$INSTALL_LOG"
  step "Example build: $EXAMPLE_DIR"
  run_example
  step "Checks"
  check_results

  local container_log="$EXAMPLE_DIR/target/dock/cache.log" started_line
  started_line="$(grep -m 1 -o "Started 'cache'.*" "$VERIFY_LOG" || true)"
  printf '\n%s: Redis demo passed: container started, IT talked RESP to it, container gone (%ss)\n' \
    "${0##*/}" "$(($(now) - started))"
  printf '  image      %s (%s)\n' "$IMAGE" "$IMAGE_REASON"
  [[ -z "$started_line" ]] || printf '  container  %s\n' "$started_line"
  if [[ -f "$container_log" ]]; then
    printf '  Redis log  %s (%s lines)\n' "$container_log" "$(wc -l <"$container_log")"
  fi
  printf '  tests      %s\n' "$TESTS_NOTE"
  if [[ -z "$BEFORE_CONTAINERS" ]]; then
    printf '  leftovers  none: docker ps -a --filter %s is empty\n' "$PROJECT_FILTER"
  else
    printf '  leftovers  none from this build (%d from earlier builds were there before it)\n' \
      "$(wc -l <<<"$BEFORE_CONTAINERS")"
  fi
  if [[ -n "$STARTED_ENGINE_PID" ]]; then
    if [[ "$KEEP_ENGINE" == 1 ]]; then
      printf '  engine     started by this script (pid %s); kept running (KEEP_ENGINE=1)\n' "$STARTED_ENGINE_PID"
    else
      printf '  engine     started by this script (pid %s); stopping it now (KEEP_ENGINE=1 keeps it)\n' "$STARTED_ENGINE_PID"
    fi
  else
    printf '  engine     %s\n' "$ENGINE_NOTE"
  fi
  printf '  Maven log  %s\n' "$VERIFY_LOG"
}

main
