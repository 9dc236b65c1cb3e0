#!/usr/bin/env bash
# A throwaway PostgreSQL for tests on 127.0.0.1:$PGPORT (trust auth, user mediabay, fsync off).
# Usage: postgres.sh start | stop | status | url     Idempotent: start on a running cluster only prints its URL.
# initdb refuses root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail
D=${MEDIABAY_SERVICES_DIR:-${TMPDIR:-/tmp}/mediabay-services}/postgres
PGPORT=${PGPORT:-55432}
BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$BIN/initdb" ] || { echo "postgres.sh: no PostgreSQL (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
url="postgres://mediabay@127.0.0.1:$PGPORT/postgres"
case ${1:-start} in
  start)
    if as_pg "$BIN/pg_ctl" -D "$D/data" status >/dev/null 2>&1; then echo "$url"; exit 0; fi
    rm -rf "$D"; mkdir -p "$D"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$D"
    as_pg "$BIN/initdb" -D "$D/data" -A trust -U mediabay --no-sync -E UTF8 >/dev/null
    as_pg "$BIN/pg_ctl" -D "$D/data" -l "$D/log" -w -o \
      "-p $PGPORT -k $D -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
    echo "$url"
    ;;
  stop) [ -d "$D/data" ] && as_pg "$BIN/pg_ctl" -D "$D/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$D" ;;
  url) echo "$url" ;;
  status) as_pg "$BIN/pg_ctl" -D "$D/data" status >/dev/null 2>&1 ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
