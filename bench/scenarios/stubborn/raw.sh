#!/usr/bin/env bash
# stubborn, raw: PID 1 ignores SIGTERM, so the stop waits the 3 s grace period, then kills.
set -euo pipefail
source "$(dirname "$0")/../../lib/raw.sh"
trap raw_cleanup EXIT
id="$(raw_run stubborn -p 7000 "$BUSYBOX" sh -c "echo ready; exec nc -ll -p 7000 -e cat")"
raw_wait_log "$id" ready
