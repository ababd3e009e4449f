#!/usr/bin/env bash
# Runs every test of the plugin: unit tests, the *IT classes and the invoker projects under src/it, against a real
# Docker engine. On a fresh Debian machine (as root) it installs and starts the engine and builds the offline test
# images first; an engine this script started is stopped again at the end (KEEP_ENGINE=1 leaves it running).
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

./mvnw -B -ntp verify "$@"
