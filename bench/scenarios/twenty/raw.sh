#!/usr/bin/env bash
# twenty, raw: twenty independent echo containers in parallel, each waited for by its ready line.
set -euo pipefail
source "$(dirname "$0")/../../lib/raw.sh"
trap raw_cleanup EXIT
for i in $(seq 1 20); do
  raw_echo "c$i" &
done
raw_wait_all
