#!/usr/bin/env bash
# Benchmarks dock-maven-plugin against io.fabric8:docker-maven-plugin (d-m-p) and the raw docker CLI.
#
# Each scenario (bench/scenarios/<name>) is a small Maven project with one failsafe IT, run in four variants:
#   dock      mvn verify -Pdock: this plugin, the version in this working tree (built and installed first)
#   dmp       mvn verify -Pdmp: io.fabric8:docker-maven-plugin 0.49.0, startParallel
#   raw       bench/scenarios/<name>/raw.sh: the same Docker work with the docker CLI, the lower bound
#   baseline  mvn verify: the same project without any container plugin (the IT is skipped)
#   skip      mvn verify -Pdock -Ddock.skip: this plugin loaded (a build extension) but skipped, against the baseline
#   reuse     mvn verify -Pdock -Ddock.reuse=true -Dbench.reuse=true: this plugin with its containers kept for the next
#             build (<reuse>); the warm-up creates them, the rounds reuse them (only 'redis' has it)
#   ref       with --ref: like dock, but the plugin built from another commit (to measure a change before/after)
#   xml       mvn verify -Pxml: this plugin with the containers of a compose file as <container> elements (only
#             'compose' has it: its dock variant reads compose.yaml)
#   init      mvn verify -Pdock -Dbench.init=true: this plugin with Docker's init as the containers' PID 1 (<init>), so
#             that a PID 1 which ignores SIGTERM still stops at once (only 'stubborn' has it)
# A Maven variant whose profile a scenario does not define is left out there (d-m-p in 'compose'), and so are 'reuse'
# and 'init' where the scenario's containers do not take <reuse>${bench.reuse}</reuse> or <init>${bench.init}</init>.
# A warm-up run of each variant, then rounds of all variants interleaved (dock dmp raw baseline dock ...). Every
# run is checked: the build must succeed, and no container, network or volume of the benchmark may be left.
# Prints, per scenario, the median, min and max wall time of each variant, the ratios, the Maven JVM's peak RSS,
# the CPU time of the process tree, and how long each plugin takes until its first container is created. Raw results and logs stay in
# bench/target/results/<date>/ (results.tsv, summary.md, one log per run).
#
# Usage: bench/run.sh [options] [scenario...]  scenarios: one five chain stubborn redis pull twenty compose app
#                                              (default all)
#   -r, --rounds N         rounds per scenario (default 5)
#   --twenty-rounds N      rounds for 'twenty' (default 3)
#   -w, --warmup N         warm-up runs of each variant per scenario (default 1)
#   --variants LIST        comma list of variants (default dock,dmp,xml,raw,baseline,skip,reuse,init)
#   --no-build             use the plugin installed by the last run instead of building this tree
#   --ref GIT-REF          also build the plugin at GIT-REF (e.g. main) and add the variant 'ref' to the rounds
#   --profile              run the dock variant once per scenario with the plugin's debug log and print its
#                          timeline (ms since the run goal began), instead of benchmarking
# Environment: MVN (default: the repository's ./mvnw; the same Maven for every variant), MAVEN_OPTS (passed on).
# Needs: a Docker engine (scripts/engine-up.sh), the fixture images (scripts/fixtures.sh), /usr/bin/time, python3,
# curl, and for 'pull' Debian's docker-registry. The first run resolves d-m-p from Maven Central; later runs are
# offline.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
ALL_SCENARIOS=(one five chain stubborn redis pull twenty compose app)
ROUNDS=5
TWENTY_ROUNDS=3
WARMUP=1
VARIANTS=(dock dmp xml raw baseline skip reuse init)
BUILD=yes
PROFILE=""
REF=""
SCENARIOS=()

die() {
  echo "bench: $*" >&2
  exit 1
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

while (($# > 0)); do
  case "$1" in
    -r | --rounds) ROUNDS="$2"; shift ;;
    --twenty-rounds) TWENTY_ROUNDS="$2"; shift ;;
    -w | --warmup) WARMUP="$2"; shift ;;
    --variants) IFS=, read -r -a VARIANTS <<<"$2"; shift ;;
    --no-build) BUILD="" ;;
    --ref) REF="$2"; shift ;;
    --profile) PROFILE=yes ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option '$1' (try --help)" ;;
    *)
      [[ " ${ALL_SCENARIOS[*]} " == *" $1 "* ]] || die "unknown scenario '$1' (scenarios: ${ALL_SCENARIOS[*]})"
      SCENARIOS+=("$1")
      ;;
  esac
  shift
