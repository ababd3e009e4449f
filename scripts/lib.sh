# shellcheck shell=bash disable=SC2034  # constants here are for the scripts that source this file
# Shared helpers for the scripts in this folder; sourced, never run.
#
# Environment:
#   DOCK_STATE_DIR  where the engine's pid file and log, build logs and saved archives live
#                   (default /tmp/dock-engine)
#   DOCKER_HOST     honoured by every docker call, as the docker CLI does

DOCK_STATE_DIR="${DOCK_STATE_DIR:-/tmp/dock-engine}"
DOCKERD_PID_FILE="$DOCK_STATE_DIR/dockerd.pid"
DOCKERD_LOG="$DOCK_STATE_DIR/dockerd.log"
DOCKERD_HOST_FILE="$DOCK_STATE_DIR/dockerd.host"

# Packages the engine, the fixtures and the tests need on a Debian/Ubuntu machine.
ENGINE_PACKAGES=(docker.io busybox-static redis-server docker-registry apache2-utils)

# The legacy builder: FROM scratch needs no pull there, and a newer CLI without the buildx
# plugin refuses BuildKit builds.
export DOCKER_BUILDKIT=0

log() { printf '%s: %s\n' "${0##*/}" "$*"; }
warn() { printf '%s: warning: %s\n' "${0##*/}" "$*" >&2; }
die() {
  printf '%s: error: %s\n' "${0##*/}" "$*" >&2
  exit 1
}

# Seconds since the epoch, for "took Ns" messages.
now() { date +%s; }

# The endpoint the docker CLI talks to, for messages.
docker_endpoint() {
  if [[ -n "${DOCKER_HOST:-}" ]]; then
    printf '%s\n' "$DOCKER_HOST"
  elif command -v docker >/dev/null 2>&1 \
    && docker context inspect --format '{{.Endpoints.docker.Host}}' 2>/dev/null; then
    :
  else
    printf '%s\n' unix:///var/run/docker.sock
  fi
}

# True when a Docker engine answers within a few seconds (DOCKER_HOST and contexts honoured).
engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 8 docker info >/dev/null 2>&1
}

# One line saying which engine answers: endpoint, version, storage driver.
engine_description() {
  local facts
  facts="$(timeout 8 docker info --format \
    'Docker Engine {{.ServerVersion}} ({{.OperatingSystem}}, {{.OSType}}/{{.Architecture}}, storage driver {{.Driver}})' \
    2>/dev/null)" || facts="(docker info failed)"
  printf '%s at %s\n' "$facts" "$(docker_endpoint)"
}

# Why docker info fails, when the reason is one the user can act on without reading the daemon log.
engine_hint() {
  local out
  out="$(timeout 8 docker info 2>&1 >/dev/null)" || true
  if [[ "$out" == *"permission denied"* ]]; then
    printf ' (permission denied on the socket: run as root or join the docker group)'
  fi
}

require_engine() {
  engine_answers \
    || die "no Docker engine answers at $(docker_endpoint)$(engine_hint); run scripts/engine-up.sh, start Docker, or set DOCKER_HOST"
}

package_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" == "ii " ]]
}

package_has_candidate() {
  local candidate
  candidate="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
  [[ -n "$candidate" && "$candidate" != "(none)" ]]
}

# Installs the Debian packages named in the arguments that are missing; runs apt-get update only when
# a package is unknown to the current lists or the install fails with them. Services the packages
# ship (docker, redis-server, docker-registry) are not started: policy-rc.d forbids it for the
# duration, because engine-up.sh starts dockerd itself and the tests start their own redis.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    package_installed "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} > 0)) || return 0

  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    die "missing packages: ${missing[*]}; this script installs them only as root on Debian/Ubuntu (apt-get); install them yourself, or start Docker and set DOCKER_HOST"
  fi
  log "installing ${missing[*]} with apt-get"

  local policy=/usr/sbin/policy-rc.d created_policy=""
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\n# written by dock-maven-plugin scripts/lib.sh during apt-get install\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    created_policy=yes
  fi

  local apt_log="$DOCK_STATE_DIR/apt.log" status=0
  mkdir -p "$DOCK_STATE_DIR"
  : >"$apt_log"
  (
    export DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a
    update_lists() { apt-get update >>"$apt_log" 2>&1; }
    local p
    for p in "${missing[@]}"; do
      if ! package_has_candidate "$p"; then
        update_lists
        break
      fi
    done
    apt_install() { apt-get install -y --no-install-recommends "${missing[@]}" >>"$apt_log" 2>&1; }
    # Stale lists name versions the mirror no longer has: update once and try again.
    apt_install || { update_lists && apt_install; }
  ) || status=$?

  [[ -z "$created_policy" ]] || rm -f "$policy"
  if ((status != 0)); then
    tail -n 20 "$apt_log" >&2
    die "apt-get install ${missing[*]} failed (full log: $apt_log)"
  fi
}

