"""The outbox relay: publishes committed outbox rows, oldest first, marking them published.

Claiming: rows are read and locked (`FOR UPDATE SKIP LOCKED`) inside a transaction that
also holds a transaction-scoped advisory lock, so across all server processes one relay
publishes at a time and events of one key leave in id order. Rows are never paged by
`id > last_seen` (ids are taken before commit, so a later-committing row would be skipped
for good); a row is simply unpublished until a relay marks it. A failed publish rolls the
claim back and the same rows are retried with backoff: at-least-once, nothing lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time

import structlog
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from bus import Envelope, EventPublisher
from bus.metrics import OUTBOX_FAILURES, OUTBOX_LAG, OUTBOX_PENDING, OUTBOX_PUBLISHED
from domain.shared.clock import utcnow
from domain.shared.outbox import OutboxEvent

log = structlog.get_logger(__name__)

# Any constant shared by every process; names the lock in pg_locks.
RELAY_LOCK_ID = 0x0F1E_D5_0C


class OutboxRelay:
    def __init__(
        self,
        publisher: EventPublisher,
        *,
        batch_size: int = 200,
        poll_interval: float = 0.2,
        max_backoff: float = 10.0,
    ) -> None:
        self._publisher = publisher
        self._batch_size = batch_size
        self._poll_interval = poll_interval
        self._max_backoff = max_backoff
        self._wake = asyncio.Event()
        self._stopping = False
        self._last_gauge_update = 0.0

    def wake(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        delay = self._poll_interval
        while not self._stopping:
            try:
                published = await self.publish_batch()
                delay = self._poll_interval
                await self._update_gauges()
                if published >= self._batch_size:
                    continue  # more is waiting: no sleep
            except Exception as exc:
                OUTBOX_FAILURES.inc()
                # Backoff with jitter so several processes do not hammer a recovering broker together.
                delay = min(self._max_backoff, delay * 2) * (0.5 + random.random() / 2)
                log.warning("outbox_publish_failed", error=repr(exc), retry_in=round(delay, 2))
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=delay)

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
        try:
            return await self._claim_and_publish()
        except _PublishFailed as failure:
            await self._note_failure(failure.ids, repr(failure.__cause__))
            raise

    async def _claim_and_publish(self) -> int:
        async with in_transaction() as conn:
            postgres = conn.capabilities.dialect == "postgres"
            if postgres:
                locked = await conn.execute_query_dict("SELECT pg_try_advisory_xact_lock($1) AS ok", [RELAY_LOCK_ID])
                if not locked[0]["ok"]:
                    return 0  # another process is relaying right now
            query = OutboxEvent.filter(published_at__isnull=True).order_by("id").limit(self._batch_size)
            if postgres:
                query = query.select_for_update(skip_locked=True)
            rows = await query.using_db(conn)
            if not rows:
                return 0
            envelopes = [Envelope(str(r.event_id), r.stream, r.type, r.key, r.body) for r in rows]
            try:
                await self._publisher.publish(envelopes)
            except Exception as exc:
                raise _PublishFailed([r.id for r in rows]) from exc
            await OutboxEvent.filter(id__in=[r.id for r in rows]).using_db(conn).update(published_at=utcnow())
        for envelope in envelopes:
            OUTBOX_PUBLISHED.labels(envelope.stream).inc()
        return len(envelopes)

    async def _note_failure(self, ids: list[int], error: str) -> None:
        # After the claim transaction rolled back and released its row locks.
        with contextlib.suppress(Exception):
            await OutboxEvent.filter(id__in=ids).update(attempts=F("attempts") + 1, last_error=error[:2000])

    async def _update_gauges(self) -> None:
        now = time.monotonic()
        if now - self._last_gauge_update < 1.0:
            return
        self._last_gauge_update = now
        pending = OutboxEvent.filter(published_at__isnull=True)
        count = await pending.count()
        oldest = await pending.order_by("id").first().values_list("created_at", flat=True)
        OUTBOX_PENDING.set(count)
        OUTBOX_LAG.set((utcnow() - oldest).total_seconds() if oldest else 0.0)


class _PublishFailed(Exception):
    def __init__(self, ids: list[int]) -> None:
        super().__init__(f"publishing {len(ids)} outbox events failed")
        self.ids = ids