done
((${#SCENARIOS[@]} > 0)) || SCENARIOS=("${ALL_SCENARIOS[@]}")
for v in "${VARIANTS[@]}"; do
  [[ " dock dmp xml raw baseline skip reuse init ref " == *" $v "* ]] \
    || die "unknown variant '$v' (variants: dock dmp xml raw baseline skip reuse init ref)"
done
if [[ -n "$REF" && " ${VARIANTS[*]} " != *" ref "* ]]; then
  VARIANTS+=(ref)
elif [[ -z "$REF" && " ${VARIANTS[*]} " == *" ref "* ]]; then
  die "the variant 'ref' needs --ref GIT-REF"
fi

MVN="${MVN:-$ROOT/mvnw}"
REPO="$BENCH/target/m2"
OUT="$BENCH/target/results/$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS="$OUT/results.tsv"
DOCK_VERSION="$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml")"
REF_VERSION="$DOCK_VERSION-ref"
BENCH_GROUP="io.github.dockmaven.bench"
MVN_ARGS=(
  -B
  "-Dmaven.repo.local=$REPO"
  "-Dmaven.repo.local.tail=$HOME/.m2/repository"
  "-Ddock.version=$DOCK_VERSION"
  -Dstyle.color=never
  # Timestamps on Maven's own lines: the summary reads when each goal began from them.
  -Dorg.slf4j.simpleLogger.showDateTime=true
  "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSXXX"
)
CHILD=""
REGISTRY_PID=""
REGISTRY_DIR=""
PULL_IMAGE=""
# While a scenario runs the variant 'reuse': the one container it keeps between builds (mode=reused), which the
# check after every run accepts, and which is removed when the scenario ends.
REUSED_SCENARIO=""
REUSED_ID=""

log() {
  echo "bench: $*" >&2
}

now_ns() {
  date +%s%N
}

# ---- cleanup -------------------------------------------------------------------------------------------------

# Everything the benchmark may have created, one resource a line ("container <id> <name>", ...).
leftovers() {
  local scenario
  docker ps -a --filter label=dock-bench --format 'container {{.ID}} {{.Names}} ({{.Label "dock-bench"}})'
  docker network ls --filter label=dock-bench --format 'network {{.ID}} {{.Name}} ({{.Label "dock-bench"}})'
  for scenario in "${ALL_SCENARIOS[@]}"; do
    docker ps -a --filter "label=io.github.dockmaven.project=$BENCH_GROUP:$scenario" \
      --format 'container {{.ID}} {{.Names}} (dock)'
    docker network ls --filter "label=io.github.dockmaven.project=$BENCH_GROUP:$scenario" \
      --format 'network {{.ID}} {{.Name}} (dock)'
    docker volume ls -q --filter "label=io.github.dockmaven.project=$BENCH_GROUP:$scenario" \
      | sed 's/^/volume /; s/$/ (dock)/'
  done | sort -u
}

remove_leftovers() {
  local kind id rest
  while read -r kind id rest; do
    case "$kind" in
      container) docker rm -f "$id" >/dev/null 2>&1 || true ;;
      network) docker network rm "$id" >/dev/null 2>&1 || true ;;
      volume) docker volume rm -f "$id" >/dev/null 2>&1 || true ;;
    esac
  done < <(leftovers)
}

# The containers the plugin keeps for reuse in a scenario's project (label mode=reused), one ID a line.
reused_containers() {
  docker ps -a -q --filter "label=io.github.dockmaven.project=$BENCH_GROUP:$1" \
    --filter label=io.github.dockmaven.mode=reused
}

