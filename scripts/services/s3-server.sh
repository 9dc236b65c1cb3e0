#!/usr/bin/env bash
# An S3-compatible server for tests: single-node OpenStack Swift with its s3api middleware (multipart
# and ListParts work with @tus/s3-store), state under $D, S3 on http://127.0.0.1:$S3_PORT,
# access key test:tester, secret testing, region us-east-1, path-style addressing.
# Needs: apt-get install swift-proxy swift-account swift-container swift-object memcached
# Usage: s3-server.sh start | stop | status | url     Idempotent: start on a running server only prints its URL.
set -euo pipefail
D=${MEDIABAY_SERVICES_DIR:-${TMPDIR:-/tmp}/mediabay-services}/s3
S3_PORT=${S3_PORT:-56280}
MC_PORT=${MC_PORT:-56211}
# Swift's own storage servers; loopback, next to the proxy's port
ACCOUNT_PORT=$((S3_PORT + 12)); CONTAINER_PORT=$((S3_PORT + 11)); OBJECT_PORT=$((S3_PORT + 10))
url="http://127.0.0.1:$S3_PORT"
healthy() { curl -fs "$url/healthcheck" >/dev/null 2>&1; }
stop() {
  for n in proxy object container account memcached; do
    if [ -f "$D/run/$n.pid" ]; then kill "$(cat "$D/run/$n.pid")" 2>/dev/null || true; fi
  done
  for _ in $(seq 50); do healthy || break; sleep 0.1; done
  rm -rf "$D"
}
case ${1:-start} in
  start) ;;
  stop) stop; exit 0 ;;
  url) echo "$url"; exit 0 ;;
  status) healthy; exit ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
if healthy; then echo "$url"; exit 0; fi
command -v swift-proxy-server >/dev/null && command -v memcached >/dev/null ||
  { echo "s3-server.sh: needs swift-proxy swift-account swift-container swift-object memcached" >&2; exit 1; }
rm -rf "$D"; mkdir -p "$D/etc" "$D/node/sdb1" "$D/run" "$D/log"
printf '[swift-hash]\nswift_hash_path_suffix = test\nswift_hash_path_prefix = test\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n' >"$D/etc/swift.conf"
for t in account:$ACCOUNT_PORT container:$CONTAINER_PORT object:$OBJECT_PORT; do
  n=${t%%:*}; p=${t##*:}
  (cd "$D/etc" && swift-ring-builder $n.builder create 10 1 1 &&
    swift-ring-builder $n.builder add "r1z1-127.0.0.1:$p/sdb1" 1 && swift-ring-builder $n.builder rebalance) >/dev/null
  printf '[DEFAULT]\ndevices = %s/node\nmount_check = false\nbind_ip = 127.0.0.1\nbind_port = %s\nworkers = 0\nswift_dir = %s/etc\n[pipeline:main]\npipeline = %s-server\n[app:%s-server]\nuse = egg:swift#%s\n' \
    "$D" "$p" "$D" $n $n $n >"$D/etc/$n-server.conf"
done
cat >"$D/etc/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $S3_PORT
workers = 0
swift_dir = $D/etc
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo versioned_writes proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:s3api]
use = egg:swift#s3api
location = us-east-1
[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$MC_PORT
EOF
for f in catch_errors gatekeeper healthcheck listing_formats copy slo dlo versioned_writes; do
  printf '[filter:%s]\nuse = egg:swift#%s\n' $f $f >>"$D/etc/proxy-server.conf"
done
printf '[filter:proxy-logging]\nuse = egg:swift#proxy_logging\n' >>"$D/etc/proxy-server.conf"
mc_user=(); [ "$(id -u)" = 0 ] && mc_user=(-u root)
memcached "${mc_user[@]}" -l 127.0.0.1 -p "$MC_PORT" -m 64 >"$D/log/memcached.log" 2>&1 &
echo $! >"$D/run/memcached.pid"
for n in account container object proxy; do
  swift-$n-server "$D/etc/$n-server.conf" >"$D/log/$n.log" 2>&1 &
  echo $! >"$D/run/$n.pid"
done
for _ in $(seq 300); do healthy && break; sleep 0.2; done # up to 60 s on a busy machine
healthy || { echo "s3-server.sh: Swift did not start, see $D/log" >&2; stop; exit 1; }
echo "$url"
