#!/usr/bin/env bash
# Install Debian's chromium for the browser test of the HTML report (tests/test_report_browser.py,
# driven by Playwright with this executable: nothing downloads a browser); prints its path for
# CLAIMGRAPH_CHROMIUM. Needs root. Any step that fails stops with a message: CI must not pass by
# skipping the browser test (under CI=true it fails when no chromium is found).
set -euo pipefail
trap 'echo "ci: could not set up chromium (line $LINENO)" >&2' ERR

export DEBIAN_FRONTEND=noninteractive
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq >&2
    apt-get install -y -qq chromium >&2
fi
path=$(command -v chromium)
"$path" --version >&2
echo "$path"
