#!/usr/bin/env bash
# one, raw: a busybox httpd on a free host port, HTTP wait, stop, remove.
set -euo pipefail
source "$(dirname "$0")/../../lib/raw.sh"
trap raw_cleanup EXIT
id="$(raw_run web -p 8080 "$BUSYBOX" sh -c "$WEB_COMMAND")"
raw_wait_http "http://127.0.0.1:$(raw_port "$id" 8080)/"
