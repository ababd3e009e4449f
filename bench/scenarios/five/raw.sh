#!/usr/bin/env bash
# five, raw: five independent echo containers in parallel, each waited for by its ready line.
set -euo pipefail
source "$(dirname "$0")/../../lib/raw.sh"
trap raw_cleanup EXIT
for i in 1 2 3 4 5; do
  raw_echo "c$i" &
done
raw_wait_all
