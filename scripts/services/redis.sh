#!/usr/bin/env bash
# A throwaway Redis for tests on 127.0.0.1:$REDIS_PORT, no persistence.
# Usage: redis.sh start | stop | status | url     Idempotent: start on a running server only prints its URL.
set -euo pipefail
D=${MEDIABAY_SERVICES_DIR:-${TMPDIR:-/tmp}/mediabay-services}/redis
REDIS_PORT=${REDIS_PORT:-56379}
url="redis://127.0.0.1:$REDIS_PORT"
command -v redis-server >/dev/null || { echo "redis.sh: no redis-server (apt-get install redis-server)" >&2; exit 1; }
running() { redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }
case ${1:-start} in
  start)
    if running; then echo "$url"; exit 0; fi
    mkdir -p "$D"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
      --pidfile "$D/redis.pid" --logfile "$D/redis.log" --dir "$D"
    for _ in $(seq 200); do running && break; sleep 0.1; done
    running || { echo "redis.sh: redis did not start, see $D/redis.log" >&2; exit 1; }
    echo "$url"
    ;;
  stop)
    if [ -f "$D/redis.pid" ]; then kill "$(cat "$D/redis.pid")" 2>/dev/null || true; fi
    for _ in $(seq 50); do running || break; sleep 0.1; done
    rm -rf "$D"
    ;;
  url) echo "$url" ;;
  status) running ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
