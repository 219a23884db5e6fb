"""The ticker: makes captured ops visible in commit order (the idea of PgQ's ticker).

Triggers write ops to `sync_op_pending`. One ticker at a time (a transaction-scoped advisory
lock) takes the next number from `sync_tick_seq` and moves to `sync_op`, with that tick, every
pending op its DELETE can see, i.e. the ops of transactions committed before the DELETE's
snapshot. A transaction still running is invisible to it and gets a later tick. The lock is held until
the ticker commits, so ticks commit in increasing order: a reader that sees tick k sees every
op up to k, and a slow transaction can never land behind a cursor (no gap).

Inside a tick, `txpos` (the highest op id of the transaction) orders transactions: two
transactions that touched the same row or lock ran one after the other, and the later one's
ops all have higher ids, so txpos order respects every dependency between them.

On PostgreSQL a tick is one call of the function `sync_tick` (migration 27), run as a statement
of its own: its transaction is that statement's, so the lock is still held until the tick
commits. A commit wakes the loop, which then ticks through the clock's single flight
(`share_ticks`), so the commit's own cursor request and the wake-up share one tick.

Idle, the loop polls less and less often (`idle_ceiling`, infra/aio.IdleBackoff): a commit of
this process wakes it at once, and a pull first ticks itself (`catch_up`) when the loop has not
polled within its interval, so what pulls see is never older than the interval; only the pokes
for other processes' writes (the CLI, a replica's ticks are its own) may wait for the next poll.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import structlog
from tortoise.connection import connections

from infra.aio import IdleBackoff, wait_event
from sync.metrics import TICKS, ticker_passed

log = structlog.get_logger(__name__)

LOCK_KEY = 0x73796E63_7469636B  # "synctick"
TICK_TIME_EVERY_SECONDS = 60.0
# The pending table only ever holds a moment's ops, but every move leaves its rows dead until
# a vacuum; autovacuum looks once a minute, and meanwhile a push's read of its own ops walks
# them all (the tick reads by primary key since migration 31: the dead rows' index entries,
# which each tick marks dead for the next, not their pages): after a burst of 50,000 changes,
# milliseconds. So the ticker that moved this many ops vacuums the table itself (cheap: it is
# all dead rows).
VACUUM_AFTER_MOVED = 5_000

# One tick in one statement (the function of migration 27; its move reads by key since 31):
# outside a transaction, the lock it takes is held until that statement commits. DELETE inside
# sees exactly the rows of transactions committed before its snapshot (taken after the lock);
# they move to sync_op with the tick, in the same transaction (readers see them pending, or moved).
TICK_SQL = "SELECT tick, scope, ops FROM sync_tick($1, $2, $3)"

TickListener = Callable[[int, list[str]], None]


class Ticker:
    def __init__(self, interval: float, idle_ceiling: float | None = None) -> None:
        """`idle_ceiling` (seconds): the longest sleep between idle polls (None: never back off)."""
        self.interval = interval
        self._backoff = IdleBackoff(interval, interval if idle_ceiling is None else idle_ceiling)
        self._polled_at = -float("inf")  # monotonic start of the last tick that finished
        self._wake = asyncio.Event()
        self._listeners: list[TickListener] = []
        self._last_time_log = 0.0
        self._moved_since_vacuum = 0
        self._vacuum: asyncio.Task[None] | None = None
        self._shared: Callable[[], Awaitable[int]] | None = None
        self.ticks = 0

    def wake(self) -> None:
        self._wake.set()

    def share_ticks(self, position: Callable[[], Awaitable[int]]) -> None:
        """Tick for a commit's wake-up through `position` (the clock's single flight,
        sync/visibility.py): a commit whose events ask for a cursor then gets one tick for both,
        not one of the loop's and one of the cursor's. The idle polls stay try-lock ticks."""
        self._shared = position

    def on_tick(self, listener: TickListener) -> Callable[[], None]:
        """Call `listener(tick, scopes touched)` after each tick this process commits."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    async def tick(self, wait: bool = False) -> int | None:
        """Stamp the pending ops of committed transactions; return the new tick, or None when
        there was nothing to stamp or (unless `wait`) another ticker held the lock."""
        tick, stamped = await self._tick(wait)
        return tick if stamped else None

    async def position(self) -> int:
        """A tick that started after this call (waiting for the lock), or the head when that
        found nothing left to stamp: everything committed before the call is visible there."""
        tick, _ = await self._tick(True)
        assert tick is not None  # waiting, the function always answers
        return tick

    async def _tick(self, wait: bool) -> tuple[int | None, bool]:
        """One round trip (`sync_tick`, migration 27): the idle check, the lock, the check under
        it, the move and the head, in the one transaction of that statement. (tick, True) when
        it stamped one; (head, False) when waiting found nothing to stamp; (None, False) else."""
        started = time.monotonic()
        log_time = started - self._last_time_log > TICK_TIME_EVERY_SECONDS
        async with connections.get("default").acquire_connection() as conn:
            rows = await conn.fetch(TICK_SQL, LOCK_KEY, wait, log_time)
        self.covered(started)
        if not rows:
            return None, False
        tick = int(rows[0][0])
        if rows[0][2] is None:
            return tick, False
        if log_time:
            self._last_time_log = time.monotonic()
        scopes = [row[1] for row in rows if row[1] is not None]
        self._moved_since_vacuum += sum(int(row[2]) for row in rows)
        if self._moved_since_vacuum >= VACUUM_AFTER_MOVED and self._vacuum is None:
            self._moved_since_vacuum = 0
            self._vacuum = asyncio.create_task(self._vacuum_pending(), name="sync-vacuum-pending")
        self._announce(tick, scopes)
        return tick, True

    def _announce(self, tick: int, scopes: list[str]) -> None:
        self.ticks += 1
        TICKS.inc()
        for listener in list(self._listeners):
            try:
                listener(tick, scopes)
            except Exception:  # a listener's bug must not stop the ticker
                log.exception("sync_tick_listener_failed")

    async def _vacuum_pending(self) -> None:
        """In the background, not in the caller's way. No truncation: it would take a lock
        that stalls the writers' inserts; the emptied pages are reused."""
        try:
            async with connections.get("default").acquire_connection() as conn:
                await conn.execute("VACUUM (SKIP_LOCKED, TRUNCATE false) sync_op_pending")
        except Exception:  # autovacuum does it later anyway
            log.exception("sync_vacuum_failed")
        finally:
            self._vacuum = None

    def covered(self, started: float) -> None:
        """A tick (or a check that found nothing to stamp) that started at `started` finished.
        An idle check that met another ticker's lock counts too: that tick started a moment
        before this one and is about to commit."""
        self._polled_at = max(self._polled_at, started)

    async def catch_up(self) -> None:
        """Before a pull: tick now when no tick of this process started within the interval
        (the loop backed off while idle), so the pull sees every change committed an interval
        before it, as with the loop polling every interval."""
        if time.monotonic() - self._polled_at <= self.interval:
            return
        if self._shared is not None:
            await self._shared()
        else:
            await self.tick(wait=True)

    async def flush(self) -> None:
        """Make every op committed before this call visible (waits for the lock)."""
        await self.tick(wait=True)

    async def run(self) -> None:
        woken = False
        while True:
            found = woken
            try:
                if woken and self._shared is not None:
                    await self._shared()
                else:
                    found = await self.tick() is not None or woken
                ticker_passed()
            except asyncio.CancelledError:
                raise
            except Exception:  # a database blip must not end the ticker
                log.exception("sync_tick_failed")
                await asyncio.sleep(1.0)
            delay = self._backoff.busy() if found else self._backoff.idle()
            woken = await wait_event(self._wake, delay)
            self._wake.clear()

    def context(self, on_commit: Callable[[Callable[[], None]], Callable[[], None]] | None = None
                ) -> Callable[[Any], AsyncIterator[None]]:
        """An aiohttp cleanup context running the ticker; `on_commit` registers a wake-up."""

        async def run_ticker(_app: Any) -> AsyncIterator[None]:
            unregister = on_commit(self.wake) if on_commit else None
            task = asyncio.create_task(self.run(), name="sync-ticker")
            try:
                yield
            finally:
                if unregister:
                    unregister()
                task.cancel()
                vacuum = self._vacuum
                if vacuum is not None:
                    vacuum.cancel()
                await asyncio.gather(task, *([vacuum] if vacuum else []), return_exceptions=True)

        return run_ticker
