#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, in artifacts/postgres, on the first
# free port from 55432.
# Source it, then call ts_postgres_start; it installs Debian's server if missing,
# and exports the connection string for @backstage/backend-test-utils' TestDatabases,
# plus TS_POSTGRES_{HOST,PORT,USER,BIN} (host, port, superuser, server binaries).

ts_postgres_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

ts_postgres_start() {
  local bin root data port user=postgres
  bin="$(ts_postgres_bin)"
  if [ -z "$bin" ]; then
    echo "[postgres] installing Debian's postgresql" >&2
    if [ "$(id -u)" = 0 ]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 || return 1
    else
      echo "[postgres] not root: install the postgresql package, or set TS_SKIP_POSTGRES=1" >&2
      return 1
    fi
    bin="$(ts_postgres_bin)"
  fi
  root="$(pwd)/artifacts/postgres"
  data="$root/data"
  # initdb refuses to run as root: run the server as the 'postgres' system user when we are root.
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$root" postgres
  fi
  as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
  # our own server from an earlier run, or a free port from 55432 up
  if [ -f "$root/port" ] && as_pg "$bin/pg_ctl -D '$data' status" >/dev/null 2>&1; then
    port="$(cat "$root/port")"
  else
    port=55432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
      port=$((port + 1))
    done
  fi
  if ! as_pg "$bin/pg_ctl -D '$data' status" >/dev/null 2>&1; then
    rm -rf "$root"
    mkdir -p "$root"
    [ "$(id -u)" = 0 ] && chown postgres "$root"
    as_pg "$bin/initdb -D '$data' -U $user --auth=trust" >"$root/../postgres-init.log" 2>&1 || return 1
    as_pg "$bin/pg_ctl -D '$data' -o '-p $port -k /tmp -c listen_addresses=127.0.0.1' -l '$root/server.log' -w start" >&2 || {
      tail -5 "$root/server.log" >&2
      return 1
    }
    echo "$port" >"$root/port"
  fi
  local version
  version="$(basename "$(dirname "$bin")")"
  # backend-test-utils' TestDatabases reads BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING;
  # our tests read TS_TEST_POSTGRES_ID to know which one is there.
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${version}_CONNECTION_STRING=postgresql://$user@127.0.0.1:$port"
  export TS_TEST_POSTGRES_ID="POSTGRES_${version}"
  # the same server, by part, for the scripts that start a backend on it (replicas.sh)
  export TS_POSTGRES_HOST=127.0.0.1 TS_POSTGRES_PORT="$port" TS_POSTGRES_USER="$user" TS_POSTGRES_BIN="$bin"
  echo "[postgres] running on 127.0.0.1:$port" >&2
}
