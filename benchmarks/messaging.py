"""Messaging under an offered rate (issue 19, target 1): stored/s, delivered/s and send->delivered
p50/p99, per transport, beside the raw insert-and-commit anchor measured in the same run.

Starts a throwaway embedded PostgreSQL (or uses --database-url, an admin URL: a fresh database
is created in it), migrates it, seeds --conversations support conversations of 2 or 3
participants each (rows written directly, through the sync triggers), and runs `fieldsync serve`
in a subprocess with a pool of --pool connections (REDIS_URL, when set, is passed on: the
socket emits then go through Redis as in production). This process is the load generator:

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
import itertools
import os
import random
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
import orjson
import uvloop

from app.migrate import migrate
from benchmarks._harness import (
    BENCH_KEYS,
    Server,
    add_database_arguments,
    generator_gc_paused,
    load_average,
    p99_by_second,
    percentile,
    postgres_cpu_seconds,
    process_cpu_seconds,
    raw_inserts,
    report,
    reset_statement_stats,
    statement_stats,
    with_postgres,
)
from benchmarks._http import HttpPool, finish, request_head
from benchmarks._messaging_seed import (
    pg_url,
    seed,
    seed_history,
    without_capture,
    without_message_notifications,
)
from benchmarks._sio import Socket
from domain.accounts.tokens import TokenSigner
from tests.support.databases import create_database, drop_database

BODY = "Running ten minutes late, the gate code is on the booking."


@dataclass
class Step:
    """What one offered rate produced."""

    sent_at: dict[str, float] = field(default_factory=dict)  # client_msg_id -> scheduled instant
    senders: dict[str, str] = field(default_factory=dict)  # client_msg_id -> sender user id
    stored: list[float] = field(default_factory=list)  # send -> stored (s)
    delivered: list[float] = field(default_factory=list)  # send -> delivered (s), per recipient
    delivered_due: list[float] = field(default_factory=list)  # the scheduled instant of each of those
    errors: list[str] = field(default_factory=list)
    last_stored: float = 0.0
    last_delivered: float = 0.0
    expected_deliveries: int = 0
    missing_cursor: int = 0


class Bench:
    def __init__(self, base: str, chats: list[list[uuid.UUID]], signer: TokenSigner, server_pid: int,
                 conn: asyncpg.Connection) -> None:
        self.base = base
        self.server_pid = server_pid
        self.conn = conn  # to watch the outbox drain
        self.chats = [(str(c[0]), [str(u) for u in c[1:]]) for c in chats]
        self.tokens = {u: signer.issue_access(u, ["customer"]) for _, group in self.chats for u in group}
        self.sockets: dict[str, Socket] = {}
        self.step = Step()
        self.idempotency_keys = False  # REST sends carry an Idempotency-Key (the client_msg_id)
        self.statements = False  # count PostgreSQL's statements per step (--statements)
        self.order_violations = 0
        self.counter = itertools.count()
        # REST sends: a minimal keep-alive client (benchmarks/_http), cheaper than a ClientSession.
        self.rest = HttpPool(base)
        self.heads: dict[tuple[str, str], bytes] = {}  # (chat, user) -> its request's start
        self.unacked = 0  # socket sends not answered yet
        self.all_acked = asyncio.Event()

    async def connect_all(self) -> None:
        users = list(self.tokens)
        for start in range(0, len(users), 50):
            batch = [Socket(self, u) for u in users[start : start + 50]]
            await asyncio.gather(*(s.connect(self.base, self.tokens[s.user]) for s in batch))
            self.sockets.update((s.user, s) for s in batch)

    def on_message(self, socket: Socket, payload: dict[str, Any]) -> None:
        now = time.perf_counter()
        message = payload["message"]
        conversation, seq = message["conversation_id"], message["seq"]
        if seq <= socket.last_seq.get(conversation, 0):
            self.order_violations += 1
        socket.last_seq[conversation] = seq
        step = self.step
        sent = step.sent_at.get(message["client_msg_id"])
        if sent is None or message["sender_id"] == socket.user:
            return
        if payload.get("cursor") is None:
            step.missing_cursor += 1
        step.delivered.append(now - sent)
        step.delivered_due.append(sent)
        step.last_delivered = now

    async def send_rest(self, chat: str, user: str, client_msg_id: str, due: float) -> None:
        step = self.step
        try:
            status, raw = await self.rest.request(self.rest_request(chat, user, client_msg_id))
        except Exception as error:  # counted, not fatal: the figures say how many failed
            step.errors.append(repr(error)[:200])
            return
        if status != 201:
            step.errors.append(f"{status} {raw[:200]!r}")
            return
        now = time.perf_counter()
        step.stored.append(now - due)
        step.last_stored = now

    def send_socket(self, chat: str, user: str, client_msg_id: str, due: float) -> None:
        """`message:send` now; its ack, when it comes, counts it stored (no task per send)."""
        step = self.step

        def acked(ack: Any) -> None:
            self.unacked -= 1
            if not self.unacked:
                self.all_acked.set()
            if not ack.get("ok"):
                step.errors.append(str(ack)[:200])
                return
            now = time.perf_counter()
            step.stored.append(now - due)
            step.last_stored = now

        if not self.unacked:
            self.all_acked.clear()
        self.unacked += 1
        try:
            self.sockets[user].emit(
                "message:send", {"conversation_id": chat, "client_msg_id": client_msg_id, "body": BODY}, acked)
        except Exception as error:
            acked({"ok": False, "error": repr(error)})

    def rest_request(self, chat: str, user: str, client_msg_id: str) -> bytes:
        head = self.heads.get((chat, user))
        if head is None:
            head = self.heads[chat, user] = request_head(
                "POST", f"/v1/conversations/{chat}/messages", self.rest.host,
                {"Authorization": f"Bearer {self.tokens[user]}", "Content-Type": "application/json"},
            )
        body = orjson.dumps({"client_msg_id": client_msg_id, "body": BODY})
        extra = b"Idempotency-Key: %s\r\n" % client_msg_id.encode() if self.idempotency_keys else b""
        return finish(head, body, extra)

    async def offer(self, rate: float, seconds: float, transport: str, rng: random.Random) -> dict[str, Any]:
        """Open loop: each send starts at its scheduled instant (late ones at once, counted from
        when they were due). The generator's own garbage collector waits for the step's end."""
        with generator_gc_paused():
            return await self._offer(rate, seconds, transport, rng)

    async def _offer(self, rate: float, seconds: float, transport: str, rng: random.Random) -> dict[str, Any]:
        step = self.step = Step()
        total = int(rate * seconds)
        tasks: list[asyncio.Task[None]] = []
        if self.statements:
            await reset_statement_stats(self.conn)
        if transport != "socket":  # the REST connections a start's latency would need, opened before
            await self.rest.warm(int(rate * 0.1))
        cpu_before = process_cpu_seconds(self.server_pid), postgres_cpu_seconds(), time.process_time()
        started = time.perf_counter()
        for n in range(total):
            due = started + n / rate
            delay = due - time.perf_counter()
            if delay > 0.002:
                await asyncio.sleep(delay)
            chat, group = self.chats[rng.randrange(len(self.chats))]
            user = rng.choice(group)
            mode = transport if transport != "both" else ("rest", "socket")[n % 2]
            client_msg_id = f"b{next(self.counter)}"
            step.sent_at[client_msg_id], step.senders[client_msg_id] = due, user
            step.expected_deliveries += len(group) - 1
            if mode == "rest":
                tasks.append(asyncio.create_task(self.send_rest(chat, user, client_msg_id, due)))
            else:
                self.send_socket(chat, user, client_msg_id, due)
        offered_s = time.perf_counter() - started
        await asyncio.gather(*tasks)
        if self.unacked:  # a socket that closes answers its sends' acks with an error at once
            try:
                await asyncio.wait_for(self.all_acked.wait(), 60)
            except TimeoutError:
                step.errors.append(f"{self.unacked} sends unanswered after 60 s")
        # Deliveries still on their way (a failed send has none): poll, the readers count them.
        deadline = time.perf_counter() + 15
        while len(step.delivered) < step.expected_deliveries - len(step.errors) * 2:
            if time.perf_counter() > deadline:
                break
            await asyncio.sleep(0.05)
        # The reactions to the sends (notifications: the relay, one event after another) may lag the
        # deliveries: the step counts until they are done too, else their work (and its CPU) would
        # land in the next step. A backlog that does not drain is a rate not sustained.
        backlog = await self.conn.fetchval("SELECT count(*) FROM outbox WHERE published_at IS NULL")
        drained_at = time.perf_counter()
        while await self.conn.fetchval("SELECT count(*) FROM outbox WHERE published_at IS NULL"):
            if time.perf_counter() > drained_at + 30:
                break
            await asyncio.sleep(0.05)
        drain_s = time.perf_counter() - drained_at
        server_cpu = process_cpu_seconds(self.server_pid) - cpu_before[0]
        pg_cpu = postgres_cpu_seconds() - cpu_before[1]
        generator_cpu = time.process_time() - cpu_before[2]
        stored_s = max(step.last_stored - started, seconds)
        delivered_s = max(step.last_delivered - started, seconds)
        return {
            "offered_per_s": round(total / seconds),
            "offer_lag_s": round(offered_s - seconds, 2),  # > 0: the generator itself fell behind
            "stored": len(step.stored),
            "errors": len(step.errors),
            "stored_per_s": round(len(step.stored) / stored_s),
            "delivered": len(step.delivered),
            "expected_deliveries": step.expected_deliveries,
            "delivered_per_s": round(len(step.delivered) / delivered_s),
            "stored_p50_ms": round(statistics.median(step.stored) * 1000, 1) if step.stored else None,
            "stored_p99_ms": round(percentile(step.stored, 0.99) * 1000, 1),
            "delivered_p50_ms": round(statistics.median(step.delivered) * 1000, 1) if step.delivered else None,
            "delivered_p99_ms": round(percentile(step.delivered, 0.99) * 1000, 1),
            # CPU per stored send (the server process, all its threads; the PostgreSQL server, all
            # its backends): less sensitive to a busy machine than the rates.
            "server_cpu_ms_per_send": round(server_cpu * 1000 / max(1, len(step.stored)), 2),
            "postgres_cpu_ms_per_send": round(pg_cpu * 1000 / max(1, len(step.stored)), 2),
            # this process: it shares the cores with the two above, so it bounds them too
            "generator_cpu_ms_per_send": round(generator_cpu * 1000 / max(1, len(step.stored)), 2),
            # The machine's ceiling for this path at this CPU per send: every core busy with the
            # three processes above and nothing else (a rate above it cannot be sustained here).
            "cpu_ceiling_per_s": cpu_ceiling(len(step.stored), server_cpu + pg_cpu + generator_cpu),
            "outbox_backlog_after_deliveries": backlog,
            "outbox_drain_s": round(drain_s, 2),
            "missing_cursor": step.missing_cursor,
            "order_violations": self.order_violations,
            "first_error": step.errors[0] if step.errors else None,
            "load_average": load_average(),
            # where in the step the slow deliveries were: p99 per second of the offer (by send instant)
            "delivered_p99_ms_by_second": p99_by_second(step.delivered_due, step.delivered, started),
            **({"statements_per_send": await statement_stats(self.conn, len(step.stored))} if self.statements else {}),
        }


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


def cpu_ceiling(stored: int, cpu_seconds: float) -> int | None:
    """Sends/s with every core of the machine busy at this step's CPU per send."""
    return round((os.cpu_count() or 1) * stored / cpu_seconds) if stored and cpu_seconds > 0 else None


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
