#!/usr/bin/env bash
# Time from `./dev run` in a fresh clone (no .venv) to GET /readyz answering 200: what a
# newcomer waits for. Anchor: 72 s before the runtime lock (issue 17; `./dev run` then
# installed the test extra). pip's download cache is left as it is (say so when quoting).
#   benchmarks/fresh_clone_run.sh [REF] [PORT]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
ref=${1:-HEAD}
port=${2:-18089}
dir=$(mktemp -d /tmp/fieldsync-fresh-XXXXXX)
git clone --quiet "$src" "$dir/clone"
git -C "$dir/clone" checkout --quiet "$(git -C "$src" rev-parse "$ref")"
cd "$dir/clone"
start=$(date +%s.%N)
DATABASE_URL="sqlite://.fieldsync/demo.sqlite3" ./dev run --port "$port" >"$dir/run.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
until curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "./dev run exited:"; tail -20 "$dir/run.log"; exit 1; fi
  sleep 0.5
done
end=$(date +%s.%N)
printf 'fresh clone ./dev run -> /readyz 200: %.1f s (ref %s; load average %s; anchor 72 s)\n' \
  "$(echo "$end - $start" | bc)" "$(git rev-parse --short HEAD)" "$(cut -d' ' -f1-3 /proc/loadavg)"
