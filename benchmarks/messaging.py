"""Messaging under an offered rate (issue 19, target 1): stored/s, delivered/s and send->delivered
p50/p99, per transport, beside the raw insert-and-commit anchor measured in the same run.

Starts a throwaway embedded PostgreSQL (or uses --database-url, an admin URL: a fresh database
is created in it), migrates it, seeds --conversations support conversations of 2 or 3
participants each (rows written directly, through the sync triggers), and runs `fieldsync serve`
in a subprocess with a pool of --pool connections (REDIS_URL, when set, is passed on: the
socket emits then go through Redis as in production). This process is the load generator (its
driver: benchmarks/_messaging_load.py):

- every participant has one socket on /messaging, speaking the frames itself (benchmarks/_sio.py:
  a python-socketio client per user would cost more CPU than the server it measures);
- an open-loop sender offers --rate sends per second for --seconds (each send is due at its
  scheduled instant whether or not earlier ones were answered, so a slow server is not offered
  less): a random participant of a random conversation sends over REST
  (`POST /v1/conversations/{id}/messages`, with an `Idempotency-Key` under --idempotency-key, as
  the client guide asks; through benchmarks/_http, keep-alive connections, one request in flight
  on each, opened as needed: ~0.1 ms of CPU per send against ~0.2 with aiohttp's client) or
  `message:send` on its socket (--transport; `both` alternates);
- send->delivered is measured from the send's scheduled instant to the arrival of its
  `message:new` on each other participant's socket (the sender's own devices are not counted);
  send->stored from the scheduled instant to the 201 or the ack. stored/s is the sends stored
  divided by the time from the first scheduled send to the last answer (a server that falls
  behind stretches it), delivered/s the same for deliveries;
- every `message:new` is checked: its `cursor` is set, and each socket sees a conversation's
  seqs strictly increasing (order violations are reported, and should be 0);
- the reactions to the sends (the notifier, in the relay, one event after another) may lag the
  deliveries: each rate counts until the outbox has drained too (outbox_drain_s, after the last
  delivery), so their work and CPU are its own; server and PostgreSQL CPU per stored send are
  reported beside the rates (less sensitive to a busy machine);
- --step-up runs rising rates (--rate, then x --step each) until stored/s falls below 95% of
  the offered rate, the delivery p99 exceeds --max-p99-ms or the outbox takes 5 s or more to
  drain after the last delivery; then it climbs again from the last rate that passed by --refine
  (x1.08) each, below the one that failed, until one fails; the last rate that passed is the
  maximum sustainable rate;
- the anchor: single-row INSERT+COMMIT on as many connections as the server's pool
  (benchmarks/_harness.raw_inserts), run before the load, and the load average after each step.
- this process's own CPU per send is reported too (it shares the cores: it runs on uvloop and
  pauses its collector during a step, benchmarks/_harness.generator_gc_paused), and the delivery
  p99 of each second of the offer (a tail at the start is a ramp-up, one throughout a queue);
- after the warm-up the database is analyzed (`ANALYZE`), as autovacuum does within a new
  database's first minute: the plans the pool cached while the tables were empty would otherwise
  scan them whole until then, and a run of 30 s would measure only that minute (--cold-plans
  leaves it out);
- --statements: the embedded server counts statements and trigger functions
  (pg_stat_statements): the costliest per stored send are reported with each step;
- --history N (20): every conversation starts with N messages (their outbox rows and sync ops
  written in one transaction, as a bulk import or a burst would), before the warm-up and its
  ANALYZE. Analyzed at under one message a conversation (--history 0), the send's plan looks for
  a retried draft id by reading its conversation's every message, costlier with each one stored;
- --diagnose-no-capture (a diagnosis, not the product): every sync capture trigger of the run's
  database does nothing, so no change reaches the sync log; beside a normal run, what the sync
  capture and its ticks cost per send (the result says `sync_capture: off`);
- --diagnose-no-message-notifications (a diagnosis too): every user turned message notifications
  off, so the notifier still reads each message's recipients and preferences but writes no in-app
  row; beside a normal run, what those rows (their upsert, capture and tick) cost per send;
- --warm-up-seconds 0: no warm-up, the burst right after a start (the server's connections as
  DB_POOL_MIN and DB_POOL_WARM left them; 2 s at 100 sends/s by default).

    .venv/bin/python benchmarks/messaging.py [--rate 1000] [--seconds 10] [--transport both]
    .venv/bin/python benchmarks/messaging.py --step-up --rate 250 --step 1.4
    .venv/bin/python benchmarks/messaging.py --rate 2000 --transport socket --statements

Figures from runs on the 2-core machine are in docs/performance.md ("Messaging under load").
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
import uvloop

from app.migrate import migrate
from benchmarks._harness import (
    BENCH_KEYS,
    Server,
    add_database_arguments,
    load_average,
    raw_inserts,
    report,
    with_postgres,
)
from benchmarks._messaging_load import Bench
from benchmarks._messaging_seed import (
    pg_url,
    seed,
    seed_history,
    without_capture,
    without_message_notifications,
)
from domain.accounts.tokens import TokenSigner
from tests.support.databases import create_database, drop_database


async def step_up_once(bench: Bench, transport: str, rate: float, args: argparse.Namespace,
                       rng: random.Random) -> bool:
    """One step of --step-up: offer `rate`, print its line, and whether it was sustained."""
    result = await bench.offer(rate, args.seconds, transport, rng)
    ok = sustained(result, args.max_p99_ms)
    print(
        f"{transport} offered {rate:7.0f}/s  stored {result['stored_per_s']:6}/s  delivered "
        f"{result['delivered_per_s']:6}/s  p50 {result['delivered_p50_ms']} ms  p99 "
        f"{result['delivered_p99_ms']} ms  errors {result['errors']}  "
        f"cpu/send {result['server_cpu_ms_per_send']} ms "
        f"(pg {result['postgres_cpu_ms_per_send']}, ceiling {result['cpu_ceiling_per_s']}/s)  "
        f"outbox drain {result['outbox_drain_s']} s  "
        f"load {result['load_average']}"
        f"  {'ok' if ok else 'NOT sustained'}",
        file=sys.stderr,
    )
    return ok


def sustained(result: dict[str, Any], max_p99_ms: float) -> bool:
    return (
        result["stored_per_s"] >= 0.95 * result["offered_per_s"]
        and not result["errors"]
        and result["outbox_drain_s"] < 5
        and result["delivered_p99_ms"] <= max_p99_ms
    )


async def run(args: argparse.Namespace, admin_url: str) -> dict[str, Any]:
    url = await create_database(admin_url)
    server: Server | None = None
    rng = random.Random(19)
    try:
        await migrate(url)
        conn = await asyncpg.connect(pg_url(url))
        if args.diagnose_no_capture:
            await without_capture(conn)
        chats = await seed(conn, args.conversations, rng)
        if args.diagnose_no_message_notifications:
            await without_message_notifications(conn)
        await seed_history(conn, args.history)
        results: dict[str, Any] = {
            "conversations": len(chats),
            "sockets": sum(len(c) - 1 for c in chats),
            "pool": args.pool,
            "redis": bool(os.environ.get("REDIS_URL")),
            # Off (the machine's server may be run so), cached plans of tables that grew from
            # empty scan them whole for the whole run (app/vacuum.py): the figures mean little.
            "autovacuum": await conn.fetchval("SHOW autovacuum"),
            "sync_capture": "off" if args.diagnose_no_capture else "on",
            "message_notifications": "off" if args.diagnose_no_message_notifications else "on",
            "history_messages": args.history * len(chats),
        }
        results["raw_insert_commit_per_s"] = round(await raw_inserts(url, args.pool))
        results["load_average_before"] = load_average()
        server = Server(f"{url}?maxsize={args.pool}", SOCKET_HANDSHAKES_PER_MINUTE="100000000",
                        SOCKET_EVENT_RATE_PER_SECOND="100000", SOCKET_EVENT_BURST="100000")
        results["server_pid"] = server.pid
        bench = Bench(server.url, chats, TokenSigner(BENCH_KEYS, "bench", 3600), server.pid, conn)
        bench.idempotency_keys = args.idempotency_key
        bench.statements = args.statements
        await bench.connect_all()
        if args.warm_up_seconds > 0:  # imports, pools, caches; 0: a burst right after a start
            await bench.offer(min(args.rate, 100), args.warm_up_seconds, "both", rng)
        if not args.cold_plans:
            # What autovacuum does in a new database's first minute: statistics of tables that have
            # rows. Without them the pool's cached generic plans, made while the tables were empty,
            # scan them whole until its first visit, and a run of 30 s measures only that minute.
            await conn.execute("ANALYZE")
        results["analyzed_after_warm_up"] = not args.cold_plans
        if args.pause:
            print(f"server pid {server.pid}: attach the profiler, then press Enter", file=sys.stderr)
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        transports = ["rest", "socket"] if args.transport == "both" and not args.step_up else [args.transport]
        for transport in transports:
            if not args.step_up:
                for key, value in (await bench.offer(args.rate, args.seconds, transport, rng)).items():
                    results[f"{transport}_{key}"] = value
                continue
            rate, best, failed = args.rate, None, None
            while True:
                ok = await step_up_once(bench, transport, rate, args, rng)
                if ok:
                    best = rate
                elif failed is None and best is not None and args.refine > 1:
                    # Between the last rate that held and the first that did not, finer steps:
                    # the coarse step alone reports up to a fifth less than the rate that holds.
                    failed, rate = rate, best
                else:
                    break
                rate *= args.refine if failed is not None else args.step
                if failed is not None and rate >= failed * 0.99:
                    break
                await asyncio.sleep(2)  # let the backlog (outbox, ticks) settle between steps
            results[f"{transport}_max_sustained_per_s"] = round(best) if best else None
        stored = await conn.fetchval("SELECT count(*) FROM message")
        results["messages_in_database"] = stored
        results["load_average_after"] = load_average()
        results["rest_connections_opened"] = bench.rest.opened
        bench.rest.close()
        for socket in bench.sockets.values():
            socket.close()
        await conn.close()
        return results
    finally:
        if server is not None:
            server.stop()
        await drop_database(admin_url, url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=500)
    parser.add_argument("--rate", type=float, default=1000, help="sends offered per second (step-up: the first)")
    parser.add_argument("--seconds", type=float, default=10, help="how long each rate is offered")
    parser.add_argument("--transport", choices=("rest", "socket", "both"), default="both")
    parser.add_argument("--step-up", action="store_true", help="find the maximum sustainable rate")
    parser.add_argument("--step", type=float, default=1.25, help="step-up: the next rate is this times the last")
    parser.add_argument("--refine", type=float, default=1.08,
                        help="step-up: after the first rate not sustained, climb again from the last that was by "
                             "this factor, below the one that failed (1: no refining)")
    parser.add_argument("--max-p99-ms", type=float, default=250, help="step-up: the delivery p99 still sustained")
    parser.add_argument(
        "--pool", type=int, default=20, help="the server's database pool (and the anchor's connections)"
    )
    parser.add_argument("--idempotency-key", action="store_true", help="REST sends carry an Idempotency-Key")
    parser.add_argument("--cold-plans", action="store_true",
                        help="no ANALYZE after the warm-up: a new database's first minute, before autovacuum")
    parser.add_argument("--history", type=int, default=20,
                        help="messages each conversation already holds before the warm-up (with their outbox rows)")
    parser.add_argument("--diagnose-no-capture", action="store_true",
                        help="a diagnosis: the sync capture triggers do nothing (what capture and ticks cost)")
    parser.add_argument("--diagnose-no-message-notifications", action="store_true",
                        help="a diagnosis: every user turned message notifications off (what their in-app rows cost)")
    parser.add_argument("--warm-up-seconds", type=float, default=2, help="100 sends/s before measuring")
    parser.add_argument("--pause", action="store_true", help="wait for Enter after the warm-up (to attach py-spy)")
    add_database_arguments(parser)
    args = parser.parse_args()
    uvloop.install()  # the generator's own loop: less of the cores it shares with the server
    report(with_postgres(run, args), args.json)


if __name__ == "__main__":
    main()
