"""The outbox relay: publishes committed outbox rows, oldest first, marking them published.

Claiming: rows are read and locked (`FOR UPDATE SKIP LOCKED`) inside a transaction that
also holds a transaction-scoped advisory lock, so across all server processes one relay
publishes at a time and events of one key leave in id order. A session advisory lock
(`_relaying`) keeps the other processes out until the batch's after-commit effects ran too,
so what reactions tell sockets after the commit is told in the same order. Rows are never paged by
`id > last_seen` (ids are taken before commit, so a later-committing row would be skipped
for good); a row is simply unpublished until a relay marks it.

Failures: the claim transaction records the attempt (`attempts`, `last_error`) on the rows
that did not go and commits, so no other relay can slip past them while they are unlocked.
When the destination is down nothing goes and the relay backs off. When single events fail
(one too large for Kafka, say), the rest of the batch still goes: the failed event's key is
held, so only that event is retried while later events of the key wait behind it, and every
other key flows past. Nothing is ever dropped: a stuck event is logged at error level with
its attempts on each try until an operator fixes it, and the outbox lag gauge grows.

Batch size: with Kafka a batch is `batch_size` rows. In-process the reactions run inside the claim
transaction and hold its row locks until it commits, so the relay is given a time budget: each
batch's size follows from how long the last one took per row, between `min_batch` and
`batch_size` (`BatchSize`). An idle system's reactions take a whole offline push (100 events)
or several at once, cheaply (their batch handlers cost per batch, not per event); under
contention the batches shrink back to `min_batch`.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple, cast
from uuid import UUID

import structlog
from tortoise.backends.base.client import BaseDBAsyncClient

from bus import Envelope, EventPublisher, PublishError
from bus.metrics import OUTBOX_FAILURES, OUTBOX_LAG, OUTBOX_PENDING, OUTBOX_PUBLISHED
from domain.shared.clock import utcnow
from domain.shared.outbox import PENDING_ORDER, OutboxEvent
from domain.shared.uow import unit_of_work
from infra.aio import IdleBackoff, wait_event

log = structlog.get_logger(__name__)

# Any constant shared by every process; names the lock in pg_locks.
RELAY_LOCK_ID = 0x0F1E_D5_0C
RELAY_SESSION_LOCK_ID = 0x0F1E_D5_0D  # held across a batch and its after-commit effects (`_relaying`)
# Held keys are passed to the claim query; past this many something is badly wrong anyway,
# and further failing keys are simply retried with their whole batch.
MAX_HELD_KEYS = 100
# A held event is retried after 1 s, then less and less often up to once a minute: it fails
# for a reason of its own, and each try logs an error.
HELD_FIRST_RETRY, HELD_MAX_RETRY = 1.0, 60.0


@dataclass
class _Hold:
    head: int  # id of the key's oldest event that failed on its own
    retry_at: float  # monotonic time
    backoff: float


class BatchSize:
    """How many rows the next claim reads: fixed without a budget; with one, the last batch's
    time per row times the budget, at most double the last size (one fast batch proves little),
    and within [minimum, maximum]. Only a full batch may grow it: a partial one says nothing of
    how a bigger one would go."""

    def __init__(self, maximum: int, minimum: int, budget: float | None) -> None:
        self.maximum, self.minimum, self.budget = maximum, min(minimum, maximum), budget
        self.current = self.minimum if budget is not None else maximum

    def observe(self, rows: int, seconds: float) -> None:
        if self.budget is None or rows == 0:
            return
        fits = int(rows * self.budget / seconds) if seconds > 0 else self.maximum
        if rows < self.current:
            fits = min(fits, self.current)  # partial: may shrink (slow), not grow
        self.current = max(self.minimum, min(self.maximum, 2 * self.current, fits))


# The idle probe, as plain SQL (same on PostgreSQL and SQLite): no query building per poll.
_ANY_PENDING = f"SELECT 1 FROM {OutboxEvent._meta.db_table} WHERE published_at IS NULL LIMIT 1"  # noqa: S608 - a constant


async def _any_pending() -> bool:
    _, rows = await OutboxEvent._meta.db.execute_query(_ANY_PENDING)
    return bool(rows)


class Claimed(NamedTuple):
    """A claimed outbox row, read by plain SQL: no model instance, no query building per batch."""

    id: int
    event_id: str  # the UUID's canonical text, as str(uuid.UUID) gives it
    stream: str
    type: str
    key: str
    body: Any  # decoded as OutboxEvent.body (Tortoise's JSONField, with its decoder) decodes it
    traceparent: str | None
    attempts: int


_TABLE = OutboxEvent._meta.db_table
_PENDING_ORDER = ",".join(f'"{column}"' for column in PENDING_ORDER)  # why: domain/shared/outbox.py
_DECODE_BODY = OutboxEvent._meta.fields_map["body"].to_python_value


@lru_cache(maxsize=256)
def _claim_sql(postgres: bool, held: int, due: int) -> str:
    """The claim statement for `held` held keys of which `due` are due for a retry: their later
    events are skipped, each due key's events up to its head are not. Parameters: the held keys,
    then (key, head) for each due key, then the limit. One text per dialect and shape."""
    marks = iter([f"${n}" for n in range(1, held + 2 * due + 2)] if postgres else ["?"] * (held + 2 * due + 1))
    where = '"published_at" IS NULL'
    if held:
        keys = ",".join(next(marks) for _ in range(held))
        heads = "".join(f' OR ("key"={next(marks)} AND "id"<={next(marks)})' for _ in range(due))
        where += f' AND ("key" NOT IN ({keys}){heads})'
    event_id = '"event_id"::text' if postgres else '"event_id"'
    return (
        f'SELECT "id",{event_id},"stream","type","key","body","traceparent","attempts" FROM "{_TABLE}" '  # noqa: S608 - no value in the text
        f'WHERE {where} ORDER BY {_PENDING_ORDER} LIMIT {next(marks)}' + (" FOR UPDATE SKIP LOCKED" if postgres else "")
    )


def _ids_update(postgres: bool, assignments: str, value: Any, ids: list[int]) -> tuple[str, list[Any]]:
    """An UPDATE setting `assignments` (one parameter: `value`) on the rows `ids`: PostgreSQL
    takes them as one array (one statement text), SQLite as one mark each."""
    if postgres:
        return f'UPDATE "{_TABLE}" SET {assignments.format("$1")} WHERE "id" = ANY($2::bigint[])', [value, ids]  # noqa: S608 - no value in the text
    marks = ",".join("?" * len(ids))
    return f'UPDATE "{_TABLE}" SET {assignments.format("?")} WHERE "id" IN ({marks})', [value, *ids]  # noqa: S608 - no value in the text


_PUBLISHED = '"published_at"={}'
_FAILED = '"attempts"="attempts"+1,"last_error"={}'


@asynccontextmanager
async def _relaying() -> AsyncIterator[bool]:
    """Whether this process may relay now (PostgreSQL: a session lock on a connection of its own;
    SQLite has one process). Held past the claim's commit until the batch's after-commit effects
    ran: a reaction tells sockets after the commit (a dispute's update, a payment's), and with the
    claim's transaction lock alone another process's relay could claim, handle and tell the key's
    next event first, so a party heard entry 10 before entry 9."""
    client = OutboxEvent._meta.db
    pool = getattr(client, "_pool", None)
    if client.capabilities.dialect != "postgres" or (pool is not None and pool.get_max_size() < 2):
        yield True  # one connection in all: the claim's transaction lock alone, as before
        return
    async with client.acquire_connection() as conn:
        if not await conn.fetchval("SELECT pg_try_advisory_lock($1)", RELAY_SESSION_LOCK_ID):
            yield False
            return
        try:
            yield True
        finally:
            await conn.execute("SELECT pg_advisory_unlock($1)", RELAY_SESSION_LOCK_ID)


class PublishFailed(Exception):
    """Events were pending and none of them could be published."""


class OutboxRelay:
    def __init__(
        self,
        publisher: EventPublisher,
        *,
        batch_size: int = 200,
        poll_interval: float = 0.2,
        max_backoff: float = 10.0,
        stuck_after: int = 5,
        batch_budget: float | None = None,
        min_batch: int = 16,
        idle_ceiling: float | None = None,
    ) -> None:
        """`batch_budget` (seconds; None: every batch `batch_size` rows) sizes the batches
        between `min_batch` and `batch_size` by how long the last one took. `idle_ceiling`
        (seconds; None: never): polls that find nothing back off up to it; a commit's wake-up
        starts over at `poll_interval`."""
        self._publisher = publisher
        self._size = BatchSize(batch_size, min_batch, batch_budget)
        self._claimed = self._size.current  # the last claim's limit: a batch that filled it leaves more
        self._poll_interval = poll_interval
        self._idle = IdleBackoff(poll_interval, poll_interval if idle_ceiling is None else idle_ceiling)
        self._nothing_pending = False  # the last batch's probe found no unpublished row
        self._max_backoff = max_backoff
        self._stuck_after = stuck_after
        self._wake = asyncio.Event()
        self._stopped = asyncio.Event()
        self._last_gauge_update = 0.0
        # Keys whose oldest event failed on its own: claims skip the key's later events, and
        # the head itself until its retry time.
        self._held: dict[str, _Hold] = {}

    def wake(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        self._stopped.set()
        self._wake.set()

    async def run(self) -> None:
        backoff = self._poll_interval
        while not self._stopped.is_set():
            self._wake.clear()  # before the batch, so a commit announced during it is not missed
            try:
                published = await self.publish_batch()
                backoff = self._poll_interval
            except Exception as exc:
                if not isinstance(exc, PublishFailed):
                    OUTBOX_FAILURES.inc()  # the database, most likely; publish failures count per row
                backoff = min(self._max_backoff, backoff * 2)
                # Jitter, so several processes do not hammer a recovering broker together; and
                # new commits do not cut the pause short (they would retry at the write rate).
                delay = backoff * (0.5 + random.random() / 2)
                log.warning("outbox_publish_failed", error=repr(exc), retry_in=round(delay, 2))
                await self._update_gauges()  # the lag an operator alerts on grows during an outage
                await wait_event(self._stopped, delay)
                continue
            await self._update_gauges()
            if published >= self._claimed:
                continue  # more is waiting: no sleep
            if await wait_event(self._wake, self._idle.busy() if published else self._idle.idle()):
                self._idle.busy()  # a commit: poll at the interval again for a while

    async def flush(self, timeout: float = 5.0) -> int:
        """Publish everything pending now (used on shutdown); stop at the timeout."""
        total = 0
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                published = await asyncio.wait_for(self.publish_batch(), deadline - time.monotonic())
                total += published
                if published == 0:
                    break
        except Exception as exc:
            log.warning("outbox_flush_incomplete", error=repr(exc), published=total)
        return total

    async def publish_batch(self) -> int:
        """Publish one batch of pending events; return how many went.

        Raises PublishFailed when events were pending and none of them went."""
        # Idle (nearly always): one plain statement says so, rather than a transaction with its
        # advisory lock and locking read. Not while keys are held: the claim also lets go of
        # holds whose head another process published.
        self._nothing_pending = False
        if not self._held and not await _any_pending():
            self._nothing_pending = True
            return 0
        # In-process subscribers run inside this unit of work: their after-commit side effects
        # wait for it to commit.
        started = time.monotonic()
        async with _relaying() as alone:
            if not alone:
                return 0  # another process is relaying (its batch and what it tells after it)
            async with unit_of_work() as uow:
                rows = await self._claim(uow.connection)
                if not rows:
                    return 0
                envelopes = [Envelope(r.event_id, r.stream, r.type, r.key, r.body, r.traceparent) for r in rows]
                delivered, errors, per_event = await self._publish(envelopes)
                await self._record(uow.connection, rows, delivered, errors)
        self._size.observe(len(rows), time.monotonic() - started)  # how long the locks were held
        went = Counter(row.stream for row in rows if row.event_id in delivered)
        for stream, count in went.items():
            OUTBOX_PUBLISHED.labels(stream).inc(count)
        if errors:
            OUTBOX_FAILURES.inc(len(errors))
            failed = [row for row in rows if row.event_id in errors]
            self._log_failures(failed, errors, per_event)
            if per_event:
                self._hold(failed)
        self._release(rows, delivered)
        if errors and not delivered:
            raise PublishFailed(f"{len(errors)} events not published: {next(iter(errors.values()))}")
        return len(delivered)

    async def _claim(self, conn: BaseDBAsyncClient) -> list[Claimed]:
        postgres = conn.capabilities.dialect == "postgres"
        if postgres:
            _, locked = await conn.execute_query("SELECT pg_try_advisory_xact_lock($1)", [RELAY_LOCK_ID])
            if not locked[0][0]:
                return []  # another process is relaying right now
        now = time.monotonic()
        due = {key: hold.head for key, hold in self._held.items() if hold.retry_at <= now}
        limit = self._claimed = self._size.current
        values: list[Any] = list(self._held)
        for key, head in due.items():
            values += (key, head)
        values.append(limit)
        _, found = await conn.execute_query(_claim_sql(postgres, len(self._held), len(due)), values)
        decode = _DECODE_BODY
        if postgres:
            rows = [Claimed(r[0], r[1], r[2], r[3], r[4], decode(r[5]), r[6], r[7]) for r in found]
        else:  # CHAR(36): read back as Tortoise's UUIDField does, then as text
            rows = [Claimed(r[0], str(UUID(r[1])), r[2], r[3], r[4], decode(r[5]), r[6], r[7]) for r in found]
        if len(rows) < limit:
            # The window was not full, so a due head that is absent got published elsewhere
            # (by another process): stop holding its key.
            claimed = {row.id for row in rows}
            for key, head in due.items():
                if head not in claimed:
                    del self._held[key]
        return rows

    async def _publish(self, envelopes: list[Envelope]) -> tuple[set[str], dict[str, str], bool]:
        """(delivered ids, failed id -> error, whether the failures concern single events)."""
        try:
            await self._publisher.publish(envelopes)
        except PublishError as exc:
            return exc.delivered, exc.errors, True
        except Exception as exc:
            return set(), {e.event_id: repr(exc) for e in envelopes}, False
        return {e.event_id for e in envelopes}, {}, False

    @staticmethod
    async def _record(
        conn: BaseDBAsyncClient, rows: list[Claimed], delivered: set[str], errors: dict[str, str]
    ) -> None:
        postgres = conn.capabilities.dialect == "postgres"
        published = [row.id for row in rows if row.event_id in delivered]
        if published:
            await conn.execute_query(*_ids_update(postgres, _PUBLISHED, utcnow(), published))
        by_error: dict[str, list[int]] = {}
        for row in rows:
            if row.event_id in errors:
                by_error.setdefault(errors[row.event_id][:2000], []).append(row.id)
        for error, ids in by_error.items():
            await conn.execute_query(*_ids_update(postgres, _FAILED, error, ids))

    def _log_failures(self, failed: list[Claimed], errors: dict[str, str], per_event: bool) -> None:
        if not per_event:
            # The destination is down: one line per try (run() adds the retry delay), not one per event.
            attempts = max(row.attempts for row in failed) + 1
            level = log.error if attempts >= self._stuck_after else log.warning
            level("outbox_batch_failed", events=len(failed), attempts=attempts, oldest_event_id=failed[0].event_id)
            return
        for row in failed:
            attempts = row.attempts + 1
            level = log.error if attempts >= self._stuck_after else log.warning
            level(
                "outbox_event_stuck" if attempts >= self._stuck_after else "outbox_event_failed",
                event_id=row.event_id, type=row.type, key=row.key, stream=row.stream, attempts=attempts,
                error=errors[row.event_id][:500],
            )

    def _hold(self, failed: list[Claimed]) -> None:
        now = time.monotonic()
        for row in failed:
            hold = self._held.get(row.key)
            if hold is not None:
                hold.head = min(hold.head, row.id)
                hold.backoff = min(HELD_MAX_RETRY, hold.backoff * 2)
                hold.retry_at = now + hold.backoff
            elif len(self._held) < MAX_HELD_KEYS:
                self._held[row.key] = _Hold(row.id, now + HELD_FIRST_RETRY, HELD_FIRST_RETRY)

    def _release(self, rows: list[Claimed], delivered: set[str]) -> None:
        for row in rows:
            hold = self._held.get(row.key)
            if hold is not None and hold.head == row.id and row.event_id in delivered:
                del self._held[row.key]

    async def _update_gauges(self) -> None:
        now = time.monotonic()
        if now - self._last_gauge_update < 1.0:
            return
        self._last_gauge_update = now
        if self._nothing_pending:  # the probe just said so: no query needed
            OUTBOX_PENDING.set(0)
            OUTBOX_LAG.set(0.0)
            return
        try:
            await self._measure()
        except Exception as exc:  # the database may be what is down; the loop goes on
            log.warning("outbox_gauges_failed", error=repr(exc))

    @staticmethod
    async def _measure() -> None:
        pending = OutboxEvent.filter(published_at__isnull=True)
        count = await pending.count()
        oldest = cast("list[datetime]", await pending.order_by(*PENDING_ORDER).limit(1)
                      .values_list("created_at", flat=True))
        OUTBOX_PENDING.set(count)
        OUTBOX_LAG.set((utcnow() - oldest[0]).total_seconds() if oldest else 0.0)
