#!/usr/bin/env bash
# Starts (or stops) every service the scale-out tests use, on loopback ports, and prints the
# environment the tests read. Usage: eval "$(scripts/services/services.sh start)"; ... services.sh stop
# (`status` succeeds when all three already run).
set -euo pipefail
here=$(dirname "$0")
case ${1:-start} in
  start)
    echo "export MEDIABAY_TEST_POSTGRES=$("$here/postgres.sh" start)"
    echo "export MEDIABAY_TEST_REDIS=$("$here/redis.sh" start)"
    echo "export MEDIABAY_TEST_S3=$("$here/s3-server.sh" start)"
    ;;
  stop) for s in s3-server redis postgres; do "$here/$s.sh" stop || true; done ;;
  # all three up already (another run's): a caller that did not start them should not stop them
  status) for s in postgres redis s3-server; do "$here/$s.sh" status || exit 1; done ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
