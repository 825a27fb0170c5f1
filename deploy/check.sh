#!/usr/bin/env bash
# Health of a deployment: nginx, then every replica's liveness (/_stcore/health) and readiness
# (/ready, once warm). Waits up to CHECK_WAIT seconds (default 180) for all to answer 200.
#   deploy/check.sh [PORT] [REPLICAS]      (defaults 8700 and 2: replicas on PORT+1..PORT+N)
# Prints one line per address (status, URL); exit 0 when all answer 200, else 1.
set -uo pipefail
port="${1:-8700}"
replicas="${2:-2}"
deadline=$(( $(date +%s) + ${CHECK_WAIT:-180} ))
urls="http://127.0.0.1:$port/_stcore/health"
for index in $(seq 1 "$replicas"); do
    urls="$urls http://127.0.0.1:$((port + index))/_stcore/health http://127.0.0.1:$((port + index))/ready"
done
while :; do
    report=""
    status=0
    for url in $urls; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url")
        report="$report$code $url"$'\n'
        [ "$code" = "200" ] || status=1
    done
    if [ $status -eq 0 ] || [ "$(date +%s)" -ge "$deadline" ]; then
        printf '%s' "$report"
        exit $status
    fi
    sleep 2
done