# --- Java, the plugin, the examples --------------------------------------------------------------

# The JDK mvnw uses: JAVA_HOME if set (as mvnw does), else the one the javac on the PATH belongs to.
jdk_home() {
  if [[ -n "${JAVA_HOME:-}" ]]; then
    printf '%s\n' "$JAVA_HOME"
    return
  fi
  local javac
  javac="$(command -v javac)" || return 1
  dirname "$(dirname "$(readlink -f "$javac")")"
}

# The major version of the JDK mvnw will use, or nothing.
jdk_major() {
  local home
  home="$(jdk_home)" || return 0
  [[ -x "$home/bin/javac" ]] || return 0
  "$home/bin/javac" -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p'
}

# "17.0.15+6-Debian-1deb12u1": the exact runtime version of that JDK, from its release file.
jdk_runtime_version() {
  sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$(jdk_home)/release" 2>/dev/null
}

ensure_jdk() {
  local major
  major="$(jdk_major)"
  if [[ -n "$major" ]] && ((major >= 17)); then
    log "using JDK $major"
    return
  fi
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    die "the build needs a JDK 17 or newer (found: ${major:-none}); install one, or set JAVA_HOME to one"
  fi
  # default-jdk-headless: 17 on Debian 12, 21 on Debian 13 and Ubuntu 24.04.
  ensure_packages default-jdk-headless
  major="$(jdk_major)"
  if [[ -z "$major" ]] || ((major < 17)); then
    die "installed default-jdk-headless, but javac is still not 17 or newer (found: ${major:-none}); install openjdk-17-jdk-headless or set JAVA_HOME"
  fi
  log "installed default-jdk-headless: JDK $major"
}

# Installs the plugin of this checkout into the local Maven repository, for the examples to use: no tests, no
# invoker projects, quietly; Maven's output goes to the log file given, and its head to stderr on failure.
install_plugin() {
  local install_log="$1" started
  started=$(now)
  mkdir -p "$(dirname "$install_log")"
  log "installing dock-maven-plugin into the local Maven repository (./mvnw -B -q install -DskipTests ...)"
  if ! ./mvnw -B -q install -DskipTests -Dinvoker.skip=true -Dspotless.check.skip=true >"$install_log" 2>&1; then
    printf '%s: the plugin did not build; Maven said:\n' "${0##*/}" >&2
    head -n 80 "$install_log" >&2
    (($(wc -l <"$install_log") <= 80)) || printf '  ... (%d more lines)\n' "$(($(wc -l <"$install_log") - 80))" >&2
    die "installing the plugin failed (full log: $install_log)"
  fi
  log "installed dock-maven-plugin in $(($(now) - started))s"
}

# "5" from <completed>5</completed> in a failsafe/surefire summary file.
summary_field() { sed -n "s:.*<$2>\([0-9]*\)</$2>.*:\1:p" "$1" | head -n 1; }

