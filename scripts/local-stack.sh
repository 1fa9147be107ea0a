#!/usr/bin/env bash
# The local ECR stack the end-to-end suite and the demo run on (Debian 12, as root):
#   - Docker engine 28.5 + buildx 0.29 (Debian forky, pinned low) with the containerd image
#     store and QEMU binfmt handlers, so one build makes a linux/amd64 + linux/arm64 index;
#   - the distribution registry behind an ECR-like TLS front answering as
#     123456789012.dkr.ecr.us-east-1.amazonaws.com and its dual-stack name (scripts/stack/front.mjs);
#   - moto (ECR + STS) in a debootstrapped trixie chroot, extended where it lags behind ECR
#     (scripts/stack/moto_server.py), behind a counting, fault-injecting proxy;
#   - a stand-in for the runner's OIDC token endpoint; static busybox for both architectures;
#   - a logging forward HTTP proxy on 127.0.0.1:3128 (scripts/stack/forward-proxy.mjs), and
#     host names for the AWS proxy and the OIDC endpoint that resolve to loopback;
#   - on demand only (`engine2 up`), a second Docker engine with a docker context of its own.
# Usage: scripts/local-stack.sh up|down|reset|env|status|engine2 up|down|status
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
STATE=/var/lib/ecr-build-push-stack
ROOTFS="$STATE/moto-root"
HOST=123456789012.dkr.ecr.us-east-1.amazonaws.com
# The same registry's dual-stack (IPv4 and IPv6) name, which the front answers as the same registry.
DUAL_STACK_HOST=123456789012.dkr-ecr.us-east-1.on.aws
PUBLIC_HOST=public.ecr.aws
# Names for the stack's HTTP services: clients skip proxies for localhost and 127.*, not
# for names (ENVIRONMENT.md, "Proxies and loopback").
AWS_NAME=aws.stack.test
OIDC_NAME=oidc.stack.test
ENGINE2_SOCK=/var/run/ecr-build-push-engine2.sock
ENGINE2_CONTEXT=stack-engine2
ENGINE2_BRIDGE=stack-e2br0
ENGINE2_ADDR=10.213.0.1/24
APT=(apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Check-Valid-Until=false -q -y)
export DEBIAN_FRONTEND=noninteractive

say() { echo "local-stack: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq $((seconds * 4))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  die "$what did not come up within ${seconds}s (logs in $STATE/*.log)"
}

running() { [ -f "$STATE/$1.pid" ] && kill -0 "$(cat "$STATE/$1.pid")" 2>/dev/null; }

start() { # start NAME COMMAND...: a daemon in the background, with a pid file and a log
  local name=$1; shift
  running "$name" && return 0
  # The daemon keeps none of the caller's other file descriptors: a lock taken with
  # `flock LOCK scripts/local-stack.sh up` would otherwise be held as long as the daemon runs.
  (
    for fd in /proc/self/fd/*; do
      fd=${fd##*/}
      [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null
    done
    exec nohup "$@"
  ) >"$STATE/$name.log" 2>&1 &
  echo $! >"$STATE/$name.pid"
}

