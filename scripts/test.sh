#!/usr/bin/env bash
# The test command: installs what is missing (Node 22, Yarn, dependencies,
# Chromium, PostgreSQL), then type-checks, lints and runs every test of every
# package, then the browser tests against a running portal.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
mkdir -p artifacts
rm -f artifacts/jest-results.json artifacts/e2e.tap

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

run_step "type-check (tsc)" yarn tsc
run_step "lint" yarn backstage-cli repo lint
# Real PostgreSQL for the tests that claim PostgreSQL support (skipped when
# TS_SKIP_POSTGRES=1); exports the connection string TestDatabases reads.
if [ "${TS_SKIP_POSTGRES:-0}" != 1 ]; then
  # shellcheck source=scripts/postgres.sh
  source scripts/postgres.sh && ts_postgres_start || failed_steps+=("postgres")
fi
run_step "unit and integration tests (jest)" env CI=true yarn backstage-cli repo test \
  --maxWorkers=2 --json --outputFile=artifacts/jest-results.json
if [ "${TS_SKIP_E2E:-0}" != 1 ]; then
  run_step "browser tests (chromium)" scripts/e2e.sh
fi

# One closing line for every runner together.
read -r passed failed < <(node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  try {
    const j = JSON.parse(fs.readFileSync("artifacts/jest-results.json", "utf8"));
    passed += j.numPassedTests; failed += j.numFailedTests + (j.numRuntimeErrorTestSuites || 0);
  } catch { failed += 1; }
  try {
    const tap = fs.readFileSync("artifacts/e2e.tap", "utf8");
    passed += Number((tap.match(/^# pass (\d+)/m) || [0, 0])[1]);
    failed += Number((tap.match(/^# fail (\d+)/m) || [0, 0])[1]);
  } catch {}
  console.log(passed, failed);
')
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "Failed steps: ${failed_steps[*]}"
  [ "$failed" = 0 ] && failed=${#failed_steps[@]}
fi
echo "${passed} passed, ${failed} failed"
[ ${#failed_steps[@]} -eq 0 ] && [ "$failed" = 0 ]
