#!/usr/bin/env bash
# chain, raw: a, then b, then c (each once the one before is ready), alongside d and e.
set -euo pipefail
source "$(dirname "$0")/../../lib/raw.sh"
trap raw_cleanup EXIT
{ raw_echo a && raw_echo b && raw_echo c; } &
raw_echo d &
raw_echo e &
raw_wait_all
