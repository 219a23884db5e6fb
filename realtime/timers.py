"""Many per-socket timers on few loop timers.

An event-loop timer costs about 0.9 kB under uvloop (the handle and its libuv timer) and a
task sleeping on one about twice that; with one or more per socket they were a large share of an
idle socket's memory and of the heartbeat's CPU. Node's timers, by contrast, share one native
timer per duration. The same here:

- `TimerList`: callbacks after a fixed delay (a ping interval, a connect timeout). Entries
  arrive in due order, so they wait in a deque behind one loop timer armed for the first.
  With `slack`, that timer is armed `slack` seconds after the first entry is due and runs
  every entry due by then: 20,000 sockets' PINGs (one per socket per 25 s, at instants spread
  by their connects) go out in a few batches a second instead of 800 separate loop wake-ups,
  and their PONGs come back in batches too (one `epoll_wait` returns many sockets).
- `DeadlineHeap`: callbacks at arbitrary wall-clock instants (token expiries), in a heap behind
  one loop timer; moving or clearing an entry leaves the old one to be skipped when it comes up
  (a cleared key's stale entries are dropped when the heap empties; until then each is a tuple).
"""

from __future__ import annotations

import asyncio
import bisect
import heapq
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import structlog

log = structlog.get_logger(__name__)


def _run(callback: Callable[[Any], None], arg: Any) -> None:
    try:
        callback(arg)
    except Exception:  # one failing entry must not strand the others
        log.exception("timer_callback_failed")


class TimerList:
    """`add(callback, arg, delay)`: call `callback(arg)` once `delay` seconds have passed, at
    most `slack` seconds later."""

    def __init__(self, slack: float = 0.0) -> None:
        self.slack = slack
        self._queue: deque[tuple[float, int, Callable[[Any], None], Any]] = deque()
        self._handle: asyncio.TimerHandle | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._seq = 0

    def add(self, callback: Callable[[Any], None], arg: Any, delay: float) -> None:
        loop = self._loop
        # get_running_loop() makes a getpid() system call each time: asked again only when the
        # loop this list served is gone (tests run several; what the old one held is gone too).
        if loop is None or loop.is_closed():
            loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self._queue.clear()
            self._handle = None
            self._loop = loop
        self._seq += 1
        entry = (loop.time() + delay, self._seq, callback, arg)
        queue = self._queue
        if not queue or entry[0] >= queue[-1][0]:
            queue.append(entry)
        else:  # a shorter delay than the last one added (the delay changed): keep the order
            bisect.insort(queue, entry, key=lambda item: (item[0], item[1]))
        if queue[0] is entry:
            self._arm()

    def __len__(self) -> int:
        return len(self._queue)

    def _arm(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
        self._handle = None
        if self._queue and self._loop is not None:
            self._handle = self._loop.call_at(self._queue[0][0] + self.slack, self._fire)

    def _fire(self) -> None:
        self._handle = None
        loop, queue = self._loop, self._queue
        if loop is None:
            return
        now = loop.time()
        while queue and queue[0][0] <= now:
            _due, _seq, callback, arg = queue.popleft()
            _run(callback, arg)
        self._arm()


class DeadlineHeap:
    """Per key, one wall-clock instant (`time.time()` seconds) at which `on_due(key)` is called.
    The instant stays known (`get`) after it passed, until `clear`."""

    def __init__(self, on_due: Callable[[str], None]) -> None:
        self._on_due = on_due
        self._at: dict[str, float] = {}
        self._held: set[str] = set()
        self._heap: list[tuple[float, str]] = []
        self._handle: asyncio.TimerHandle | None = None
        self._armed_for: float | None = None

    def set(self, key: str, at: float) -> None:
        self._held.discard(key)
        if self._at.get(key) == at:
            return  # already waiting for that instant
        self._at[key] = at
        heapq.heappush(self._heap, (at, key))
        if self._armed_for is None or at < self._armed_for:
            self._arm()

    def get(self, key: str) -> float | None:
        return self._at.get(key)

    def hold(self, key: str) -> None:
        """Do not call `on_due` for this key's instant (as a loop too busy to run the timer)."""
        self._held.add(key)

    def clear(self, key: str) -> None:
        self._held.discard(key)
        self._at.pop(key, None)  # its heap entry is skipped when it comes up
        if not self._at and self._handle is not None:
            self._handle.cancel()
            self._handle, self._armed_for, self._heap = None, None, []

    def _arm(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle, self._armed_for = None, None
        if self._heap:
            at = self._heap[0][0]
            self._armed_for = at
            self._handle = asyncio.get_running_loop().call_later(max(0.0, at - time.time()), self._fire)

    def _fire(self) -> None:
        self._handle, self._armed_for = None, None
        now = time.time()
        heap = self._heap
        while heap and heap[0][0] <= now:
            at, key = heapq.heappop(heap)
            if self._at.get(key) == at and key not in self._held:  # not moved or cleared since
                _run(self._on_due, key)
        if heap:
            self._arm()