# Fails unless an example's build ran at least one IT and every IT passed; counts its ITs and unit tests into
# EXAMPLE_ITS and EXAMPLE_UNIT_TESTS. Argument: the example's folder.
check_example_tests() {
  local dir="$1"
  local summary="$dir/target/failsafe-reports/failsafe-summary.xml" completed failures errors
  [[ -f "$summary" ]] || die "no $summary: the ITs did not run"
  completed="$(summary_field "$summary" completed)"
  failures="$(summary_field "$summary" failures)"
  errors="$(summary_field "$summary" errors)"
  [[ "${completed:-0}" -gt 0 ]] || die "failsafe ran no IT ($summary)"
  [[ "${failures:-0}" == 0 && "${errors:-0}" == 0 ]] \
    || die "failsafe reports $failures failures and $errors errors in $completed ITs ($summary)"
  local units=0 report count
  for report in "$dir"/target/surefire-reports/TEST-*.xml; do
    [[ -f "$report" ]] || continue
    count="$(sed -n 's/.*<testsuite[^>]* tests="\([0-9]*\)".*/\1/p' "$report" | head -n 1)"
    units=$((units + ${count:-0}))
  done
  EXAMPLE_ITS="$completed"
  EXAMPLE_UNIT_TESTS="$units"
}

# --- images -----------------------------------------------------------------------------------------

BUSYBOX_IMAGE=dock-it/busybox:1
BUSYBOX_LATEST=dock-it/busybox:latest
HEALTHY_IMAGE=dock-it/busybox-healthy:1
REDIS_IMAGE=dock-it/redis:7
JRE_IMAGE=dock-it/jre:17
DEMO_REDIS_IMAGE=dock-demo/redis:7
BUSYBOX_ARCHIVE="$DOCK_STATE_DIR/busybox.tar"

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# "sha256:0123456789ab, 1984241 bytes"
image_summary() {
  local id size
  id="$(docker image inspect --format '{{.Id}}' "$1")"
  size="$(docker image inspect --format '{{.Size}}' "$1")"
  printf '%s, %s bytes' "${id:0:19}" "$size"
}

package_version() { dpkg-query -W -f='${Version}' "$1"; }

# Runs docker build quietly; on failure prints the tail of the build log and fails.
# Arguments: context dir, log name, then the arguments for docker build.
docker_build() {
  local context="$1" name="$2"
  shift 2
  local build_log="$DOCK_STATE_DIR/build-$name.log"
  mkdir -p "$DOCK_STATE_DIR"
  if ! docker build --no-cache "$@" "$context" >"$build_log" 2>&1; then
    tail -n 20 "$build_log" >&2
    die "docker build of $name failed (full log: $build_log)"
  fi
}

# A temporary directory removed when the script exits.
make_temp_dir() {
  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/dock-fixture.XXXXXX")"
  TEMP_DIRS+=("$dir")
  printf '%s\n' "$dir"
}
TEMP_DIRS=()
remove_temp_dirs() {
  local dir
  for dir in "${TEMP_DIRS[@]}"; do rm -rf "$dir"; done
}

# dock-it/busybox:1 and :latest: Debian's static busybox with every applet as a symlink in /bin.
build_busybox_image() {
  local busybox=/bin/busybox
  [[ -x "$busybox" ]] || die "$busybox is missing; install the busybox-static package"
  if ldd "$busybox" >/dev/null 2>&1; then
    die "$busybox is dynamically linked; install the busybox-static package (it replaces busybox)"
  fi
  local context applet
  context="$(make_temp_dir)"
  mkdir -p "$context/rootfs/bin" "$context/rootfs/etc" "$context/rootfs/root" "$context/rootfs/tmp" \
    "$context/rootfs/var/www"
  chmod 1777 "$context/rootfs/tmp"
  cp "$busybox" "$context/rootfs/bin/busybox"
  for applet in $("$busybox" --list); do
    [[ "$applet" == busybox ]] || ln -s busybox "$context/rootfs/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' \
    >"$context/rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$context/rootfs/etc/group"
  cat >"$context/Dockerfile" <<'EOF'
FROM scratch
COPY rootfs/ /
ARG VERSION
LABEL org.opencontainers.image.title="dock-it/busybox" \
      org.opencontainers.image.description="Debian's static busybox, applets in /bin; test fixture of dock-maven-plugin" \
      org.opencontainers.image.version="${VERSION}"
ENV PATH=/bin
CMD ["sh"]
EOF
  docker_build "$context" "${BUSYBOX_IMAGE//[\/:]/-}" --build-arg "VERSION=$(package_version busybox-static)" \
    -t "$BUSYBOX_IMAGE" -t "$BUSYBOX_LATEST"
}

