# Helpers for the raw variant: the docker CLI doing a scenario's Docker work as fast as a shell script can,
# independent containers in parallel. Sourced by bench/scenarios/<name>/raw.sh. Every container carries the label
# dock-bench=raw, so bench/run.sh finds leftovers. Each function fails (non-zero) rather than wait forever.

RAW_LABEL=(--label dock-bench=raw)
RAW_TIMEOUT="${RAW_TIMEOUT:-30}"
RAW_DIR="$(mktemp -d)"
BUSYBOX="${BUSYBOX:-dock-it/busybox:1}"
# The same commands as the Maven variants' (see bench/scenarios/*/pom.xml).
ECHO_COMMAND="trap 'exit 0' TERM; nc -ll -p 7000 -e cat & echo ready; wait"
WEB_COMMAND="trap 'exit 0' TERM; mkdir -p /www; echo hello > /www/index.html; httpd -f -p 8080 -h /www & wait"
RAW_NETWORK=""

# Starts a container detached, remembers its id for raw_cleanup and prints it.
# Arguments: an alias, then docker run options, image and command.
raw_run() {
  local alias="$1" id
  shift
  id="$(docker run -d "${RAW_LABEL[@]}" "$@")" || return 1
  echo "$id" >"$RAW_DIR/$alias.id"
  echo "$id"
}

# Starts an echo container (ready line, then TCP on 7000) and waits for its ready line. Run it with & for
# independent containers. Argument: the alias; the image is $BUSYBOX unless a second argument names one.
raw_echo() {
  local id
  id="$(raw_run "$1" -p 7000 "${2:-$BUSYBOX}" sh -c "$ECHO_COMMAND")" || return 1
  raw_wait_log "$id" ready
}

# Creates a network of its own for the script's containers (they find each other by --network-alias); sets
# RAW_NETWORK. raw_cleanup removes it.
raw_network() {
  RAW_NETWORK="dock-bench-raw-$$"
  docker network create "${RAW_LABEL[@]}" "$RAW_NETWORK" >/dev/null
}

# Waits until the engine reports the container healthy; fails once it is unhealthy or gone.
raw_wait_healthy() {
  local id="$1" status deadline=$((SECONDS + RAW_TIMEOUT))
  while status="$(docker inspect -f '{{.State.Health.Status}}' "$id")"; do
    [[ "$status" != healthy ]] || return 0
    [[ "$status" != unhealthy ]] || return 1
    ((SECONDS < deadline)) || return 1
    sleep 0.02
  done
  return 1
}

# Waits until the container exited, and fails unless with the given code.
raw_wait_exit() {
  local code
  code="$(timeout "$RAW_TIMEOUT" docker wait "$1")" || return 1
  [[ "$code" == "$2" ]]
}

# Waits for every background job; fails if one failed.
raw_wait_all() {
  local pid rc=0
  for pid in $(jobs -p); do
    wait "$pid" || rc=1
  done
  return "$rc"
}

# Prints the host port published for a container port (Docker chose it).
raw_port() {
  local port
  port="$(docker port "$1" "$2")" || return 1
  port="${port%%$'\n'*}"
  echo "${port##*:}"
}

# Waits until a line of the container's output (stdout or stderr) matches an extended regex.
raw_wait_log() {
  local id="$1" pattern="$2" fifo pid rc
  fifo="$(mktemp -u)"
  mkfifo "$fifo"
  timeout "$RAW_TIMEOUT" docker logs -f "$id" >"$fifo" 2>&1 &
  pid=$!
  # (the scripts run with errexit: every status is caught)
  grep -E -q -m1 -- "$pattern" <"$fifo" && rc=0 || rc=$?
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$fifo"
  return "$rc"
}

# Waits until a host port accepts TCP connections.
raw_wait_tcp() {
  local port="$1" deadline=$((SECONDS + RAW_TIMEOUT))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.02
  done
}

# Waits until an HTTP URL answers 2xx/3xx.
raw_wait_http() {
  local url="$1" deadline=$((SECONDS + RAW_TIMEOUT))
  until curl -s -f -o /dev/null --max-time 2 "$url"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.02
  done
}

# Stops (SIGTERM, SIGKILL after 3 s: the plugin's default grace period) and removes containers, all at once.
raw_stop() {
  (($# > 0)) || return 0
  docker stop -t 3 "$@" >/dev/null
  docker rm "$@" >/dev/null
}

# Stops and removes every container raw_run started; the scenario scripts run it on EXIT, so it is both the normal
# teardown and the cleanup after a failure.
raw_cleanup() {
  local ids=()
  mapfile -t ids < <(cat "$RAW_DIR"/*.id 2>/dev/null)
  raw_stop "${ids[@]}"
  [[ -z "$RAW_NETWORK" ]] || docker network rm "$RAW_NETWORK" >/dev/null
  rm -rf "$RAW_DIR"
}
