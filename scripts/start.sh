#!/usr/bin/env bash
# Starts the example portal: frontend on http://localhost:3000, backend on :7007,
# in-memory SQLite, guest sign-in, the example guide and organisation loaded.
# Extra arguments go to `backstage-cli repo start` (e.g. --config app-config.production.yaml).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
exec yarn start "$@"
