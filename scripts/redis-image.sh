#!/usr/bin/env bash
# Prints the name of a Redis image the engine has, for demos and examples: redis:7-alpine if it
# can be pulled (within 20s); otherwise dock-demo/redis:7, built here from Debian's redis-server
# (kept if already built from the installed version, unless --force). Only the image name goes to
# stdout; everything else goes to stderr, so IMAGE="$(scripts/redis-image.sh)" works.
#
# Usage: scripts/redis-image.sh [--force]
# Environment: DOCK_STATE_DIR (default /tmp/dock-engine), DOCKER_HOST.
set -euo pipefail

# Only the image name may reach stdout: keep it on fd 3, send the rest to stderr.
exec 3>&1 1>&2

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PULL_TIMEOUT=20
UPSTREAM_IMAGE=redis:7-alpine

FORCE=""
case "${1:-}" in
  --force) FORCE=yes ;;
  -h | --help)
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit 0
    ;;
  "") ;;
  *) die "unknown argument '$1' (try --help)" ;;
esac

main() {
  require_engine
  local pull_log="$DOCK_STATE_DIR/pull-redis.log"
  mkdir -p "$DOCK_STATE_DIR"
  if timeout "$PULL_TIMEOUT" docker pull "$UPSTREAM_IMAGE" >"$pull_log" 2>&1; then
    printf '%s\n' "$UPSTREAM_IMAGE" >&3
    return
  fi
  if image_exists "$UPSTREAM_IMAGE"; then
    log "$UPSTREAM_IMAGE could not be pulled (no registry reachable); using the copy the engine already has"
    printf '%s\n' "$UPSTREAM_IMAGE" >&3
    return
  fi

  ensure_packages redis-server
  local version
  version="$(redis_version)"
  printf '%s could not be pulled (no registry reachable); using %s built from Debian'"'"'s redis-server %s\n' \
    "$UPSTREAM_IMAGE" "$DEMO_REDIS_IMAGE" "$version"

  local label=""
  label="$(docker image inspect --format '{{index .Config.Labels "org.opencontainers.image.version"}}' \
    "$DEMO_REDIS_IMAGE" 2>/dev/null)" || true
  if [[ -n "$FORCE" || "$label" != "$(package_version redis-server)" ]]; then
    trap 'remove_check_containers; remove_temp_dirs' EXIT
    local started
    started=$(now)
    build_redis_image "$DEMO_REDIS_IMAGE"
    if ! check_redis_image "$DEMO_REDIS_IMAGE"; then
      docker rmi "$DEMO_REDIS_IMAGE" >/dev/null 2>&1 || true
      die "$DEMO_REDIS_IMAGE was built but does not work (see above), so it was removed again"
    fi
    log "built $DEMO_REDIS_IMAGE ($(image_summary "$DEMO_REDIS_IMAGE")) in $(($(now) - started))s; checked: $CHECKED"
  fi
  printf '%s\n' "$DEMO_REDIS_IMAGE" >&3
}

main
