#!/usr/bin/env bash
# compose, raw: what `docker compose up --wait` would do, by hand: a network (the services find each other by name),
# Redis until healthy, the migration until it exited 0, then web until it answers HTTP.
set -euo pipefail
source "$(dirname "$0")/../../lib/raw.sh"
trap raw_cleanup EXIT
REDIS="${REDIS_IMAGE:-dock-bench/redis-sh:7}"
raw_network
id="$(raw_run redis --network "$RAW_NETWORK" --network-alias redis --health-cmd 'redis-cli ping' \
  --health-interval 250ms --health-timeout 2s --health-retries 120 "$REDIS")"
raw_wait_healthy "$id"
id="$(raw_run migrate --network "$RAW_NETWORK" "$REDIS" redis-cli -h redis SET schema:version 3)"
raw_wait_exit "$id" 0
id="$(raw_run web --network "$RAW_NETWORK" -p 8080 "$BUSYBOX" sh -c "$WEB_COMMAND")"
raw_wait_http "http://127.0.0.1:$(raw_port "$id" 8080)/index.html"
