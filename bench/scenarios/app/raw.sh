#!/usr/bin/env bash
# app, raw: the container work of 'app', which is redis's (the module's compiling and testing is Maven's, not the
# engine's): a real Redis; its ready line and its TCP port.
exec "$(dirname "$0")/../redis/raw.sh"