# dock-it/busybox-healthy:1: becomes healthy about a second after start; exits at once on SIGTERM.
build_healthy_image() {
  local context
  context="$(make_temp_dir)"
  cat >"$context/Dockerfile" <<EOF
FROM $BUSYBOX_IMAGE
LABEL org.opencontainers.image.title="dock-it/busybox-healthy" \\
      org.opencontainers.image.description="busybox that turns healthy after ~1s; test fixture of dock-maven-plugin"
HEALTHCHECK --interval=1s --timeout=1s --retries=3 CMD ["test", "-f", "/tmp/ready"]
EOF
  # Single quotes: the shell in the container expands these, not this script. 'sleep & wait' keeps
  # the shell (PID 1) able to run its TERM trap at once instead of after the sleep.
  # shellcheck disable=SC2016
  printf '%s\n' 'CMD ["sh", "-c", "trap \"exit 0\" TERM INT; sleep 1 & wait $!; touch /tmp/ready; echo ready; while true; do sleep 1 & wait $!; done"]' \
    >>"$context/Dockerfile"
  docker_build "$context" "${HEALTHY_IMAGE//[\/:]/-}" -t "$HEALTHY_IMAGE"
}

# Copies a binary to /usr/bin/<name> in a rootfs, with the libraries it loads. The name is kept even
# when the installed one is a symlink: redis-server is one to redis-check-rdb, and redis picks its
# mode by argv[0].
copy_with_libraries() {
  local name="$1" rootfs="$2" binary
  binary="$(command -v "$name")" || die "$name is not installed"
  install -D -m 755 "$(readlink -f "$binary")" "$rootfs/usr/bin/$name"
  copy_libraries "$rootfs" "$binary"
}

