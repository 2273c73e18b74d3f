#!/usr/bin/env bash
# Sourced by the browser tests (scripts/e2e.sh, scripts/install-test.sh):
# ts_ensure_chromium installs Debian's chromium when /usr/bin/chromium is
# missing (as root; otherwise it says what to install and fails).

ts_ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "[chromium] installing Debian's chromium" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
  else
    echo "[chromium] /usr/bin/chromium is missing: install Debian's chromium package" >&2
    return 1
  fi
}
