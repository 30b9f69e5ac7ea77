#!/bin/sh
# Install headless Chromium (Debian's `chromium` package) for the browser tests.
# Does nothing when /usr/bin/chromium is already there. Installs only when run as
# root with apt-get available; otherwise it says why and exits 0, and the browser
# tests (pytest -m browser) skip with that reason.
set -u
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: apt-get not found; browser tests will skip" >&2
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "install-browser: not root, cannot apt-get install chromium; browser tests will skip" >&2
    exit 0
fi
echo "install-browser: installing chromium with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
    echo "install-browser: $($CHROMIUM --version 2>/dev/null)" >&2
else
    echo "install-browser: apt-get install chromium failed; browser tests will skip" >&2
fi
exit 0