# Copies into a rootfs everything ldd says the given files load (the dynamic loader included), each
# library at its own path. Libraries inside the rootfs already (a JDK's own, found through its
# $ORIGIN run path) stay where they are.
copy_libraries() {
  local rootfs="$1" file lib
  shift
  for file in "$@"; do
    while read -r lib; do
      [[ "$lib" == "$rootfs"/* || -e "$rootfs$lib" ]] || install -D -m 755 "$(readlink -f "$lib")" "$rootfs$lib"
    done < <(ldd "$file" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }')
  done
}

# A Redis image from Debian's redis-server: the binary, redis-cli, their libraries and the loader.
# Arguments: the tags to give it.
build_redis_image() {
  command -v redis-server >/dev/null || die "redis-server is missing; install the redis-server package"
  command -v redis-cli >/dev/null || die "redis-cli is missing; install the redis-tools package"
  local context
  context="$(make_temp_dir)"
  copy_with_libraries redis-server "$context/rootfs"
  copy_with_libraries redis-cli "$context/rootfs"
  mkdir -p "$context/rootfs/data" "$context/rootfs/tmp" "$context/rootfs/etc"
  chmod 1777 "$context/rootfs/tmp"
  printf 'root:x:0:0:root:/data:/nonexistent\n' >"$context/rootfs/etc/passwd"
  printf 'root:x:0:\n' >"$context/rootfs/etc/group"
  cat >"$context/Dockerfile" <<'EOF'
FROM scratch
COPY rootfs/ /
ARG VERSION
LABEL org.opencontainers.image.title="redis" \
      org.opencontainers.image.description="Debian's redis-server and redis-cli on scratch; test fixture of dock-maven-plugin" \
      org.opencontainers.image.version="${VERSION}"
ENV PATH=/usr/bin
WORKDIR /data
EXPOSE 6379
CMD ["redis-server", "--protected-mode", "no", "--bind", "0.0.0.0", "--save", "", "--appendonly", "no"]
EOF
  local tags=() tag
  for tag in "$@"; do tags+=(-t "$tag"); done
  docker_build "$context" "${1//[\/:]/-}" --build-arg "VERSION=$(package_version redis-server)" "${tags[@]}"
}

# dock-it/jre:17: a Java runtime for the examples' images, whose Dockerfiles cannot pull one offline:
# java.base and jdk.httpserver, jlinked from the JDK mvnw uses (17 or newer: it runs Java 17 code),
# with the libraries they load, on top of dock-it/busybox:1 (a shell and wget for postStart).
# Arguments: the tag to give it.
build_jre_image() {
  local jdk context java_home compress=2 jlink_log="$DOCK_STATE_DIR/jlink-jre.log" elf_files
  jdk="$(jdk_home)" || die "no JDK found (JAVA_HOME is unset and there is no javac on the PATH)"
  [[ -x "$jdk/bin/jlink" ]] || die "$jdk has no bin/jlink; set JAVA_HOME to a JDK 17 or newer"
  # JDK 21 deprecates the numbered levels (2 is zip-6); 17 knows only those.
  (($(jdk_major) < 21)) || compress=zip-6
  context="$(make_temp_dir)"
  java_home="$context/rootfs/opt/java"
  if ! "$jdk/bin/jlink" --add-modules java.base,jdk.httpserver --strip-debug --no-header-files --no-man-pages \
    --compress="$compress" --output "$java_home" >"$jlink_log" 2>&1; then
    tail -n 20 "$jlink_log" >&2
    die "jlink of $jdk failed (full log: $jlink_log)"
  fi
  mapfile -t elf_files < <(find "$java_home" -type f \( -name '*.so' -o -path "$java_home/bin/*" \))
  copy_libraries "$context/rootfs" "${elf_files[@]}"
  cat >"$context/Dockerfile" <<EOF
FROM $BUSYBOX_IMAGE
COPY rootfs/ /
ARG VERSION
LABEL org.opencontainers.image.title="dock-it/jre" \\
      org.opencontainers.image.description="java.base and jdk.httpserver jlinked from the build's JDK, on busybox; fixture of dock-maven-plugin" \\
      org.opencontainers.image.version="\${VERSION}"
ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:/bin
EOF
  docker_build "$context" "${1//[\/:]/-}" --build-arg "VERSION=$(jdk_runtime_version)" -t "$1"
}

# "7.0.15", from redis-server --version.
redis_version() {
  redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p'
}

# --- checks: each runs a throwaway container and removes it, whatever happens --------------------
# They print what went wrong to stderr and return 1, so that callers may retry or die; errexit does
# not apply inside functions called from an 'if', hence the explicit '|| return 1' everywhere.
# On success they put what they saw into CHECKED.

CHECK_CONTAINERS=()
remove_check_containers() {
  local name
  for name in "${CHECK_CONTAINERS[@]}"; do
    docker rm -f "$name" >/dev/null 2>&1 || true
  done
  CHECK_CONTAINERS=()
}

check_failed() {
  printf '%s: check failed: %s\n' "${0##*/}" "$*" >&2
  return 1
}

# Starts a detached container named dock-check-<purpose>-<random>; its name goes into CHECK_NAME
# (not printed: a command substitution would run in a subshell and lose CHECK_CONTAINERS).
run_check_container() {
  local purpose="$1" out
  shift
  CHECK_NAME="dock-check-$purpose-$RANDOM$RANDOM"
  CHECK_CONTAINERS+=("$CHECK_NAME")
  out="$(docker run -d --name "$CHECK_NAME" "$@" 2>&1)" || check_failed "docker run $*: $out" || return 1
}

# The host port published for a container port ("8080/tcp"): the number after the last colon of
# the first binding.
published_port() {
  local binding
  binding="$(docker port "$1" "$2" 2>/dev/null | head -n 1)"
  [[ -n "$binding" ]] || return 1
  printf '%s\n' "${binding##*:}"
}

# The host to reach published ports on: the daemon's host for a tcp:// DOCKER_HOST, else localhost.
published_host() {
  local endpoint host
  endpoint="$(docker_endpoint)"
  if [[ "$endpoint" == tcp://* ]]; then
    host="${endpoint#tcp://}"
    printf '%s\n' "${host%%:*}"
  else
    printf '%s\n' 127.0.0.1
  fi
}

# HTTP GET through bash's /dev/tcp (no curl needed); prints the whole response.
http_get() {
  local host="$1" port="$2" path="$3"
  # shellcheck disable=SC2016
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n" "$3" "$1" >&3
    cat <&3' _ "$host" "$port" "$path" 2>/dev/null
}

# Sends PING to a Redis server through /dev/tcp; prints the first reply line without its CR.
redis_ping() {
  local host="$1" port="$2"
  # shellcheck disable=SC2016
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf "PING\r\n" >&3
    IFS= read -r line <&3 || exit 1
    printf "%s\n" "${line%$'"'"'\r'"'"'}"' _ "$host" "$port" 2>/dev/null
}

# Polls a command until it succeeds or the seconds run out.
retry_for() {
  local seconds="$1" deadline
  shift
  deadline=$(($(now) + seconds))
  until "$@"; do
    (($(now) < deadline)) || return 1
    sleep 0.3
  done
}

# True when a container's output (stdout or stderr) has a line containing the text.
log_contains() { docker logs "$1" 2>&1 | grep -qF -- "$2"; }

# busybox: the applets the tests use are there, and a shell trap works.
check_busybox_applets() {
  local out
  # shellcheck disable=SC2016
  out="$(docker run --rm "$BUSYBOX_IMAGE" sh -c 'for a in sh httpd nc wget sleep echo; do command -v $a >/dev/null || echo "missing $a"; done; trap "echo trapped" USR1; kill -USR1 $$; echo ok' 2>&1)" \
    || check_failed "$BUSYBOX_IMAGE: a shell in it failed: $out" || return 1
  [[ "$out" == $'trapped\nok' ]] || check_failed "$BUSYBOX_IMAGE: applet check printed: $out" || return 1
  CHECKED="sh, httpd, nc, wget, sleep, echo, trap work"
}

# busybox: applets, and httpd on a published port.
check_busybox_image() {
  local applets
  check_busybox_applets || return 1
  applets="$CHECKED"
  check_port_publishing "$BUSYBOX_IMAGE" || return 1
  CHECKED="$applets; $CHECKED"
}

# A container with -p: httpd inside answers through the host port Docker chose.
check_port_publishing() {
  local image="$1" name port host response
  run_check_container httpd -p 8080 "$image" \
    sh -c 'echo dock-port-check >/var/www/index.html && exec httpd -f -p 8080 -h /var/www' || return 1
  name="$CHECK_NAME"
  port="$(published_port "$name" 8080/tcp)" || check_failed "$name: no host port published for 8080/tcp" || return 1
  host="$(published_host)"
  if ! response="$(retry_for 10 http_get "$host" "$port" /)"; then
    docker logs "$name" 2>&1 | tail -n 10 >&2
    check_failed "port publishing does not work: httpd in $name ($image) does not answer on $host:$port" || return 1
  fi
  [[ "$response" == *dock-port-check* ]] \
    || check_failed "port publishing: unexpected answer from $host:$port: $response" || return 1
  remove_check_containers
  CHECKED="httpd answered on published port $host:$port"
}

# busybox-healthy: turns healthy, and stops promptly on SIGTERM.
check_healthy_image() {
  local name status="" started took
  run_check_container healthy "$HEALTHY_IMAGE" || return 1
  name="$CHECK_NAME"
  started=$(now)
  until [[ "$status" == healthy ]]; do
    status="$(docker inspect --format '{{.State.Health.Status}}' "$name" 2>&1)" || true
    (($(now) - started < 20)) || check_failed "$HEALTHY_IMAGE: not healthy after 20s (status: $status)" || return 1
    [[ "$status" == healthy ]] || sleep 0.3
  done
  took=$(($(now) - started))
  started=$(now)
  docker stop -t 10 "$name" >/dev/null || check_failed "docker stop $name failed" || return 1
  (($(now) - started <= 3)) \
    || check_failed "$HEALTHY_IMAGE: took $(($(now) - started))s to stop on SIGTERM" || return 1
  remove_check_containers
  CHECKED="healthy after ~${took}s, stopped at once on SIGTERM"
}

# redis: logs "Ready to accept connections" and answers PING with PONG on a published port.
check_redis_image() {
  local image="$1" name port host reply
  run_check_container redis -p 6379 "$image" || return 1
  name="$CHECK_NAME"
  if ! retry_for 20 log_contains "$name" 'Ready to accept connections'; then
    docker logs "$name" 2>&1 | tail -n 20 >&2
    check_failed "$image: no 'Ready to accept connections' in its log within 20s" || return 1
  fi
  port="$(published_port "$name" 6379/tcp)" || check_failed "$name: no host port published for 6379/tcp" || return 1
  host="$(published_host)"
  reply="$(retry_for 10 redis_ping "$host" "$port")" \
    || check_failed "$image: no answer to PING on $host:$port" || return 1
  [[ "$reply" == +PONG ]] || check_failed "$image: PING on $host:$port answered '$reply', not +PONG" || return 1
  remove_check_containers
  CHECKED="'Ready to accept connections' logged, PING answered +PONG on $host:$port"
}

# jre: java starts, has jdk.httpserver, and wget is there for postStart commands.
check_jre_image() {
  local image="$1" out
  out="$(docker run --rm "$image" sh -c 'java --list-modules && command -v wget' 2>&1)" \
    || check_failed "$image: java --list-modules failed: $out" || return 1
  [[ "$out" == *jdk.httpserver@* && "$out" == *wget ]] \
    || check_failed "$image: no jdk.httpserver or no wget in: $out" || return 1
  CHECKED="java runs, $(grep -m 1 -o 'java.base@[^ ]*' <<<"$out"), jdk.httpserver and wget present"
}

# --- the engine engine-up.sh starts ---------------------------------------------------------------

# True while a process runs; a zombie (dead, not yet reaped) does not count.
process_alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}

# The pid in the pid file, if that process is a dockerd that is still alive.
our_dockerd_pid() {
  local pid
  [[ -f "$DOCKERD_PID_FILE" ]] || return 1
  pid="$(<"$DOCKERD_PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == dockerd ]] || return 1
  process_alive "$pid" || return 1
  printf '%s\n' "$pid"
}