# During the variant 'reuse': the first reuse run must leave exactly one reused container, every later one the same
# container (a new ID means the plugin replaced it instead of reusing it).
check_reused() {
  local what="$1" reused
  reused="$(reused_containers "$REUSED_SCENARIO")"
  [[ -n "$reused" && "$reused" != *$'\n'* ]] \
    || die "$what: expected one container kept for reuse (mode=reused), found: ${reused:-none}"
  if [[ -z "$REUSED_ID" ]]; then
    REUSED_ID="$reused"
  elif [[ "$reused" != "$REUSED_ID" ]]; then
    die "$what replaced the reused container $REUSED_ID by $reused instead of reusing it"
  fi
}

remove_reused() {
  local id
  for id in $(reused_containers "$REUSED_SCENARIO"); do
    docker rm -f "$id" >/dev/null 2>&1 || true
  done
  REUSED_SCENARIO=""
  REUSED_ID=""
}

# Fails loudly if a run left anything behind (and removes it, so that nothing stays). Arguments: what ran, and its
# variant. Accepted: the container kept by the variant 'reuse' of the scenario in progress, and nothing else.
check_no_leftovers() {
  local what="$1" variant="${2:-}" found
  [[ "$variant" != reuse ]] || check_reused "$what"
  found="$(leftovers)"
  [[ -z "$REUSED_ID" ]] || found="$(grep -v "^container $REUSED_ID " <<<"$found" || true)"
  if [[ -n "$found" ]]; then
    echo "bench: LEFTOVERS after $what:" >&2
    sed 's/^/  /' <<<"$found" >&2
    remove_leftovers
    die "$what left Docker resources behind (listed above, now removed)"
  fi
}

stop_registry() {
  if [[ -n "$PULL_IMAGE" ]]; then
    docker rmi -f "$PULL_IMAGE" >/dev/null 2>&1 || true
  fi
  if [[ -n "$REGISTRY_PID" ]]; then
    kill "$REGISTRY_PID" 2>/dev/null || true
    wait "$REGISTRY_PID" 2>/dev/null || true
    REGISTRY_PID=""
  fi
  [[ -z "$REGISTRY_DIR" ]] || rm -rf "$REGISTRY_DIR"
  REGISTRY_DIR=""
  PULL_IMAGE=""
}

on_exit() {
  local rc=$?
  if [[ -n "$CHILD" ]] && kill -0 "$CHILD" 2>/dev/null; then
    log "stopping the run in progress (pid $CHILD)"
    # /usr/bin/time does not pass SIGTERM on: stop what it runs (Maven's shutdown hooks then clean up) first.
    pkill -TERM -P "$CHILD" 2>/dev/null || true
    kill "$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
  stop_registry
  if [[ -n "$(leftovers 2>/dev/null)" ]]; then
    log "removing what the interrupted run left"
    remove_leftovers
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- preparation ---------------------------------------------------------------------------------------------

preflight() {
  command -v python3 >/dev/null || die "python3 is needed for the summary"
  [[ -x /usr/bin/time ]] || die "/usr/bin/time (Debian package 'time') is needed for the peak RSS"
  command -v curl >/dev/null || die "curl is needed by the raw variant"
  docker info >/dev/null 2>&1 || die "no Docker engine answers; start one with scripts/engine-up.sh"
  local image
  for image in dock-it/busybox:1 dock-it/redis:7; do
    docker image inspect "$image" >/dev/null 2>&1 || die "image $image is missing; build it with scripts/fixtures.sh"
  done
  build_redis_with_shell
  # d-m-p and the raw variant use Docker's default bridge: check it works before blaming a plugin.
  docker run --rm --label dock-bench=preflight dock-it/busybox:1 true >/dev/null 2>&1 \
    || die "a container cannot start on Docker's default bridge network. Is the docker0 interface there? (A second
dockerd started with --bridge=none deletes it; restarting the engine, or 'ip link add docker0 type bridge' with the
address of 'docker network inspect bridge', brings it back.)"
  if [[ -n "$(leftovers)" ]]; then
    leftovers >&2
    die "Docker resources of an earlier benchmark are still there (above); remove them first"
  fi
}

# 'compose' checks Redis' health with redis-cli run by a shell (a <healthcheck><test> is a CMD-SHELL), which the
# Redis fixture has not: this adds busybox's static sh to it.
build_redis_with_shell() {
  docker image inspect dock-bench/redis-sh:7 >/dev/null 2>&1 && return 0
  printf 'FROM dock-it/busybox:1 AS busybox\nFROM dock-it/redis:7\nCOPY --from=busybox /bin/busybox /bin/sh\n' \
    | docker build -q -t dock-bench/redis-sh:7 - >/dev/null || die "could not build dock-bench/redis-sh:7"
}

