#!/usr/bin/env bash
# Debian's redis-server for the tests that start generated services against a
# real Redis (each test starts and stops its own server on a free port).
# Source it, then call ts_redis_install; it installs the package if missing and
# exports TS_REDIS_SERVER (the server binary).

ts_redis_install() {
  local bin
  bin="$(command -v redis-server || true)"
  if [ -z "$bin" ]; then
    echo "[redis] installing Debian's redis-server" >&2
    if [ "$(id -u)" = 0 ]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >&2 || return 1
    else
      echo "[redis] not root: install the redis-server package" >&2
      return 1
    fi
    bin="$(command -v redis-server)"
  fi
  # The package's own service is not needed: the tests start their servers.
  if command -v systemctl >/dev/null 2>&1; then systemctl stop redis-server >/dev/null 2>&1 || true; fi
  export TS_REDIS_SERVER="$bin"
  echo "[redis] $("$bin" --version | cut -d' ' -f3)" >&2
}
