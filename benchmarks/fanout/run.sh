#!/usr/bin/env bash
# Fan-out benchmark: Fieldsync's Socket.IO stack against the reference servers of
# ../shared/bench/realtime (Node socket.io, plain python-socketio), under the same load
# generator (loadgen.js, the official socket.io-client), in one session.
#
# For each case: the shared harness (its own run.sh) runs the Node and python references,
# then our server (benchmarks/fanout/server.py) gets the identical loadgen command. Every
# server starts fresh per case on 127.0.0.1 and is stopped by its PID.
#
#   benchmarks/fanout/run.sh                       # CASES="big rate", ~3 min on 2 cores
#   CASES=small ROUNDS=2 benchmarks/fanout/run.sh  # other cases, repeated rounds
#   REDIS_URL=redis://127.0.0.1:6379/0 REFS= benchmarks/fanout/run.sh   # ours alone, Redis manager
#
# The shared folder is read-only: it is copied to $WORK (npm ci there; a venv there for the
# reference python server). Results: $OUT/results.jsonl and $OUT/summary.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SHARED=${SHARED:-$ROOT/../shared/bench/realtime}
WORK=${WORK:-/tmp/fieldsync-bench-realtime}
CASES=${CASES:-"big rate"}
REFS=${REFS-"node py"}  # the reference servers to run beside ours (empty: none)
ROUNDS=${ROUNDS:-1}
N_BIG=${N_BIG:-1000} N_SMALL=${N_SMALL:-100} M=${M:-2000} PAYLOAD=${PAYLOAD:-200} WINDOW=${WINDOW:-8}
RATE=${RATE:-10} RATE_M=${RATE_M:-200}
OURS_PORT=${OURS_PORT:-3103}
PY_OURS=${PY_OURS:-$ROOT/.venv/bin/python}
OUT=${OUT:-$WORK/results/$(date +%Y%m%d-%H%M%S)}
export N_BIG N_SMALL M PAYLOAD WINDOW RATE RATE_M

# -- the harness, once per work folder ---------------------------------------------------
if [ ! -d "$WORK/node_modules/socket.io" ]; then
  mkdir -p "$WORK"
  cp -r "$SHARED"/. "$WORK"/
  chmod -R u+w "$WORK"
  (cd "$WORK" && npm ci --no-audit --no-fund)
fi
if [ ! -x "$WORK/.venv/bin/python" ]; then
  python3 -m venv "$WORK/.venv"
  "$WORK/.venv/bin/pip" install --quiet -r "$WORK/requirements.txt"
fi
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT INT TERM

wait_ready() {
  for _ in $(seq 1 150); do
    if curl -fs "http://127.0.0.1:$OURS_PORT/healthz" > /dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "our server did not become ready" >&2
  return 1
}

run_ours() { # case round
  local c=$1 r=$2 args redis_args=()
  case "$c" in
    big) args=(-n "$N_BIG" -m "$M" --window "$WINDOW") ;;
    small) args=(-n "$N_SMALL" -m "$M" --window "$WINDOW") ;;
    rate) args=(-n "$N_BIG" -m "$RATE_M" --rate "$RATE") ;;
    *) echo "unknown case $c" >&2; exit 1 ;;
  esac
  [ -n "${REDIS_URL:-}" ] && redis_args=(--redis-url "$REDIS_URL")
  "$PY_OURS" benchmarks/fanout/server.py --port "$OURS_PORT" "${redis_args[@]}" > "$OUT/server-fieldsync-$c-$r.log" 2>&1 &
  SERVER_PID=$!
  wait_ready
  echo "== case=$c server=fieldsync (pid $SERVER_PID) loadgen ${args[*]} --payload-bytes $PAYLOAD" >&2
  (cd "$WORK" && node loadgen.js --url "http://127.0.0.1:$OURS_PORT/bench" "${args[@]}" --payload-bytes "$PAYLOAD" \
    --deflate 0 --server-pid "$SERVER_PID" --label "$c/fieldsync") | tee -a "$RESULTS" >&2 || true
  stop_server
}

run_refs() { # case round
  [ -n "$REFS" ] || return 0
  (cd "$WORK" && CASES=$1 SERVERS="$REFS" OUT="$OUT/ref-$1-$2" ./run.sh > /dev/null) || true
  grep -v '"meta"' "$OUT/ref-$1-$2/results.jsonl" >> "$RESULTS" || true
}

# Rounds alternate which goes first (the references on odd rounds, ours on even ones): the
# second server of a round meets the first one's closing connections and a busier machine, and
# with the same order every round that would always count against the same side.
for r in $(seq 1 "$ROUNDS"); do
  for c in $CASES; do
    if [ $((r % 2)) = 1 ]; then run_refs "$c" "$r"; run_ours "$c" "$r"
    else run_ours "$c" "$r"; run_refs "$c" "$r"; fi
  done
done
head -n 1 "$OUT/ref-$(echo "$CASES" | awk '{print $1}')-1/results.jsonl" > "$OUT/meta.json" 2>/dev/null \
  || echo "{\"date\":\"$(date -u +%FT%TZ)\",\"nproc\":$(nproc)}" > "$OUT/meta.json"

"$PY_OURS" benchmarks/fanout/compare.py "$OUT/meta.json" "$RESULTS" | tee "$OUT/summary.md"
echo "raw results: $RESULTS" >&2
