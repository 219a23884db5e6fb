#!/usr/bin/env bash
# Idle sockets: N authenticated websocket connections held idle on (a) the Node socket.io
# reference server of ../shared/bench/realtime and (b) a real `fieldsync serve` process, by the
# same loader (loader.js: the official socket.io-client, K child processes), in one run.
# Per server and N: connects/s, RSS growth per socket, server CPU over an idle hold of at least
# one ping interval (and over a window with no socket), disconnects, the load average.
#
#   benchmarks/idle_sockets/run.sh                       # NS="5000 20000" (20,000 is capped by the fd limit)
#   NS=5000 SERVERS=fieldsync benchmarks/idle_sockets/run.sh
#   REDIS_URL=redis://127.0.0.1:6379/12 benchmarks/idle_sockets/run.sh   # ours with Redis (fan-out, presence,
#                                                                         # revocations, handshake limiter)
#   NS=20000 FANOUT_CASE=big benchmarks/idle_sockets/run.sh  # issue 19 target 4d: during the idle hold,
#       the fan-out case of benchmarks/fanout (N_BIG subscribers in one room and a publisher, the shared
#       loadgen.js) runs against the same server, which holds the idle sockets too. The idle loader then
#       leaves room under the server's fd limit for the fan-out's N_BIG + 1 sockets, so together they are
#       the N sockets. Ours is then benchmarks/fanout/server.py (the product app plus the anonymous /bench
#       namespace) on this run's PostgreSQL database and tokens, instead of `fieldsync serve`.
#
# Ours: PostgreSQL (a fresh database per run at $PG_ADMIN_URL's server, dropped at the end),
# `fieldsync migrate`, N accounts and one access token each (tokens.py: bulk insert + JWT signed
# with the server's configured key), then `fieldsync serve` with the settings' defaults except
# SOCKET_HANDSHAKES_PER_MINUTE: every connection comes from 127.0.0.1 here, while the default
# (120 per address per minute) is meant for one device. Node gets the same tokens (it ignores them).
# The shared folder is read-only: copied to $WORK (npm ci there), as benchmarks/fanout/run.sh does.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SHARED=${SHARED:-$ROOT/../shared/bench/realtime}
WORK=${WORK:-/tmp/fieldsync-bench-realtime}
NS=${NS:-"5000 20000"}
SERVERS=${SERVERS:-"node fieldsync"}
CONCURRENCY=${CONCURRENCY:-50}
PROCS=${PROCS:-0}            # loader child processes (0: one per 9,000 sockets)
FANOUT_CASE=${FANOUT_CASE:-}  # big | rate: the fan-out case to run during the hold (empty: none)
N_BIG=${N_BIG:-1000} M=${M:-2000} PAYLOAD=${PAYLOAD:-200} WINDOW=${WINDOW:-8} RATE=${RATE:-10} RATE_M=${RATE_M:-200}
if [ -n "$FANOUT_CASE" ]; then
  HOLD_S=${HOLD_S:-90}       # long enough for the fan-out case to finish inside the hold
  FD_MARGIN=${FD_MARGIN:-$((N_BIG + 64))}
else
  HOLD_S=${HOLD_S:-30}       # idle hold, >= the ping interval (25 s on both)
  FD_MARGIN=${FD_MARGIN:-32}
fi
BASE_S=${BASE_S:-10}
NODE_PORT=${NODE_PORT:-3111} OURS_PORT=${OURS_PORT:-3113}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
VENV=${VENV:-$ROOT/.venv}
OUT=${OUT:-$ROOT/benchmarks/idle_sockets/results/$(date +%Y%m%d-%H%M%S)}

if [ ! -d "$WORK/node_modules/socket.io-client" ]; then
  mkdir -p "$WORK"
  cp -r "$SHARED"/. "$WORK"/
  chmod -R u+w "$WORK"
  (cd "$WORK" && npm ci --no-audit --no-fund)
