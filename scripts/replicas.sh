#!/usr/bin/env bash
# Two backend replicas on one PostgreSQL database, tested.
#
# Checks the deployment manifests of examples/deploy, then starts two processes
# of the example backend (packages/backend: catalog with the Tech Stack module,
# the Tech Stack API) on two spare ports from 7101, on one fresh database of the
# throwaway PostgreSQL server (scripts/postgres.sh), reading a copy of the
# example guide on a 20 s schedule; runs tests/replicas/*.test.ts against them
# and stops both (also on failure). TAP goes to artifacts/replicas.tap, the
# backends' logs to artifacts/replicas/.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh >/dev/null
mkdir -p artifacts/replicas
rm -f artifacts/replicas.tap artifacts/replicas-*.tap artifacts/replicas/*.log

# Guide schedule of the replicas: frequent, so the suite sees several runs, with
# a timeout shorter than the frequency (a run claimed by a killed replica frees
# its lock after it).
FREQUENCY_SECONDS=20
TIMEOUT_SECONDS=15
STARTUP_LIMIT_SECONDS=240

# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
ts_postgres_start || {
  echo "[replicas] PostgreSQL is not available (set TS_SKIP_REPLICAS=1 to skip)" >&2
  exit 1
}

work="$(mktemp -d)"
database="ts_replicas_$(date +%s)_$$"
pids=()

cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    # CONT: a replica the suite paused (SIGSTOP) handles TERM only once running
    kill -CONT -- "-$pid" 2>/dev/null
    kill -TERM -- "-$pid" 2>/dev/null
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 20); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$pid" 2>/dev/null
  done
  "$TS_POSTGRES_BIN/dropdb" -h "$TS_POSTGRES_HOST" -p "$TS_POSTGRES_PORT" \
    -U "$TS_POSTGRES_USER" --if-exists --force "$database" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$TS_POSTGRES_BIN/createdb" -h "$TS_POSTGRES_HOST" -p "$TS_POSTGRES_PORT" \
  -U "$TS_POSTGRES_USER" "$database" || exit 1

# The guide the suite edits, and the settings both replicas share.
cp examples/technology-stack-guide.md "$work/guide.md"
cat >"$work/app-config.replicas.yaml" <<EOF
backend:
  database:
    # one database for the run; each plugin in its own schema
    pluginDivisionMode: schema
    connection:
      database: $database
auth:
  providers:
    guest:
      dangerouslyAllowOutsideDevelopment: true
techStack:
  guides:
    - id: main
      target: $work/guide.md
      schedule:
        frequency: { seconds: $FREQUENCY_SECONDS }
        timeout: { seconds: $TIMEOUT_SECONDS }
EOF

free_port() {
  local port="$1"
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

up() { curl -fsS -o /dev/null "$1/.backstage/health/v1/readiness" 2>/dev/null; }

# Starts one replica in its own process group (node itself, no watcher, so a
# SIGKILL from the suite hits the backend); sets last_pid.
last_pid=""
start_replica() {
  local name="$1" port="$2"
  set -m # job control: the replica gets a process group of its own
  (
    cd packages/backend &&
      NODE_ENV=production \
        POSTGRES_HOST="$TS_POSTGRES_HOST" POSTGRES_PORT="$TS_POSTGRES_PORT" \
        POSTGRES_USER="$TS_POSTGRES_USER" POSTGRES_PASSWORD="" \
        APP_CONFIG_backend_listen=":$port" \
        APP_CONFIG_backend_baseUrl="http://localhost:$port" \
        exec node --enable-source-maps \
        --require @backstage/cli/config/nodeTransform.cjs src/index.ts \
        --config ../../app-config.yaml \
        --config ../../app-config.production.yaml \
        --config "$work/app-config.replicas.yaml"
  ) >"artifacts/replicas/$name.log" 2>&1 &
  last_pid=$!
  set +m
  # out of the job table: the suite's SIGKILL is expected, not a job to report
  disown "$last_pid"
}

# Waits for a replica's readiness; $4 is when it was started ($SECONDS).
wait_ready() {
  local name="$1" url="$2" pid="$3" start="$4"
  while ! up "$url"; do
    if ! kill -0 "$pid" 2>/dev/null || [ $((SECONDS - start)) -gt $STARTUP_LIMIT_SECONDS ]; then
      echo "[replicas] replica $name did not start; last lines of its log:" >&2
      tail -20 "artifacts/replicas/$name.log" >&2
      return 1
    fi
    sleep 1
  done
  echo "[replicas] replica $name ready on $url after $((SECONDS - start)) s" >&2
}

# One after the other: the first creates the schemas and runs the migrations.
port_a="$(free_port 7101)"
started_a=$SECONDS
start_replica a "$port_a"
pid_a="$last_pid"
pids+=("$pid_a")

# The manifests, while replica a starts (they need no backend).
# artifacts/replicas.tap collects the TAP of both runs (test.sh counts every
# "# pass"/"# fail" line in it).
node --require @backstage/cli/config/nodeTransform.cjs --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=artifacts/replicas-deploy.tap \
  tests/replicas/deploy.test.ts
deploy_status=$?
cp artifacts/replicas-deploy.tap artifacts/replicas.tap

wait_ready a "http://localhost:$port_a" "$pid_a" "$started_a" || exit 1
port_b="$(free_port $((port_a + 1)))"
started_b=$SECONDS
start_replica b "$port_b"
pid_b="$last_pid"
pids+=("$pid_b")
wait_ready b "http://localhost:$port_b" "$pid_b" "$started_b" || exit 1

TS_REPLICA_URLS="http://localhost:$port_a,http://localhost:$port_b" \
  TS_REPLICA_PIDS="$pid_a,$pid_b" \
  TS_REPLICA_LOGS="$PWD/artifacts/replicas/a.log,$PWD/artifacts/replicas/b.log" \
  TS_REPLICA_GUIDE="$work/guide.md" \
  TS_REPLICA_FREQUENCY_SECONDS="$FREQUENCY_SECONDS" \
  TS_REPLICA_TIMEOUT_SECONDS="$TIMEOUT_SECONDS" \
  node --require @backstage/cli/config/nodeTransform.cjs --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=artifacts/replicas-suite.tap \
  tests/replicas/replicas.test.ts
suite_status=$?

cat artifacts/replicas-suite.tap >>artifacts/replicas.tap
[ "$deploy_status" = 0 ] && [ "$suite_status" = 0 ]
