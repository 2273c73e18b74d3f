#!/usr/bin/env bash
# The test command: installs what is missing (Node 22, Yarn, dependencies,
# Chromium, PostgreSQL), then type-checks, lints and runs every test of every
# package, then the browser tests against a running portal.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
mkdir -p artifacts
rm -f artifacts/jest-results.json artifacts/e2e.tap artifacts/replicas.tap artifacts/install.tap

failed_steps=()
run_step() {
  local name="$1"
  shift
  echo "=== $name"
  local start=$SECONDS
  if "$@"; then
    echo "=== $name: ok ($((SECONDS - start)) s)"
  else
    echo "=== $name: FAILED ($((SECONDS - start)) s)"
    failed_steps+=("$name")
  fi
}

# From scratch: the API reports below read these declarations, and an
# incremental build can print the members of inferred types in another order.
rm -rf dist-types
run_step "type-check (tsc)" yarn tsc
run_step "lint" yarn backstage-cli repo lint
run_step "formatting (prettier)" yarn prettier --check .
# The API reports (report*.api.md) match the packages' public surface; reads
# the declarations tsc just wrote to dist-types/.
run_step "API reports" yarn api-reports:check
# Real PostgreSQL for the tests that claim PostgreSQL support (skipped when
# TS_SKIP_POSTGRES=1); exports the connection string TestDatabases reads.
if [ "${TS_SKIP_POSTGRES:-0}" != 1 ]; then
  # shellcheck source=scripts/postgres.sh
  source scripts/postgres.sh && ts_postgres_start || failed_steps+=("postgres")
fi
# Debian's redis-server: the generated services' test starts its own servers.
# shellcheck source=scripts/redis.sh
source scripts/redis.sh && ts_redis_install || failed_steps+=("redis")
run_step "unit and integration tests (jest)" env CI=true yarn backstage-cli repo test \
  --maxWorkers=2 --json --outputFile=artifacts/jest-results.json
# Two backend processes on one PostgreSQL database, and the deployment manifests
# (skipped with TS_SKIP_REPLICAS=1, or without PostgreSQL).
if [ "${TS_SKIP_REPLICAS:-0}" != 1 ] && [ "${TS_SKIP_POSTGRES:-0}" != 1 ]; then
  run_step "two replicas on PostgreSQL" scripts/replicas.sh
fi
if [ "${TS_SKIP_E2E:-0}" != 1 ]; then
  run_step "browser tests (chromium)" scripts/e2e.sh
fi
# Our packages packed and installed into a fresh create-app portal by following
# the README's install section (skipped with TS_SKIP_INSTALL_TEST=1).
if [ "${TS_SKIP_INSTALL_TEST:-0}" != 1 ]; then
  run_step "install into a fresh Backstage app" scripts/install-test.sh
fi

# One closing line for every runner together.
read -r passed failed < <(node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  try {
    const j = JSON.parse(fs.readFileSync("artifacts/jest-results.json", "utf8"));
    passed += j.numPassedTests; failed += j.numFailedTests + (j.numRuntimeErrorTestSuites || 0);
  } catch { failed += 1; }
  // TAP files of the node:test runs; replicas.tap holds two runs (manifests, replicas).
  for (const file of ["artifacts/e2e.tap", "artifacts/replicas.tap", "artifacts/install.tap"]) {
    try {
      const tap = fs.readFileSync(file, "utf8");
      for (const m of tap.matchAll(/^# pass (\d+)$/gm)) passed += Number(m[1]);
      for (const m of tap.matchAll(/^# fail (\d+)$/gm)) failed += Number(m[1]);
    } catch {}
  }
  console.log(passed, failed);
')
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "Failed steps: ${failed_steps[*]}"
  [ "$failed" = 0 ] && failed=${#failed_steps[@]}
fi
echo "${passed} passed, ${failed} failed"
[ ${#failed_steps[@]} -eq 0 ] && [ "$failed" = 0 ]
