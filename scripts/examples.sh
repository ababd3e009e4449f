#!/usr/bin/env bash
# Runs examples/service end to end, as CI's proof that the example works (scripts/test.sh calls it after the
# plugin's own tests): installs the plugin of this checkout into the local Maven repository, runs
#   ./mvnw -B -ntp -f examples/service/pom.xml verify
# (package makes the jar, dock:run builds its image FROM dock-it/jre:17 and seeds it, failsafe's ServiceIT talks
# HTTP to it, dock:stop copies the access log out and removes the container), then checks that the tests passed,
# that target/service-logs/access.log holds the ITs' requests, that the image carries the project's label and that
# no container, network or volume of the example is left. Removes the image the build made at the end.
#
# Needs a running engine and the fixture image dock-it/jre:17 (scripts/engine-up.sh, scripts/fixtures.sh).
#
# Usage: scripts/examples.sh [extra Maven arguments for the example's build, e.g. -o]
# Environment: DOCK_STATE_DIR (default /tmp/dock-engine; the Maven logs go there), DOCKER_HOST,
#   DOCK_PLUGIN_INSTALLED=1 (the plugin of this checkout is installed already, as scripts/test.sh has done).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib.sh
source scripts/lib.sh

case "${1:-}" in
  -h | --help)
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit 0
    ;;
esac

EXAMPLE_DIR=examples/service
EXAMPLE_PROJECT=io.github.dockmaven.examples:service-example
PROJECT_FILTER="label=io.github.dockmaven.project=$EXAMPLE_PROJECT"
EXAMPLE_IMAGE=dock/service-example-service:latest
ACCESS_LOG="$EXAMPLE_DIR/target/service-logs/access.log"
INSTALL_LOG="$DOCK_STATE_DIR/examples-install.log"
VERIFY_LOG="$DOCK_STATE_DIR/examples-service-verify.log"

# Containers, networks and volumes labelled with the example's project, one per line.
leftovers() {
  docker ps -a --filter "$PROJECT_FILTER" --format 'container {{.Names}} ({{.Status}})'
  docker network ls --filter "$PROJECT_FILTER" --format 'network {{.Name}}'
  docker volume ls --filter "$PROJECT_FILTER" --format 'volume {{.Name}}'
}

remove_example_images() {
  local ids
  ids="$(docker images -q --filter "$PROJECT_FILTER" | sort -u)"
  # shellcheck disable=SC2086  # one id per word
  [[ -z "$ids" ]] || docker rmi -f $ids >/dev/null
}

main() {
  local started before
  started=$(now)
  require_engine
  image_exists "$JRE_IMAGE" || die "$JRE_IMAGE, the example's base image, is missing; build it with scripts/fixtures.sh"
  before="$(leftovers)"
  [[ -z "$before" ]] \
    || die "resources of $EXAMPLE_PROJECT exist before the build (remove them with ./mvnw -f $EXAMPLE_DIR/pom.xml dock:remove):"$'\n'"$before"

  [[ "${DOCK_PLUGIN_INSTALLED:-0}" == 1 ]] || install_plugin "$INSTALL_LOG"
  # Fresh results: an old failsafe summary or access log must not pass for this run's.
  rm -rf "$EXAMPLE_DIR/target"
  local command=(./mvnw -B -ntp -f "$EXAMPLE_DIR/pom.xml" verify "$@")
  log "running: ${command[*]}"
  if ! "${command[@]}" >"$VERIFY_LOG" 2>&1; then
    tail -n 60 "$VERIFY_LOG" >&2
    die "the example's build failed (full log: $VERIFY_LOG)"
  fi

  check_example_tests "$EXAMPLE_DIR"
  [[ -f "$ACCESS_LOG" ]] || die "copyOut did not bring the access log to $ACCESS_LOG"
  grep -q ' PUT /items/from-the-it 201$' "$ACCESS_LOG" \
    || die "$ACCESS_LOG lacks ServiceIT's PUT; it holds: $(cat "$ACCESS_LOG")"
  [[ "$(docker image inspect --format '{{index .Config.Labels "io.github.dockmaven.project"}}' "$EXAMPLE_IMAGE")" \
    == "$EXAMPLE_PROJECT" ]] || die "$EXAMPLE_IMAGE does not carry the label io.github.dockmaven.project=$EXAMPLE_PROJECT"
  local left
  left="$(leftovers)"
  [[ -z "$left" ]] || die "the example's build left these behind:"$'\n'"$left"
  remove_example_images

  log "examples/service passed in $(($(now) - started))s: $EXAMPLE_UNIT_TESTS unit tests and $EXAMPLE_ITS ITs," \
    "$(wc -l <"$ACCESS_LOG") requests in $ACCESS_LOG, nothing left (Maven log: $VERIFY_LOG)"
}

main "$@"