fi
export NODE_PATH=$WORK/node_modules
mkdir -p "$OUT"
RESULTS=$OUT/results.jsonl
: > "$RESULTS"
DB="fieldsync_idle_$$_$(date +%s)"
DB_URL="${PG_ADMIN_URL%/*}/$DB"
SERVER_PID=""
TOKENS=${TMPDIR:-/tmp}/fieldsync-idle-tokens-$$.txt

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() {
  stop_server
  rm -f "$TOKENS"
  psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS $DB" > /dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

wait_ready() { # port
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$1/healthz" > /dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "server on port $1 did not become ready" >&2
  return 1
}

# -- ours: database, accounts and tokens (enough for the largest N) -------------------------
MAX_N=$(echo "$NS" | tr ' ' '\n' | sort -n | tail -1)
ours_env=(env -u KAFKA_BOOTSTRAP -u REDIS_URL DATABASE_URL="$DB_URL" APP_ENV=development LOG_LEVEL=WARNING
          SOCKET_HANDSHAKES_PER_MINUTE=10000000 JWT_SIGNING_KEYS="bench:$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
          JWT_ACTIVE_KID=bench)
if [ -n "${REDIS_URL:-}" ]; then ours_env+=(REDIS_URL="$REDIS_URL"); fi
psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $DB" > /dev/null
"${ours_env[@]}" "$VENV/bin/fieldsync" migrate > "$OUT/migrate.log" 2>&1
"${ours_env[@]}" "$VENV/bin/python" benchmarks/idle_sockets/tokens.py --users "$MAX_N" --out "$TOKENS"

run_loader() { # label port
  node benchmarks/idle_sockets/loader.js --url "http://127.0.0.1:$2" -n "$N" --procs "$PROCS" \
    --concurrency "$CONCURRENCY" --tokens "$TOKENS" --server-pid "$SERVER_PID" --hold-s "$HOLD_S" \
    --base-s "$BASE_S" --fd-margin "$FD_MARGIN" --label "$1" | tee -a "$RESULTS" >&2 || true
}

# The fan-out case against a server that already holds the idle sockets: wait until the loader's
# sockets are open (the server's fd count stops growing), then run the shared load generator.
run_fanout() { # label url
  local args prev=-1 now
  case "$FANOUT_CASE" in
    big) args=(-n "$N_BIG" -m "$M" --window "$WINDOW") ;;
    rate) args=(-n "$N_BIG" -m "$RATE_M" --rate "$RATE") ;;
    *) echo "unknown FANOUT_CASE $FANOUT_CASE" >&2; exit 1 ;;
  esac
  sleep $((BASE_S + 2))
  for _ in $(seq 1 600); do
    now=$(ls "/proc/$SERVER_PID/fd" 2>/dev/null | wc -l)
    [ "$now" -gt 1000 ] && [ "$now" -eq "$prev" ] && break
    prev=$now
    sleep 2
  done
  echo "== fan-out $FANOUT_CASE on $2 with $now fds open (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  (cd "$WORK" && node loadgen.js --url "$2" "${args[@]}" --payload-bytes "$PAYLOAD" --deflate 0 \
    --server-pid "$SERVER_PID" --label "$1") | tee -a "$OUT/fanout.jsonl" >&2 || true
}

run_held() { # label port fanout-url
  if [ -z "$FANOUT_CASE" ]; then run_loader "$1" "$2"; return; fi
  run_loader "$1" "$2" &
  local loader=$!
  run_fanout "$FANOUT_CASE/${1#*/}" "$3"
  wait "$loader" || true
}

for N in $NS; do
  for s in $SERVERS; do
    echo "== N=$N server=$s  (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    case "$s" in
      node)
        (cd "$WORK" && exec node server_node.js --port "$NODE_PORT") > "$OUT/server-node-$N.log" 2>&1 &
        SERVER_PID=$!
        wait_ready "$NODE_PORT"
        run_held "$N/node" "$NODE_PORT" "http://127.0.0.1:$NODE_PORT" ;;
      fieldsync)
        if [ -n "$FANOUT_CASE" ]; then
          "${ours_env[@]}" "$VENV/bin/python" benchmarks/fanout/server.py --port "$OURS_PORT" --database-url "$DB_URL" \
            ${REDIS_URL:+--redis-url "$REDIS_URL"} > "$OUT/server-fieldsync-$N.log" 2>&1 &
        else
          "${ours_env[@]}" "$VENV/bin/fieldsync" serve --host 127.0.0.1 --port "$OURS_PORT" > "$OUT/server-fieldsync-$N.log" 2>&1 &
        fi
        SERVER_PID=$!
        wait_ready "$OURS_PORT"
        sleep 2  # the app's start-up jobs (gc freeze, first ticks) are not the sockets' cost
        run_held "$N/fieldsync" "$OURS_PORT" "http://127.0.0.1:$OURS_PORT/bench" ;;
      *) echo "unknown server $s" >&2; exit 1 ;;
    esac
    stop_server
    sleep 3  # let the closed connections' TIME_WAIT and the other side settle
  done
done
"$VENV/bin/python" benchmarks/idle_sockets/compare.py "$RESULTS" | tee "$OUT/summary.md"
if [ -n "$FANOUT_CASE" ]; then
  echo "{\"date\":\"$(date -u +%FT%TZ)\",\"nproc\":$(nproc)}" > "$OUT/meta.json"
  "$VENV/bin/python" benchmarks/fanout/compare.py "$OUT/meta.json" "$OUT/fanout.jsonl" | tee -a "$OUT/summary.md"
fi
echo "raw results: $RESULTS" >&2
