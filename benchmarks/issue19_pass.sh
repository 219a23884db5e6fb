#!/usr/bin/env bash
# Issue 19's whole benchmark pass, in the order the closing note's table is written from: every
# figure beside its anchor from the same run (each benchmark prints its own), the load average
# before each step in $OUT/stamps.txt. ~20 min on 2 cores; run it on a quiet machine and say so.
#
#   benchmarks/issue19_pass.sh                   # results under /tmp/fieldsync-issue19-<time>
#   OUT=/tmp/pass STEPS="pull push" benchmarks/issue19_pass.sh   # some steps only
#
# Steps (STEPS, in this order): pull (3a, 3b), push (2), messaging (1: step-ups for the socket,
# REST and REST with an Idempotency-Key), p99 (1b: 1,000 socket sends/s for 20 s), feed (5),
# idle (4a-4d: 20,000 idle sockets, plain and with the fan-out case), fanout (6a, 6b: `big` and
# `rate` against Node, two rounds). Each step has a time limit (SIGINT, so a benchmark still
# cleans up); a step that fails or times out is noted and the pass goes on.
# The feed step needs a Redis ($FEED_REDIS_URL, default the machine's, database 9); the others
# start what they need (an embedded PostgreSQL, Node's reference server) or use
# $PG_ADMIN_URL for the idle-socket runs (benchmarks/idle_sockets/run.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PY:-$ROOT/.venv/bin/python}
OUT=${OUT:-/tmp/fieldsync-issue19-$(date +%Y%m%d-%H%M%S)}
STEPS=${STEPS:-"pull push messaging p99 feed idle fanout"}
FEED_REDIS_URL=${FEED_REDIS_URL:-redis://127.0.0.1:6379/9}
mkdir -p "$OUT"
: "${XDG_RUNTIME_DIR:=$(mktemp -d /tmp/xdg-XXXXXX)}"
export XDG_RUNTIME_DIR

step() {  # step NAME LIMIT_SECONDS COMMAND...: runs it, its output in $OUT/NAME.log
  local name=$1 limit=$2
  shift 2
  printf '%s start %s load %s\n' "$(date -u +%H:%M:%S)" "$name" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/stamps.txt"
  timeout -s INT -k 30 "$limit" "$@" >"$OUT/$name.log" 2>&1
  local rc=$?
  printf '%s end   %s rc %s load %s\n' "$(date -u +%H:%M:%S)" "$name" "$rc" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/stamps.txt"
}

wanted() { [[ " $STEPS " == *" $1 "* ]]; }

wanted pull && step sync-pull 600 "$PY" benchmarks/sync_pull.py --pull-only --repeats 7
wanted push && step sync-push 600 "$PY" benchmarks/sync_pull.py --push-only --drain
if wanted messaging; then
  step messaging-socket 900 "$PY" benchmarks/messaging.py --step-up --rate 300 --step 1.25 --transport socket
  step messaging-rest 900 "$PY" benchmarks/messaging.py --step-up --rate 300 --step 1.25 --transport rest
  step messaging-rest-key 900 "$PY" benchmarks/messaging.py --step-up --rate 300 --step 1.25 --transport rest \
    --idempotency-key
fi
wanted p99 && step messaging-1000 300 "$PY" benchmarks/messaging.py --rate 1000 --seconds 20 --transport socket
wanted feed && step feed 300 env REDIS_URL="$FEED_REDIS_URL" "$PY" benchmarks/feed_fanout.py --only-sequential
if wanted idle; then
  step idle-plain 900 env NS=20000 OUT="$OUT/idle-plain" benchmarks/idle_sockets/run.sh
  step idle-big 900 env NS=20000 FANOUT_CASE=big OUT="$OUT/idle-big" benchmarks/idle_sockets/run.sh
fi
wanted fanout && step fanout 1200 env CASES="big rate" REFS=node ROUNDS=2 OUT="$OUT/fanout" ./dev bench
echo "results: $OUT (stamps.txt: each step's time and load average)"
