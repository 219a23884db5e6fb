"""The next page of a paged pull, read while the previous one is built and travels to the client.

A client pulling a snapshot or a long catch-up asks for page after page: between two requests the
database idles while the page goes over the wire and the app stores it. When a page will say
`has_more`, the puller starts reading the page after it (on another pooled connection) as soon as
the database has told where the page ends (sync/pull.py `_next_page`), and a page read ahead starts
the one after it, a bounded number deep; the client's next request with that cursor takes the
result. A page so read is what the request would have got had it come while the previous page was
read: a snapshot page is fixed by its cursor, and a delta page reads what was visible then, which
the next pull catches up on (a pull whose read-ahead result is missing, failed or expired reads the
page itself).

Bounded: at most `pages` results kept per process (each up to a page's size), at most `running`
reads at once, each dropped after `ttl_seconds`; `may_start` says whether the pool can spare a
connection (requests come first)."""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable, Coroutine, Hashable
from typing import Any, Generic, TypeVar

from prometheus_client import Counter

T = TypeVar("T")

READ_AHEAD = Counter("fieldsync_sync_read_ahead_total",
                     "Next pages read ahead, by outcome: used (a request took it), wasted (expired, evicted, dropped "
                     "after a push of the user, or failed), skipped (not started: busy pool or too many running)",
                     ["outcome"])
_USED, _WASTED, _SKIPPED = (READ_AHEAD.labels(outcome) for outcome in ("used", "wasted", "skipped"))


class ReadAhead(Generic[T]):
    def __init__(self, pages: int, ttl_seconds: float = 5.0, running: int = 2,
                 may_start: Callable[[], bool] = lambda: True) -> None:
        self.pages, self.ttl, self.running, self._may_start = pages, ttl_seconds, running, may_start
        self._entries: OrderedDict[tuple[Hashable, Hashable], tuple[float, asyncio.Task[T | None]]] = OrderedDict()

    def start(self, owner: Hashable, key: Hashable, read: Callable[[], Coroutine[Any, Any, T | None]]) -> None:
        """Read `key`'s page in the background (`read` answers None when it failed: the request
        then reads it itself). `owner` is whose it is (`forget`)."""
        if self.pages <= 0:
            return
        self._expire()
        if (owner, key) in self._entries:
            return
        if sum(not task.done() for _, task in self._entries.values()) >= self.running or not self._may_start():
            _SKIPPED.inc()
            return
        while len(self._entries) >= self.pages:
            self._drop(next(iter(self._entries)))
        self._entries[owner, key] = (time.monotonic(), asyncio.create_task(read()))

    async def take(self, owner: Hashable, key: Hashable) -> T | None:
        """The page read ahead for `key`, waiting for it if still being read; None when there is none."""
        entry = self._entries.pop((owner, key), None)
        if entry is None:
            return None
        started, task = entry
        if time.monotonic() - started > self.ttl:
            task.cancel()
            _WASTED.inc()
            return None
        result = await task
        (_USED if result is not None else _WASTED).inc()
        return result

    def held(self, owner: Hashable) -> int:
        """How many pages are being read or kept for `owner`."""
        return sum(1 for entry in self._entries if entry[0] == owner)

    def forget(self, owner: Hashable) -> None:
        """Drop `owner`'s pages (they wrote: their next pull reads after the write)."""
        for entry in [entry for entry in self._entries if entry[0] == owner]:
            self._drop(entry)

    async def aclose(self) -> None:
        tasks = [task for _, task in self._entries.values()]
        self._entries.clear()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _expire(self) -> None:
        now = time.monotonic()
        for entry in [entry for entry, (started, _) in self._entries.items() if now - started > self.ttl]:
            self._drop(entry)

    def _drop(self, entry: tuple[Hashable, Hashable]) -> None:
        _, task = self._entries.pop(entry)
        task.cancel()
        _WASTED.inc()