build_plugin() {
  log "building and installing dock-maven-plugin $DOCK_VERSION from $ROOT into $REPO"
  local build_log="$OUT/build.log" args=(-B install -DskipTests -Dinvoker.skip -Dspotless.check.skip=true
    "-Dmaven.repo.local=$REPO" "-Dmaven.repo.local.tail=$HOME/.m2/repository")
  if ! (cd "$ROOT" && "$MVN" -o "${args[@]}") >"$build_log" 2>&1; then
    log "offline build failed; retrying online"
    (cd "$ROOT" && "$MVN" "${args[@]}") >"$build_log" 2>&1 || die "the plugin build failed (log: $build_log)"
  fi
}

# Builds the plugin as it is at $REF (git archive: the working tree is not touched) and installs it as
# $REF_VERSION, for the variant 'ref'.
build_ref() {
  local src="$BENCH/target/ref-src" build_log="$OUT/build-ref.log"
  git -C "$ROOT" rev-parse --verify -q "$REF^{commit}" >/dev/null || die "--ref $REF: no such commit"
  log "building dock-maven-plugin at $REF ($(git -C "$ROOT" rev-parse --short "$REF")) as $REF_VERSION"
  rm -rf "$src"
  mkdir -p "$src"
  git -C "$ROOT" archive "$REF" | tar -x -C "$src"
  sed -i "0,/<version>$DOCK_VERSION<\/version>/s//<version>$REF_VERSION<\/version>/" "$src/pom.xml"
  local args=(-B install -DskipTests -Dinvoker.skip -Dspotless.check.skip=true "-Dmaven.repo.local=$REPO"
    "-Dmaven.repo.local.tail=$HOME/.m2/repository")
  (cd "$src" && "$MVN" -o "${args[@]}") >"$build_log" 2>&1 || die "the build of $REF failed (log: $build_log)"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts a registry on 127.0.0.1 holding an image that exists nowhere else: busybox plus 8 MB of random data, in
# layers the engine does not have.
start_registry() {
  [[ -x /usr/bin/docker-registry ]] || die "the pull scenario needs Debian's docker-registry (apt-get install docker-registry)"
  local port
  port="$(free_port)"
  REGISTRY_DIR="$(mktemp -d)"
  cat >"$REGISTRY_DIR/config.yml" <<EOF
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $REGISTRY_DIR/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
EOF
  /usr/bin/docker-registry serve "$REGISTRY_DIR/config.yml" >"$OUT/registry.log" 2>&1 &
  REGISTRY_PID=$!
  local deadline=$((SECONDS + 20))
  until curl -s -f -o /dev/null "http://127.0.0.1:$port/v2/"; do
    ((SECONDS < deadline)) || die "the registry did not answer on 127.0.0.1:$port (log: $OUT/registry.log)"
    sleep 0.1
  done
  PULL_IMAGE="127.0.0.1:$port/dock-bench/pull:1"
  local cid
  cid="$(docker create --label dock-bench=setup dock-it/busybox:1)"
  docker export "$cid" >"$REGISTRY_DIR/rootfs.tar"
  docker rm "$cid" >/dev/null
  mkdir -p "$REGISTRY_DIR/extra"
  head -c 8000000 /dev/urandom >"$REGISTRY_DIR/extra/payload.bin"
  tar -rf "$REGISTRY_DIR/rootfs.tar" -C "$REGISTRY_DIR/extra" payload.bin
  docker import --change 'CMD ["sh"]' "$REGISTRY_DIR/rootfs.tar" "$PULL_IMAGE" >/dev/null
  docker push -q "$PULL_IMAGE" >/dev/null
  docker rmi "$PULL_IMAGE" >/dev/null
  log "registry on 127.0.0.1:$port serves $PULL_IMAGE"
}

# ---- one run -------------------------------------------------------------------------------------------------

# Sets VARIANT_ARGS to the Maven arguments that make a (Maven) variant.
variant_args() {
  case "$1" in
    baseline) VARIANT_ARGS=() ;;
    ref) VARIANT_ARGS=(-Pdock "-Ddock.version=$REF_VERSION") ;;
    # A skipped plugin exports no endpoints: an empty list makes the IT skip itself, as in the baseline.
    skip) VARIANT_ARGS=(-Pdock -Ddock.skip -Dendpoints=) ;;
    # Reuse needs both opt-ins: the machine's (dock.reuse) and the POM's (<reuse>, from bench.reuse).
    reuse) VARIANT_ARGS=(-Pdock -Ddock.reuse=true -Dbench.reuse=true) ;;
    init) VARIANT_ARGS=(-Pdock -Dbench.init=true) ;;
    *) VARIANT_ARGS=("-P$1") ;;
  esac
}

