#!/usr/bin/env bash
# Builds the images the integration tests use, offline, from Debian packages, into the engine the
# docker CLI talks to (DOCKER_HOST honoured):
#   dock-it/busybox:1, dock-it/busybox:latest  Debian's static busybox, applets in /bin, CMD sh
#   dock-it/busybox-healthy:1                  the same with a HEALTHCHECK; healthy ~1s after start
#   dock-it/redis:7                            Debian's redis-server, EXPOSE 6379, no persistence
#   dock-it/jre:17                             java.base and jdk.httpserver jlinked from the build's JDK
#                                              (JAVA_HOME, else javac's), on dock-it/busybox:1
# and saves dock-it/busybox:1 to $DOCK_STATE_DIR/busybox.tar for the tests that load archives.
# Images that exist (built from the installed package or JDK version) are kept, unless --force.
# Each image built is checked by running it (httpd on a published port, health, PING/PONG, java);
# --check checks the ones found as well.
#
# Usage: scripts/fixtures.sh [--force] [--check]
# Environment: DOCK_STATE_DIR (default /tmp/dock-engine), DOCKER_HOST.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FORCE=""
CHECK=""
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=yes ;;
    --check) CHECK=yes ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown argument '$arg' (try --help)" ;;
  esac
done

image_version() {
  docker image inspect --format '{{index .Config.Labels "org.opencontainers.image.version"}}' "$1" 2>/dev/null
}

# The version of what an image is built from, as its version label records it: the JDK's runtime
# version for "jdk", else the Debian package's version.
source_version() {
  if [[ "$1" == jdk ]]; then jdk_runtime_version; else package_version "$1"; fi
}

# Why an image must be built, or nothing if the one there will do.
build_reason() {
  local image="$1" source="$2"
  if [[ -n "$FORCE" ]]; then
    echo "--force"
  elif ! image_exists "$image"; then
    echo "missing"
  elif [[ -n "$source" && "$(image_version "$image")" != "$(source_version "$source")" ]]; then
    echo "built from $source $(image_version "$image"), $(source_version "$source") is installed"
  fi
}

# The image a rebuild replaced, once no tag names it any more: no dangling leftovers for the
# plugin's prune tests to trip over. One still in use by a container stays.
remove_if_dangling() {
  local id="$1"
  [[ -n "$id" ]] || return 0
  if [[ "$(docker image inspect --format '{{len .RepoTags}}' "$id" 2>/dev/null)" == 0 ]]; then
    docker rmi "$id" >/dev/null 2>&1 || true
  fi
}

# Builds an image when needed and says so in one line; checks it when built (or with --check).
# Sets BUILT to yes if it built. (It returns 0 either way: called from an 'if', errexit would be
# off inside the build functions.)
# Arguments: image, package it comes from (or "jdk", or ""), name of the build function, name of the
# check function, then the arguments for both.
ensure_image() {
  local image="$1" package="$2" build="$3" check="$4" reason started old_id
  shift 4
  reason="$(build_reason "$image" "$package")"
  started=$(now)
  BUILT=""
  if [[ -n "$reason" ]]; then
    old_id="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null)" || true
    "$build" "$@"
    if ! "$check" "$@"; then
      # A broken image left tagged would be "found" by the next run.
      local tags=("$image")
      [[ "$image" != "$BUSYBOX_IMAGE" ]] || tags+=("$BUSYBOX_LATEST")
      docker rmi "${tags[@]}" >/dev/null 2>&1 || true
      die "$image was built but does not work (see above), so it was removed again; build log in $DOCK_STATE_DIR"
    fi
    remove_if_dangling "$old_id"
    log "built $image ($(image_summary "$image")) in $(($(now) - started))s [$reason]; checked: $CHECKED"
    BUILT=yes
    return 0
  fi
  local checked=""
  if [[ -n "$CHECK" ]]; then
    "$check" "$@" || die "$image does not work (see above); rebuild it with scripts/fixtures.sh --force"
    checked="; checked: $CHECKED"
  fi
  log "found $image ($(image_summary "$image"))$checked"
}

# Saves dock-it/busybox:1 unless the archive there already holds this very image.
ensure_busybox_archive() {
  local id
  id="$(docker image inspect --format '{{.Id}}' "$BUSYBOX_IMAGE")"
  if [[ -z "$FORCE" && -s "$BUSYBOX_ARCHIVE" ]] \
    && tar -xOf "$BUSYBOX_ARCHIVE" manifest.json 2>/dev/null | grep -q "${id#sha256:}"; then
    log "found $BUSYBOX_ARCHIVE ($BUSYBOX_IMAGE, ${id:0:19})"
    return
  fi
  docker save -o "$BUSYBOX_ARCHIVE.tmp" "$BUSYBOX_IMAGE"
  chmod 644 "$BUSYBOX_ARCHIVE.tmp"
  mv -f "$BUSYBOX_ARCHIVE.tmp" "$BUSYBOX_ARCHIVE"
  log "saved $BUSYBOX_IMAGE (${id:0:19}) to $BUSYBOX_ARCHIVE ($(stat -c %s "$BUSYBOX_ARCHIVE") bytes)"
}

main() {
  require_engine
  ensure_packages busybox-static redis-server
  ensure_jdk
  mkdir -p "$DOCK_STATE_DIR"
  exec 8>"$DOCK_STATE_DIR/fixtures.lock"
  flock -w 300 8 || die "another fixtures.sh still holds $DOCK_STATE_DIR/fixtures.lock"
  trap 'remove_check_containers; remove_temp_dirs' EXIT

  local started
  started=$(now)
  ensure_image "$BUSYBOX_IMAGE" busybox-static build_busybox_image check_busybox_image
  if [[ -n "$BUILT" ]]; then
    # The healthy and JRE images are built on top of this one: they must follow.
    FORCE=yes ensure_image "$HEALTHY_IMAGE" "" build_healthy_image check_healthy_image
    FORCE=yes ensure_image "$JRE_IMAGE" jdk build_jre_image check_jre_image "$JRE_IMAGE"
  else
    if [[ "$(docker image inspect --format '{{.Id}}' "$BUSYBOX_LATEST" 2>/dev/null)" \
      != "$(docker image inspect --format '{{.Id}}' "$BUSYBOX_IMAGE")" ]]; then
      docker tag "$BUSYBOX_IMAGE" "$BUSYBOX_LATEST"
      log "tagged $BUSYBOX_IMAGE as $BUSYBOX_LATEST"
    fi
    ensure_image "$HEALTHY_IMAGE" "" build_healthy_image check_healthy_image
    ensure_image "$JRE_IMAGE" jdk build_jre_image check_jre_image "$JRE_IMAGE"
  fi
  ensure_image "$REDIS_IMAGE" redis-server build_redis_image check_redis_image "$REDIS_IMAGE"
  ensure_busybox_archive
  log "fixtures ready in $(($(now) - started))s"
}

main
