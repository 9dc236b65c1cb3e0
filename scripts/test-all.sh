#!/usr/bin/env bash
# Every check CI runs, in order: format, lint, types (already built by bootstrap), unit, browser, e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
step() { echo; echo "=== $* ==="; }
step format; pnpm run format:check
step lint; pnpm run lint
step "typecheck (e2e, bench, tests)"; pnpm run typecheck
step "publint (packages)"; pnpm run publint
step "core unit tests"; pnpm --filter @mediabay/core test
step "services: PostgreSQL, Redis, S3 on loopback (scripts/services)"
# services another run already started are left to it; those started here are stopped on exit
scripts/services/services.sh status || trap 'scripts/services/services.sh stop' EXIT
eval "$(scripts/services/services.sh start)"
step "server-kit tests (with the scale-out tests)"; pnpm --filter @mediabay/server-kit test
step "server-kit tests on PostgreSQL"; pnpm --filter @mediabay/server-kit run test:postgres
step "elements browser tests"; pnpm --filter @mediabay/elements test
step "storybook build"; pnpm run storybook:build
step "e2e"; pnpm run e2e
