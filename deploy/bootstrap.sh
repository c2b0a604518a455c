#!/usr/bin/env bash
# Prepares a fresh Debian machine for shoal: installs from Debian only the packages
# that are missing, then installs npm dependencies and builds. Idempotent: a second
# run installs nothing and rebuilds only what changed. Needs root (labs make network
# namespaces; apt installs packages).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" != 0 ]; then
  echo "bootstrap: run as root (apt-get, network namespaces)" >&2
  exit 1
fi

# docker.io: dockerd for every lab host; busybox-static: the test images;
# docker-registry: one registry per lab; openssh-server: sshd per lab host (the
# provisioning path); wireguard-*: encrypted overlay (no kernel WireGuard here);
# iproute2/iptables: namespaces, bridges, load balancing; tcpdump: checking wire traffic.
PACKAGES="docker.io busybox-static docker-registry openssh-server wireguard-go wireguard-tools iproute2 iptables tcpdump"
missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
if [ -n "$missing" ]; then
  echo "bootstrap: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # --no-install-recommends: wireguard-tools would otherwise pull in a kernel image.
  apt-get install -y -qq --no-install-recommends $missing >/tmp/shoal-bootstrap-apt.log 2>&1 || {
    tail -20 /tmp/shoal-bootstrap-apt.log >&2
    exit 1
  }
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "bootstrap: Node.js 20 or newer is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# npm ci only when the lockfile changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run build --silent
echo "bootstrap: ready"
