"""The messaging benchmark's load driver (benchmarks/messaging.py has the whole method): every
participant's socket, the open-loop sender over REST or `message:send`, and the figures of one
offered rate (stored and delivered per second, their p50 and p99, CPU per send of the server,
PostgreSQL and this process, the outbox's drain, cursors and order checked on every delivery).
"""

from __future__ import annotations

import asyncio
import itertools
import os
import random
import statistics
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import orjson

from benchmarks._harness import (
    generator_gc_paused,
    load_average,
    p99_by_second,
    percentile,
    postgres_cpu_seconds,
    process_cpu_seconds,
    reset_statement_stats,
    statement_stats,
)
from benchmarks._http import HttpPool, finish, request_head
from benchmarks._sio import Socket
from domain.accounts.tokens import TokenSigner

BODY = "Running ten minutes late, the gate code is on the booking."


@dataclass
class Step:
    """What one offered rate produced."""

    sent_at: dict[str, float] = field(default_factory=dict)  # client_msg_id -> scheduled instant
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
            step.sent_at[client_msg_id] = due
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


def cpu_ceiling(stored: int, cpu_seconds: float) -> int | None:
    """Sends/s with every core of the machine busy at this step's CPU per send."""
    return round((os.cpu_count() or 1) * stored / cpu_seconds) if stored and cpu_seconds > 0 else None
