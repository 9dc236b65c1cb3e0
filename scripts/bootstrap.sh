#!/usr/bin/env bash
# Installs whatever the demo or the test suite needs on a fresh Debian machine with Node 20, then
# builds the workspace. Every step checks first, so running it again is cheap and safe.
# Usage: scripts/bootstrap.sh demo|test
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-test}
PNPM_VERSION=10.34.9

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_missing=()
command -v ffmpeg >/dev/null 2>&1 || apt_missing+=(ffmpeg)
if [ "$purpose" = test ]; then
  [ -x /usr/bin/chromium ] || apt_missing+=(chromium)
  # the scale-out tests' services (scripts/services/)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || apt_missing+=(redis-server)
  command -v memcached >/dev/null 2>&1 || apt_missing+=(memcached)
  command -v curl >/dev/null 2>&1 || apt_missing+=(curl)
  # the e2e interop suite's Python tus client (e2e/interop-tus-clients.e2e.test.ts)
  [ -f /usr/lib/python3/dist-packages/tusclient/client.py ] || apt_missing+=(python3-tuspy)
  command -v swift-proxy-server >/dev/null 2>&1 ||
    apt_missing+=(swift-proxy swift-account swift-container swift-object)
fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${apt_missing[*]} from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${apt_missing[@]}"
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "bootstrap: installing pnpm $PNPM_VERSION"
  npm install --global "pnpm@$PNPM_VERSION"
fi

pnpm install --frozen-lockfile --reporter=append-only
pnpm run build