# The value of the label dock-bench on a variant's containers: the dock profile's for every variant of this plugin.
bench_label() {
  case "$1" in
    ref | reuse | skip | init) echo dock ;;
    *) echo "$1" ;;
  esac
}

# Whether a scenario has what a variant needs: its profile (dmp, xml), its containers' <reuse> or <init> property.
defines_variant() {
  local pom="$BENCH/scenarios/$1/pom.xml"
  case "$2" in
    dmp | xml) grep -q "<id>$2</id>" "$pom" ;;
    reuse) grep -q '<reuse>${bench.reuse}</reuse>' "$pom" ;;
    init) grep -q '<init>${bench.init}</init>' "$pom" ;;
    *) true ;;
  esac
}

# Runs one variant of one scenario; appends a line to results.tsv. Arguments: scenario, variant, round (0 for
# warm-up runs, which are not recorded).
run_one() {
  local scenario="$1" variant="$2" round="$3" dir="$BENCH/scenarios/$1"
  local name="$scenario-$variant-$round"
  local run_log="$OUT/logs/$name.log" rss_file="$OUT/logs/$name.rss"
  local start end rc=0 extra=()
  defines_variant "$scenario" "$variant" || return 0
  if [[ "$scenario" == pull ]]; then
    docker rmi -f "$PULL_IMAGE" >/dev/null 2>&1 || true
    extra=("-Dpull.image=$PULL_IMAGE")
  fi
  variant_args "$variant"
  # Every build starts from a fresh checkout, as in CI: with last run's target/ javac would skip its work ('app').
  rm -rf "$dir/target"
  start="$(now_ns)"
  if [[ "$variant" == raw ]]; then
    PULL_IMAGE="$PULL_IMAGE" /usr/bin/time -f "%M %U %S" -o "$rss_file" "$dir/raw.sh" >"$run_log" 2>&1 &
  else
    (cd "$dir" && exec /usr/bin/time -f "%M %U %S" -o "$rss_file" "$MVN" "${MVN_ARGS[@]}" -o "${extra[@]}" \
      "${VARIANT_ARGS[@]}" verify) >"$run_log" 2>&1 &
  fi
  CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=""
  end="$(now_ns)"
  if ((rc != 0)) && ((round == 0)) && [[ "$variant" != raw ]] && grep -q 'offline' "$run_log"; then
    log "$name: dependencies missing offline; resolving them online (once)"
    rc=0
    (cd "$dir" && "$MVN" "${MVN_ARGS[@]}" "${extra[@]}" "${VARIANT_ARGS[@]}" verify) >"$run_log" 2>&1 || rc=$?
    [[ "$scenario" != pull ]] || docker rmi -f "$PULL_IMAGE" >/dev/null 2>&1 || true
  fi
  if ((rc != 0)); then
    tail -40 "$run_log" >&2
    check_no_leftovers "$name (which failed)" "$variant" || true
    die "$name failed with exit code $rc (log: $run_log)"
  fi
  check_no_leftovers "$name" "$variant"
  if ((round > 0)); then
    # When the containers of this run were created and destroyed, from the engine's own clock.
    docker events --since "$((start / 1000000000)).$(printf '%09d' $((start % 1000000000)))" \
      --until "$(date +%s.%N)" --filter type=container --filter "label=dock-bench=$(bench_label "$variant")" \
      --format '{{.TimeNano}} {{.Action}}' >"$OUT/logs/$name.events" 2>/dev/null || true
    local rss user sys
    read -r rss user sys < <(tail -1 "$rss_file")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$variant" "$round" "$start" "$end" "$rss" \
      "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", (u + s) * 1000 }')" "$run_log" >>"$RESULTS"
  fi
  printf '  %-9s %-8s %s %6d ms\n' "$scenario" "$variant" "$([[ $round == 0 ]] && echo warm-up || echo "round $round")" \
    $(((end - start) / 1000000)) >&2
}

