#!/usr/bin/env bash
# redis, raw: a real Redis; its ready line and its TCP port.
set -euo pipefail
source "$(dirname "$0")/../../lib/raw.sh"
trap raw_cleanup EXIT
id="$(raw_run redis -p 6379 "${REDIS_IMAGE:-dock-it/redis:7}")"
raw_wait_log "$id" "Ready to accept connections" &
raw_wait_tcp "$(raw_port "$id" 6379)" &
raw_wait_all
