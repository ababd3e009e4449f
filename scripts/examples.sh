#!/usr/bin/env bash
# Runs the examples end to end, as CI's proof that they work (scripts/test.sh calls it after the plugin's own tests):
# installs the plugin of this checkout into the local Maven repository, then runs `mvn verify` in
#   examples/service: package makes the jar, dock:run builds its image FROM dock-it/jre:17 and seeds it, failsafe's
#     ServiceIT talks HTTP to it, dock:stop copies the access log out and removes the container; checked: the tests
#     passed, target/service-logs/access.log holds the ITs' requests, the image carries the project's label (and is
#     removed at the end);
#   examples/compose: its compose.yaml's web, Redis and migration, with the offline images (REDIS_IMAGE,
#     BUSYBOX_IMAGE); checked: the tests passed.
# For each: no container, network or volume of the example is left.
#
# Needs a running engine and the fixture images (scripts/engine-up.sh, scripts/fixtures.sh).
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

INSTALL_LOG="$DOCK_STATE_DIR/examples-install.log"

# Containers, networks and volumes labelled with a project, one per line.
leftovers() {
  local filter="label=io.github.dockmaven.project=$1"
  docker ps -a --filter "$filter" --format 'container {{.Names}} ({{.Status}})'
  docker network ls --filter "$filter" --format 'network {{.Name}}'
  docker volume ls --filter "$filter" --format 'volume {{.Name}}'
}

# Runs one example's build (mvn verify in its folder, with the given environment) and checks that its tests passed
# and that nothing of it is left. Arguments: the folder, the project (groupId:artifactId), then NAME=value
# assignments for the build's environment.
run_example() {
  local dir="$1" project="$2" before left
  shift 2
  before="$(leftovers "$project")"
  [[ -z "$before" ]] \
    || die "resources of $project exist before the build (remove them with ./mvnw -f $dir/pom.xml dock:remove):"$'\n'"$before"
  # Fresh results: an old failsafe summary or access log must not pass for this run's.
  rm -rf "$dir/target"
  local verify_log="$DOCK_STATE_DIR/examples-${dir##*/}-verify.log"
  local command=(./mvnw -B -ntp -f "$dir/pom.xml" verify "${MAVEN_ARGS[@]}")
  log "running: $* ${command[*]}"
  if ! env "$@" "${command[@]}" >"$verify_log" 2>&1; then
    tail -n 60 "$verify_log" >&2
    die "the build of $dir failed (full log: $verify_log)"
  fi
  check_example_tests "$dir"
  left="$(leftovers "$project")"
  [[ -z "$left" ]] || die "the build of $dir left these behind:"$'\n'"$left"
}

# examples/service: its image built FROM dock-it/jre:17, seeded, tested; its access log copied out.
service_example() {
  local dir=examples/service project=io.github.dockmaven.examples:service-example
  local image=dock/service-example-service:latest access_log=examples/service/target/service-logs/access.log
  image_exists "$JRE_IMAGE" || die "$JRE_IMAGE, the example's base image, is missing; build it with scripts/fixtures.sh"
  run_example "$dir" "$project"
  [[ -f "$access_log" ]] || die "copyOut did not bring the access log to $access_log"
  grep -q ' PUT /items/from-the-it 201$' "$access_log" \
    || die "$access_log lacks ServiceIT's PUT; it holds: $(cat "$access_log")"
  [[ "$(docker image inspect --format '{{index .Config.Labels "io.github.dockmaven.project"}}' "$image")" \
    == "$project" ]] || die "$image does not carry the label io.github.dockmaven.project=$project"
  local ids
  ids="$(docker images -q --filter "label=io.github.dockmaven.project=$project" | sort -u)"
  # shellcheck disable=SC2086  # one id per word
  [[ -z "$ids" ]] || docker rmi -f $ids >/dev/null
  log "examples/service passed: $EXAMPLE_UNIT_TESTS unit tests and $EXAMPLE_ITS ITs, $(wc -l <"$access_log")" \
    "requests in $access_log, nothing left"
}

# examples/compose: its compose.yaml's services with the offline images, chosen through the environment.
compose_example() {
  run_example examples/compose io.github.dockmaven.examples:compose-example \
    "REDIS_IMAGE=$REDIS_IMAGE" "BUSYBOX_IMAGE=$BUSYBOX_IMAGE"
  log "examples/compose passed: $EXAMPLE_ITS ITs, nothing left"
}

main() {
  local started
  started=$(now)
  require_engine
  [[ "${DOCK_PLUGIN_INSTALLED:-0}" == 1 ]] || install_plugin "$INSTALL_LOG"
  service_example
  compose_example
  log "the examples passed in $(($(now) - started))s"
}

MAVEN_ARGS=("$@")
main
