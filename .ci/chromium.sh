#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (Playwright drives it through executable_path;
# `playwright install` is never run); prints the browser's path for CLAIMGRAPH_TEST_CHROMIUM. Needs root.
# A failure stops with a message: CI must not pass by skipping the browser tests.
set -euo pipefail
trap 'echo "ci: could not set up chromium (line $LINENO)" >&2' ERR

export DEBIAN_FRONTEND=noninteractive
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq >&2
fi
apt-get install -y -qq chromium >&2
command -v chromium