# Takes the lock that keeps two engine-up.sh/engine-down.sh runs from racing each other.
lock_engine_state() {
  mkdir -p "$DOCK_STATE_DIR"
  exec 9>"$DOCK_STATE_DIR/engine.lock"
  if ! flock -n 9; then
    log "waiting (up to 10 min) for another engine-up.sh or engine-down.sh to finish ($DOCK_STATE_DIR/engine.lock)"
    flock -w 600 9 || die "another engine-up.sh or engine-down.sh still holds $DOCK_STATE_DIR/engine.lock"
  fi
}

# Stops the dockerd named by the pid file, and only that one: SIGTERM, up to 20s, then SIGKILL (and
# its own children, the containerd it manages). Removes the pid file. Returns 1 if there was none.
stop_our_dockerd() {
  local pid children started
  if ! pid="$(our_dockerd_pid)"; then
    if [[ -f "$DOCKERD_PID_FILE" ]]; then
      log "$DOCKERD_PID_FILE names no running dockerd (pid $(<"$DOCKERD_PID_FILE")); removing the stale pid file"
      rm -f "$DOCKERD_PID_FILE" "$DOCKERD_HOST_FILE"
    fi
    return 1
  fi
  children="$(pgrep -P "$pid" || true)"
  started=$(now)
  kill -TERM "$pid" 2>/dev/null || true
  while process_alive "$pid" && (($(now) - started < 20)); do sleep 0.2; done
  if process_alive "$pid"; then
    warn "dockerd (pid $pid) still runs 20s after SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    local child
    for child in $children; do kill -KILL "$child" 2>/dev/null || true; done
    while process_alive "$pid" && (($(now) - started < 30)); do sleep 0.1; done
    rm -f "$DOCKERD_PID_FILE" "$DOCKERD_HOST_FILE"
    log "killed dockerd (pid $pid) and its containerd after $(($(now) - started))s"
    return 0
  fi
  rm -f "$DOCKERD_PID_FILE" "$DOCKERD_HOST_FILE"
  log "stopped dockerd (pid $pid) in $(($(now) - started))s"
}
