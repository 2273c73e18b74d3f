#!/usr/bin/env bash
# Browser tests: installs Debian's Chromium if missing, starts the portal with
# app-config.e2e.yaml on top of app-config.yaml (unless one already answers on
# :3000 and :7007; e2e/security.test.ts skips itself on a portal started
# without that file), runs e2e/*.test.ts with
# Node's test runner and playwright-core, then stops what it started.
# Screenshots go to artifacts/screenshots/.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
mkdir -p artifacts/screenshots

# shellcheck source=scripts/chromium.sh
source scripts/chromium.sh
ts_ensure_chromium || exit 1

up() { curl -fsS -o /dev/null "$1" 2>/dev/null; }

portal_pid=""
stop_portal() {
  if [ -n "$portal_pid" ]; then
    kill -- "-$portal_pid" 2>/dev/null
    wait "$portal_pid" 2>/dev/null
  fi
}
trap stop_portal EXIT

if ! up http://localhost:3000 || ! up http://localhost:7007/.backstage/health/v1/readiness; then
  echo "[e2e] starting the portal (log: artifacts/portal.log)" >&2
  set -m
  # app-config.e2e.yaml adds the `hostile` guide that e2e/security.test.ts
  # writes; until it does, that guide has no file and adds nothing
  rm -f artifacts/e2e/hostile-guide.md
  yarn start --config "$PWD/app-config.yaml" --config "$PWD/app-config.e2e.yaml" \
    >artifacts/portal.log 2>&1 &
  portal_pid=$!
  set +m
  for _ in $(seq 1 240); do
    if up http://localhost:3000 && up http://localhost:7007/.backstage/health/v1/readiness; then
      break
    fi
    if ! kill -0 "$portal_pid" 2>/dev/null; then
      echo "[e2e] the portal exited; last lines of its log:" >&2
      tail -30 artifacts/portal.log >&2
      exit 1
    fi
    sleep 1
  done
fi

node --require @backstage/cli/config/nodeTransform.cjs --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=artifacts/e2e.tap \
  e2e/*.test.ts
