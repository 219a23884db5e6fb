"""Single-flight ticks: "make everything committed before my call visible to pulls, and tell
me the position" for many concurrent callers at the price of few ticks.

A tick covers every transaction committed before its DELETE's snapshot, i.e. before it
started. So a caller may share a tick that starts after its call, never one already running.
Callers arriving while a tick runs wait for the next one, which starts as soon as the
running one ends and serves all of them: under load there is at most one tick in flight and
one being gathered, however many callers there are (measured in docs/performance.md).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import structlog
from prometheus_client import Counter

log = structlog.get_logger(__name__)

CALLS = Counter("fieldsync_sync_visible_calls_total", "Callers asking for a visible sync position")
ROUNDS = Counter("fieldsync_sync_visible_ticks_total", "Ticks run for those callers (calls/ticks = coalescing)")


class SingleFlight:
    """`await position()` returns a position taken by a tick that started after the call."""

    def __init__(self, run_tick: Callable[[], Awaitable[int]]) -> None:
        self._run_tick = run_tick
        self._gathering: asyncio.Future[int] | None = None  # callers waiting for the next tick
        self._worker: asyncio.Task[None] | None = None

    async def position(self) -> int:
        CALLS.inc()
        if self._gathering is None:
            self._gathering = asyncio.get_running_loop().create_future()
        waiting = self._gathering
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self._drain(), name="sync-visible-ticks")
        # shield: one caller cancelled (a disconnect) must not cancel the others' tick
        return await asyncio.shield(waiting)

    async def _drain(self) -> None:
        while self._gathering is not None:
            # Everyone gathered so far called before this tick starts: it serves them all.
            serving, self._gathering = self._gathering, None
            ROUNDS.inc()
            try:
                position = await self._run_tick()
            except asyncio.CancelledError:  # shutting down: nobody waits forever
                for future in (serving, self._gathering):
                    _fail(future, RuntimeError("sync ticks stopped"))
                self._gathering = None
                raise
            except Exception as error:  # handed to every waiter of this tick
                _fail(serving, error)
                continue
            if not serving.done():
                serving.set_result(position)


def _fail(future: asyncio.Future[int] | None, error: Exception) -> None:
    if future is not None and not future.done():
        future.set_exception(error)
        future.exception()  # retrieved: no "never retrieved" warning when every waiter left