run_scenario() {
  local scenario="$1" rounds="$ROUNDS" round variant i
  [[ "$scenario" != twenty ]] || rounds="$TWENTY_ROUNDS"
  [[ "$scenario" != pull ]] || start_registry
  if [[ " ${VARIANTS[*]} " == *" reuse "* ]] && defines_variant "$scenario" reuse; then
    REUSED_SCENARIO="$scenario"
  fi
  log "$scenario: $WARMUP warm-up run(s) and $rounds round(s) of ${VARIANTS[*]}"
  for ((i = 0; i < WARMUP; i++)); do
    for variant in "${VARIANTS[@]}"; do
      run_one "$scenario" "$variant" 0
    done
  done
  for ((round = 1; round <= rounds; round++)); do
    for variant in "${VARIANTS[@]}"; do
      run_one "$scenario" "$variant" "$round"
    done
  done
  [[ "$scenario" != pull ]] || stop_registry
  [[ -z "$REUSED_SCENARIO" ]] || remove_reused
}

# The dock variant with the plugin's debug log, as a timeline: where its fixed cost goes.
profile_scenario() {
  local scenario="$1" dir="$BENCH/scenarios/$1" run_log="$OUT/logs/$1-profile.log" extra=()
  [[ "$scenario" != pull ]] || { start_registry; extra=("-Dpull.image=$PULL_IMAGE"); }
  (cd "$dir" && "$MVN" "${MVN_ARGS[@]}" -o "${extra[@]}" -Pdock -Dorg.slf4j.simpleLogger.log.io.github.dockmaven=debug \
    verify) >"$run_log" 2>&1 || { tail -40 "$run_log" >&2; die "$scenario failed (log: $run_log)"; }
  check_no_leftovers "$scenario profile"
  [[ "$scenario" != pull ]] || stop_registry
  echo "## $scenario: dock's debug log, ms since the run goal began"
  python3 "$BENCH/lib/summary.py" --timeline "$run_log"
}

# ---- main ----------------------------------------------------------------------------------------------------

mkdir -p "$OUT/logs"
preflight
[[ -z "$BUILD" ]] || build_plugin
[[ -z "$REF" ]] || build_ref
[[ -d "$REPO/io/github/dockmaven/dock-maven-plugin/$DOCK_VERSION" ]] \
  || die "dock-maven-plugin $DOCK_VERSION is not installed in $REPO; run without --no-build"
if [[ -n "$PROFILE" ]]; then
  for scenario in "${SCENARIOS[@]}"; do
    profile_scenario "$scenario"
  done
  exit 0
fi
printf 'scenario\tvariant\tround\tstart_ns\tend_ns\tmax_rss_kb\tcpu_ms\tlog\n' >"$RESULTS"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM," \
    "$(. /etc/os-release && echo "$PRETTY_NAME"), Docker $(docker version -f '{{.Server.Version}}')," \
    "$("$MVN" -v 2>/dev/null | sed -n '1s/ *(.*//p' | sed 's/\x1b\[[0-9;]*m//g'), Java $(java -version 2>&1 | sed -n '1s/.*"\(.*\)".*/\1/p')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rounds: $ROUNDS (twenty: $TWENTY_ROUNDS), warm-up: $WARMUP, variants: ${VARIANTS[*]}"
  echo "plugin: $(git -C "$ROOT" describe --always --dirty)${REF:+, ref: $REF ($(git -C "$ROOT" rev-parse --short "$REF"))}"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2
for scenario in "${SCENARIOS[@]}"; do
  run_scenario "$scenario"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"
python3 "$BENCH/lib/summary.py" "$OUT" | tee "$OUT/summary.md"
log "results in $OUT"