stop() { # stop NAME: SIGTERM, then wait for it to exit (dockerd takes a few seconds to let go
  # of its pid file and sockets; an 'up' right after 'down' would find it still there)
  local name=$1 pid
  if running "$name"; then
    pid=$(cat "$STATE/$name.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && say "$name (pid $pid) still runs 30s after SIGTERM"
  fi
  rm -f "$STATE/$name.pid"
}

[ "$(id -u)" = 0 ] || die "run as root (it installs packages and starts daemons)"
mkdir -p "$STATE"

install_packages() {
  local need=()
  command -v dockerd >/dev/null && docker buildx version 2>/dev/null | grep -q 'v\?0\.\(29\|[3-9][0-9]\)' || need+=(docker)
  [ -x /usr/bin/qemu-aarch64-static ] || need+=(qemu)
  command -v docker-registry >/dev/null || need+=(registry)
  command -v debootstrap >/dev/null || need+=(debootstrap)
  # oras (forky): a real OCI 1.1 client, for checking referrers (`oras discover`).
  command -v oras >/dev/null || need+=(oras)
  [ -f /var/lib/dpkg/info/busybox-static:arm64.list ] || [ -f "$STATE/busybox/arm64/busybox" ] || need+=(busybox)
  [ ${#need[@]} -eq 0 ] && return 0
  say "installing: ${need[*]}"
  if [ ! -f /etc/apt/sources.list.d/forky.sources ]; then
    cat >/etc/apt/sources.list.d/forky.sources <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: forky
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    # Only the packages named with /forky below come from forky; everything else stays bookworm.
    printf 'Package: *\nPin: release n=forky\nPin-Priority: 50\n' >/etc/apt/preferences.d/forky-low
  fi
  dpkg --print-foreign-architectures | grep -q arm64 || dpkg --add-architecture arm64
  "${APT[@]}" update >/dev/null
  "${APT[@]}" install --no-install-recommends \
    docker.io/forky docker-cli/forky docker-buildx/forky containerd/forky tini-static/forky oras/forky runc \
    qemu-user-static binfmt-support docker-registry debootstrap openssl iptables >/dev/null
}

busybox() {
  [ -f "$STATE/busybox/arm64/busybox" ] && [ -f "$STATE/busybox/amd64/busybox" ] && return 0
  say "fetching static busybox for amd64 and arm64"
  local tmp; tmp=$(mktemp -d); chmod 755 "$tmp"
  (cd "$tmp" && "${APT[@]}" download busybox-static:amd64 busybox-static:arm64 >/dev/null 2>&1) \
    || { "${APT[@]}" update >/dev/null && (cd "$tmp" && "${APT[@]}" download busybox-static:amd64 busybox-static:arm64 >/dev/null 2>&1); }
  for arch in amd64 arm64; do
    dpkg-deb -x "$tmp"/busybox-static_*_"$arch".deb "$tmp/$arch"
    mkdir -p "$STATE/busybox/$arch"
    cp "$tmp/$arch/bin/busybox" "$STATE/busybox/$arch/busybox"
  done
  rm -rf "$tmp"
}

docker_up() {
  # QEMU handlers first: dockerd reads the platforms it can run when it starts.
  mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || update-binfmts --enable >/dev/null
  mkdir -p /etc/docker "/etc/docker/certs.d/$HOST"
  local conf='{"features":{"containerd-snapshotter":true}}'
  if [ "$(cat /etc/docker/daemon.json 2>/dev/null)" != "$conf" ]; then
    echo "$conf" >/etc/docker/daemon.json
    if docker info >/dev/null 2>&1; then
      running dockerd || die "a Docker daemon runs without the containerd image store; stop it or set $conf in /etc/docker/daemon.json"
      stop dockerd; sleep 2
    fi
  fi
  if ! docker info >/dev/null 2>&1; then
    start dockerd dockerd
    wait_for 60 dockerd docker info
  fi
  trust_check
  # A daemon under load can answer without its platforms once: ask a few times.
  local tries=0
  until docker buildx inspect --bootstrap 2>/dev/null | grep -q 'linux/arm64'; do
    tries=$((tries + 1))
    [ "$tries" -lt 10 ] || die "the docker builder lists no linux/arm64: restart dockerd after the QEMU handlers are registered"
    sleep 1
  done
}

# The daemon reads the system's CA roots once, when it first needs them (it fetches
# public.ecr.aws's tokens with them): a daemon that was already running when the stack's CA
# joined the system store (one started at boot, or before the first `up`) may not trust it.
# Decided from facts, not from an error message: the daemon's start time against the time
# the system bundle last changed, once the bundle holds the stack's certificate.
trust_check() {
  local bundle=/etc/ssl/certs/ca-certificates.crt pid started changed
  pid=$(cat /var/run/docker.pid 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  grep -qF "$(sed -n 2p "$STATE/tls/cert.pem")" "$bundle" 2>/dev/null || die "the system's CA bundle lacks the stack's certificate ($bundle): run update-ca-certificates"
  started=$(( $(date +%s) - $(ps -o etimes= -p "$pid" | tr -d ' ') ))
  changed=$(stat -c %Y "$bundle")
  [ "$started" -lt "$changed" ] || return 0
  local restarting="the Docker daemon (pid $pid) started before the stack's CA was trusted: restarting it"
  if running dockerd && [ "$(cat "$STATE/dockerd.pid")" = "$pid" ]; then
    say "$restarting"
    stop dockerd; sleep 2
    start dockerd dockerd
  elif [ -d /run/systemd/system ] && systemctl is-active -q docker 2>/dev/null; then
    say "$restarting (systemctl restart docker)"
    systemctl restart docker
  elif [ -x /etc/init.d/docker ] && service docker status >/dev/null 2>&1; then
    say "$restarting (service docker restart)"
    service docker restart >/dev/null
  else
    die "the Docker daemon (pid $pid) started before the stack's CA was added to the system's trust store, and this script did not start it: restart it (it then trusts the CA), and run '$0 up' again"
  fi
  wait_for 60 dockerd docker info
}

tls() {
  # One certificate for both registries; made again when it lacks one of their names.
  if [ -f "$STATE/tls/cert.pem" ]; then
    local text
    text=$(openssl x509 -in "$STATE/tls/cert.pem" -noout -text)
    if grep -q "DNS:$PUBLIC_HOST" <<<"$text" && grep -q "DNS:$DUAL_STACK_HOST" <<<"$text"; then return 0; fi
  fi
  mkdir -p "$STATE/tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=$HOST" \
    -addext "subjectAltName=DNS:$HOST,DNS:$PUBLIC_HOST,DNS:$DUAL_STACK_HOST" -keyout "$STATE/tls/key.pem" -out "$STATE/tls/cert.pem" 2>/dev/null
  if running front; then stop front; sleep 0.5; fi
  if running dockerd; then stop dockerd; sleep 2; fi
}

hosts_and_certs() {
  for h in "$HOST" "$DUAL_STACK_HOST" "$PUBLIC_HOST"; do
    grep -q " $h\$" /etc/hosts || echo "127.0.0.1 $h" >>/etc/hosts
    mkdir -p "/etc/docker/certs.d/$h"
    cmp -s "$STATE/tls/cert.pem" "/etc/docker/certs.d/$h/ca.crt" || cp "$STATE/tls/cert.pem" "/etc/docker/certs.d/$h/ca.crt"
  done
  for h in "$AWS_NAME" "$OIDC_NAME"; do
    grep -q " $h\$" /etc/hosts || echo "127.0.0.1 $h" >>/etc/hosts
  done
  # buildx's own registry client (imagetools) reads the system's trust store, not certs.d.
  local system=/usr/local/share/ca-certificates/ecr-build-push-local-stack.crt
  if ! cmp -s "$STATE/tls/cert.pem" "$system"; then
    cp "$STATE/tls/cert.pem" "$system"
    update-ca-certificates >/dev/null 2>&1 || die "update-ca-certificates failed"
  fi
}

registry_up() {
  mkdir -p "$STATE/registry/data"
  cat >"$STATE/registry/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:5001
EOF
  start registry docker-registry serve "$STATE/registry/config.yml"
  wait_for 20 registry curl -sf http://127.0.0.1:5001/v2/
}

moto_up() {
  if [ ! -x "$ROOTFS/usr/bin/python3" ] || [ ! -d "$ROOTFS/usr/lib/python3/dist-packages/moto" ]; then
    say "building the emulator's chroot (debootstrap trixie + python3-moto)"
    stop moto
    mountpoint -q "$ROOTFS/proc" && umount "$ROOTFS/proc"
    rm -rf "$ROOTFS"
    debootstrap --variant=minbase trixie "$ROOTFS" http://deb.debian.org/debian >"$STATE/debootstrap.log" 2>&1 \
      || die "debootstrap failed (see $STATE/debootstrap.log)"
    printf 'Acquire::Check-Valid-Until "false";\nAcquire::Check-Date "false";\n' >"$ROOTFS/etc/apt/apt.conf.d/99no-check-valid-until"
    mountpoint -q "$ROOTFS/proc" || mount -t proc proc "$ROOTFS/proc"
    chroot "$ROOTFS" apt-get -q update >/dev/null
    chroot "$ROOTFS" env DEBIAN_FRONTEND=noninteractive apt-get -q -y install --no-install-recommends \
      python3-moto python3-flask-cors >"$STATE/moto-install.log" 2>&1 || die "installing moto failed (see $STATE/moto-install.log)"
  fi
  mountpoint -q "$ROOTFS/proc" || mount -t proc proc "$ROOTFS/proc"
  mkdir -p "$ROOTFS/opt/stack"
  if ! cmp -s "$HERE/stack/moto_server.py" "$ROOTFS/opt/stack/moto_server.py"; then
    cp "$HERE/stack/moto_server.py" "$ROOTFS/opt/stack/moto_server.py"
    stop moto; sleep 0.5
  fi
  start moto chroot "$ROOTFS" python3 /opt/stack/moto_server.py 127.0.0.1 5000
  wait_for 60 moto curl -sf http://127.0.0.1:5000/moto-api/
}

front_up() {
  for f in front.mjs ecr-public.mjs forward-proxy.mjs referrers.mjs; do
    if running front && ! cmp -s "$HERE/stack/$f" "$STATE/$f"; then stop front; sleep 0.5; fi
    cp "$HERE/stack/$f" "$STATE/$f"
  done
  start front node "$STATE/front.mjs" "$STATE"
  wait_for 20 front curl -sf http://127.0.0.1:4599/health
  wait_for 10 "forward proxy" curl -sf --noproxy '' -x http://127.0.0.1:3128 http://127.0.0.1:4599/health
  wait_for 10 "registry front" curl -sf --cacert "$STATE/tls/cert.pem" -o /dev/null -w '%{http_code}' "https://$HOST/v2/" -u "AWS:123456789012-auth-token"
}

reset() {
  curl -sf -X POST http://127.0.0.1:5000/moto-api/reset >/dev/null || die "moto is not running: run 'up' first"
  curl -sf -X POST http://127.0.0.1:4599/calls/reset >/dev/null
  curl -sf -X POST http://127.0.0.1:4599/faults/reset >/dev/null
  curl -sf -X POST http://127.0.0.1:4599/public/reset >/dev/null
  curl -sf -X POST http://127.0.0.1:4599/proxy-log/reset >/dev/null
  stop registry; sleep 0.3
  rm -rf "$STATE/registry/data"
  registry_up
}

# The SBOM generator the tests name in `sbom-generator` (BuildKit's default one is on Docker
# Hub): a local image in the engine's store, which the docker driver's BuildKit resolves.
# Built again when its script changes (the image carries the script's hash as a label).
SBOM_GENERATOR=stack.test/sbom-generator:1
sbom_generator_up() {
  local sum; sum=$(cat "$HERE/stack/sbom-generator/generate.sh" "$HERE/stack/sbom-generator/Dockerfile" | sha256sum | cut -c1-16)
  [ "$(docker image inspect --format '{{ index .Config.Labels "stack.script" }}' "$SBOM_GENERATOR" 2>/dev/null)" = "$sum" ] && return 0
  say "building the SBOM generator image $SBOM_GENERATOR"
  local tmp; tmp=$(mktemp -d)
  cp "$HERE/stack/sbom-generator/generate.sh" "$HERE/stack/sbom-generator/Dockerfile" "$tmp/"
  cp "$STATE/busybox/amd64/busybox" "$tmp/busybox"
  docker buildx build --builder default --platform linux/amd64 --provenance=false --sbom=false --label "stack.script=$sum" \
    -t "$SBOM_GENERATOR" --load "$tmp" >"$STATE/sbom-generator-build.log" 2>&1 || die "building the SBOM generator failed (see $STATE/sbom-generator-build.log)"
  rm -rf "$tmp"
}

print_env() {
  cat <<EOF
AWS_ENDPOINT_URL=http://127.0.0.1:4566
AWS_ACCESS_KEY_ID=testing
AWS_SECRET_ACCESS_KEY=testing
AWS_REGION=us-east-1
ECR_REGISTRY=$HOST
NODE_EXTRA_CA_CERTS=$STATE/tls/cert.pem
ACTIONS_ID_TOKEN_REQUEST_URL=http://127.0.0.1:4580/token?api-version=2.0
ACTIONS_ID_TOKEN_REQUEST_TOKEN=local-stack-oidc-request-token
STACK_CONTROL_URL=http://127.0.0.1:4599
STACK_MOTO_URL=http://127.0.0.1:5000
STACK_BUSYBOX_DIR=$STATE/busybox
STACK_SBOM_GENERATOR=$SBOM_GENERATOR
STACK_PROXY_URL=http://127.0.0.1:3128
STACK_AWS_HOST_URL=http://$AWS_NAME:4566
STACK_OIDC_HOST_URL=http://$OIDC_NAME:4580/token?api-version=2.0
STACK_ENGINE2_CONTEXT=$ENGINE2_CONTEXT
STACK_ENGINE2_HOST=unix://$ENGINE2_SOCK
EOF
}

# ---------------------------------------------------------------- a second Docker engine
# For remote-builder tests: its own data root, exec root (so its own managed containerd),
# pid file, socket and bridge (with `--bridge none` it removed the first engine's docker0),
# the containerd image store as the first has, and /etc/docker/certs.d as the first reads.
# Only on demand: it costs memory.
E2="$STATE/engine2"
E2_EXEC=/var/run/ecr-build-push-engine2

engine2_bridge() {
  ip link show "$ENGINE2_BRIDGE" >/dev/null 2>&1 || ip link add "$ENGINE2_BRIDGE" type bridge
  ip -4 addr show dev "$ENGINE2_BRIDGE" | grep -q "inet ${ENGINE2_ADDR%/*}/" || ip addr add "$ENGINE2_ADDR" dev "$ENGINE2_BRIDGE"
  ip link set "$ENGINE2_BRIDGE" up
}

engine2_up() {
  docker info >/dev/null 2>&1 || die "the first engine doesn't answer: run 'up' first"
  mkdir -p "$E2/data" "$E2_EXEC"
  echo '{"features":{"containerd-snapshotter":true}}' >"$E2/daemon.json"
  if ! DOCKER_HOST="unix://$ENGINE2_SOCK" docker info >/dev/null 2>&1; then
    running engine2 && engine2_down
    engine2_bridge
    rm -f "$E2/docker.pid"
    start engine2 dockerd --config-file "$E2/daemon.json" --data-root "$E2/data" --exec-root "$E2_EXEC" \
      --pidfile "$E2/docker.pid" -H "unix://$ENGINE2_SOCK" --bridge "$ENGINE2_BRIDGE" --iptables=false --ip6tables=false \
      --ip-forward=false --containerd-namespace engine2 --containerd-plugins-namespace engine2-plugins
    wait_for 60 "second engine" env DOCKER_HOST="unix://$ENGINE2_SOCK" docker info
  fi
  docker context inspect "$ENGINE2_CONTEXT" >/dev/null 2>&1 \
    || docker context create "$ENGINE2_CONTEXT" --description "ecr-build-push local stack: second engine" \
      --docker "host=unix://$ENGINE2_SOCK" >/dev/null
  local tries=0
  until docker --context "$ENGINE2_CONTEXT" buildx inspect --bootstrap 2>/dev/null | grep -q 'linux/arm64'; do
    tries=$((tries + 1))
    [ "$tries" -lt 10 ] || die "the second engine's builder lists no linux/arm64"
    sleep 1
  done
  echo "context=$ENGINE2_CONTEXT"
  echo "host=unix://$ENGINE2_SOCK"
}

engine2_down() {
  local pid cpid
  if running engine2; then
    pid=$(cat "$STATE/engine2.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    # A wedged dockerd may ignore SIGTERM (ENVIRONMENT.md): SIGKILL it.
    if kill -0 "$pid" 2>/dev/null; then
      say "engine2 (pid $pid) still runs 20s after SIGTERM: SIGKILL"
      kill -9 "$pid" 2>/dev/null || true
      sleep 0.5
    fi
  fi
  # Its managed containerd, should it have outlived the daemon.
  cpid=$(cat "$E2_EXEC/containerd/containerd.pid" 2>/dev/null || true)
  if [ -n "$cpid" ] && kill -0 "$cpid" 2>/dev/null && tr '\0' ' ' <"/proc/$cpid/cmdline" 2>/dev/null | grep -q "$E2_EXEC"; then
    kill "$cpid" 2>/dev/null || true
    for _ in $(seq 40); do kill -0 "$cpid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$cpid" 2>/dev/null || true
  fi
  rm -f "$STATE/engine2.pid" "$E2/docker.pid" "$ENGINE2_SOCK"
  if ip link show "$ENGINE2_BRIDGE" >/dev/null 2>&1; then ip link del "$ENGINE2_BRIDGE" || true; fi
}

engine2_status() {
  if running engine2; then echo "engine2: running (pid $(cat "$STATE/engine2.pid"))"; else echo "engine2: not started here"; fi
  DOCKER_HOST="unix://$ENGINE2_SOCK" docker info >/dev/null 2>&1 && echo "engine2 docker: answers at unix://$ENGINE2_SOCK" || echo "engine2 docker: down"
  docker context inspect "$ENGINE2_CONTEXT" >/dev/null 2>&1 && echo "context $ENGINE2_CONTEXT: present" || echo "context $ENGINE2_CONTEXT: absent"
}

status() {
  for name in dockerd registry moto front; do
    if running "$name"; then echo "$name: running (pid $(cat "$STATE/$name.pid"))"; else echo "$name: not started here"; fi
  done
  docker info >/dev/null 2>&1 && echo "docker: answers" || echo "docker: down"
  engine2_status
}

case "${1:-}" in
  up)
    started=$SECONDS
    install_packages
    busybox
    # The certificate is trusted before dockerd starts: the daemon reads the system's
    # roots once, and fetches public.ecr.aws's tokens with them.
    tls
    hosts_and_certs
    docker_up
    sbom_generator_up
    registry_up
    moto_up
    front_up
    say "up in $((SECONDS - started))s"
    ;;
  down)
    engine2_down
    stop front; stop moto; stop registry; stop dockerd
    mountpoint -q "$ROOTFS/proc" && umount "$ROOTFS/proc" || true
    ;;
  reset) reset ;;
  env) print_env ;;
  status) status ;;
  engine2)
    case "${2:-}" in
      up) engine2_up ;;
      down) engine2_down ;;
      status) engine2_status ;;
      *) echo "usage: $0 engine2 up|down|status" >&2; exit 2 ;;
    esac
    ;;
  *) echo "usage: $0 up|down|reset|env|status|engine2 up|down|status" >&2; exit 2 ;;
esac
