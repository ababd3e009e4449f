#!/usr/bin/env bash
# Runs every test of the plugin: unit tests, the *IT classes and the invoker projects under src/it, against a real
# Docker engine. On a fresh Debian machine (as root) it installs and starts the engine and builds the offline test
# images first; an engine this script started is stopped again at the end (KEEP_ENGINE=1 leaves it running).
# Without extra arguments it also runs examples/service against the plugin (scripts/examples.sh).
#
# Then a compatibility pass runs a few invoker projects again with the machine's own Maven (3.8.x on Debian 12) and
# with a Maven 4 release candidate (downloaded from Maven Central once, into $DOCK_STATE_DIR); DOCK_COMPAT=0 skips it.
#
# Usage: scripts/test.sh [extra Maven arguments, e.g. -Dinvoker.test=happy-path-properties]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=lib.sh
source scripts/lib.sh

started_engine=0
if ! engine_answers; then
  bash scripts/engine-up.sh
  started_engine=1
else
  log "using the engine that already answers: $(docker_endpoint)"
fi
finish() {
  local rc=$?
  if [[ "$started_engine" == 1 && "${KEEP_ENGINE:-0}" != 1 ]]; then
    bash scripts/engine-down.sh || true
  fi
  exit "$rc"
}
trap finish EXIT

bash scripts/fixtures.sh

# Everything on the engine, one line per object. The per-project checks look for what carries our labels; this one
# also sees what carries none (an image a failed build's step left, a test's own container), by comparing the engine
# after the tests with the engine before them.
engine_objects() {
  {
    docker ps -aq --no-trunc | sed 's/^/container /'
    docker network ls -q --no-trunc | sed 's/^/network /'
    docker volume ls -q | sed 's/^/volume /'
    docker images -aq --no-trunc | sed 's/^/image /'
  } | sort -u
}
engine_before="$(engine_objects)"

# Fails when the tests left anything on the engine, naming each object.
check_engine_left_as_found() {
  local left kind id
  left="$(comm -13 <(printf '%s\n' "$engine_before") <(engine_objects))"
  [[ -z "$left" ]] && return 0
  while read -r kind id; do
    case "$kind" in
      container) docker ps -a --no-trunc --filter "id=$id" --format 'container {{.Names}} ({{.Image}}) {{.Labels}}' ;;
      image) docker image inspect --format 'image {{.Id}} {{.RepoTags}} {{.Config.Labels}}' "$id" ;;
      *) echo "$kind $id" ;;
    esac
  done <<<"$left" >&2
  die "the tests left the objects above on the engine"
}

# install rather than verify: the examples below build against the plugin these tests just proved
./mvnw -B -ntp install "$@"
# A full run also proves the examples: examples/service (its image built from the jar it packages, seeded, tested, its
# log kept) and examples/compose (a compose file's services, ordered by health and a one-shot migration).
if [[ $# -eq 0 ]]; then
  DOCK_PLUGIN_INSTALLED=1 bash scripts/examples.sh
fi
./mvnw -B -ntp site # the goal and parameter pages (target/site/plugin-info.html) must build too

# The plugin must also work on older and newer Maven: rerun the core lifecycle cases with each.
MAVEN4_VERSION=4.0.0-rc-5
compat_cases=happy-path-properties,teardown-after-failing-it,stop-from-separate-invocation,early-start-session-end,session-end-without-extension
compat() {
  local home="$1"
  log "compatibility: $("$home/bin/mvn" -v 2>/dev/null | head -1)"
  ./mvnw -B -ntp verify -DskipTests -Dinvoker.test="$compat_cases" -Dinvoker.mavenHome="$home"
}
if [[ "${DOCK_COMPAT:-1}" != 0 && $# -eq 0 ]]; then
  if command -v mvn >/dev/null 2>&1; then
    compat "$(dirname "$(dirname "$(readlink -f "$(command -v mvn)")")")"
  fi
  maven4="$DOCK_STATE_DIR/apache-maven-$MAVEN4_VERSION"
  if [[ ! -x "$maven4/bin/mvn" ]]; then
    mkdir -p "$DOCK_STATE_DIR"
    ./mvnw -B -q -ntp dependency:copy -Dartifact="org.apache.maven:apache-maven:$MAVEN4_VERSION:tar.gz:bin" \
      -DoutputDirectory="$DOCK_STATE_DIR" -Dmdep.stripVersion=false
    tar xzf "$DOCK_STATE_DIR/apache-maven-$MAVEN4_VERSION-bin.tar.gz" -C "$DOCK_STATE_DIR"
  fi
  compat "$maven4"
fi

check_engine_left_as_found
