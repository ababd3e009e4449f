#!/usr/bin/env bash
# Stops the dockerd that scripts/engine-up.sh started, and only that one: the pid in
# $DOCK_STATE_DIR/dockerd.pid gets SIGTERM, then SIGKILL if it still runs after 20s. If engine-up.sh
# started none (an engine was already there, or it was stopped already), does nothing and says so.
#
# Environment: DOCK_STATE_DIR (default /tmp/dock-engine).
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case "${1:-}" in
  -h | --help)
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit 0
    ;;
  "") ;;
  *) die "unknown argument '$1' (try --help)" ;;
esac

lock_engine_state
if ! stop_our_dockerd; then
  log "engine-up.sh started no dockerd that still runs (no live pid in $DOCKERD_PID_FILE); nothing to stop"
fi
