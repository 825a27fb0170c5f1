#!/usr/bin/env bash
# Health of a deployment: nginx, then every replica's liveness and readiness.
#   deploy/check.sh [PORT] [REPLICAS]      (defaults 8700 and 2: replicas on PORT+1..PORT+N)
# Exit 0 when all answer 200; each line says what answered.
set -uo pipefail
port="${1:-8700}"
replicas="${2:-2}"
status=0
probe() {
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1")
    echo "$code $1"
    [ "$code" = "200" ] || status=1
}
probe "http://127.0.0.1:$port/_stcore/health"
for index in $(seq 1 "$replicas"); do
    probe "http://127.0.0.1:$((port + index))/_stcore/health"
    probe "http://127.0.0.1:$((port + index))/ready"
done
exit $status
