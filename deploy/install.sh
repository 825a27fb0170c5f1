#!/usr/bin/env bash
# One install for the image and the tests: the Dockerfile runs this script as its only build
# step, and tests/serving/test_deploy.py runs the same script on this machine (where each
# step finds its work done, except the release, written where RURALDASH_RELEASE says).
#   deploy/install.sh            Debian packages, Python packages, then the release
# PYTHON selects the interpreter (default python3); RURALDASH_RELEASE where the release goes.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
RELEASE="${RURALDASH_RELEASE:-/srv/ruraldash/release/ruraldash.duckdb}"

# 1. Debian packages: chromium and CJK fonts draw briefings and chart images; nginx proxies.
PACKAGES="chromium fonts-noto-cjk fontconfig nginx"
missing=""
for package in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
        || missing="$missing $package"
done
if [ -n "$missing" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # shellcheck disable=SC2086 # one word per package
    apt-get install -y -q --no-install-recommends $missing
    rm -rf /var/lib/apt/lists/*
fi

# 2. Python packages: the runtime only.
"$PYTHON" -m pip install -q -r requirements.txt

# 3. The release: validated and built once; invalid data fails here with located messages.
"$PYTHON" -m ruraldash release --db "$RELEASE"
