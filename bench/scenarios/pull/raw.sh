#!/usr/bin/env bash
# pull, raw: pull the image from the registry bench/run.sh started (PULL_IMAGE), then as five's containers.
set -euo pipefail
source "$(dirname "$0")/../../lib/raw.sh"
trap raw_cleanup EXIT
docker pull -q "${PULL_IMAGE:?set by bench/run.sh}" >/dev/null
raw_echo app "$PULL_IMAGE"
