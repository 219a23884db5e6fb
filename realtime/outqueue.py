"""A client's outgoing packets: python-engineio's per-socket queue, bounded and small.

python-engineio gives every socket an `asyncio.Queue`, and an idle websocket holds one for its
whole life: four deques (items, getters, putters, the join event's waiters) of about 0.7 kB
each, allocated up front. `OutgoingQueue` offers the part of the asyncio.Queue interface
python-engineio and realtime/engine.py use (`put_nowait`, `put`, `get`, `get_nowait`,
`task_done`, `join`, `qsize`, `empty`), with the same FIFO order, wake-up and cancellation
behaviour as an unbounded asyncio.Queue, in about a quarter of the memory: the item deque
exists only while packets wait, the waiters only while someone waits.

It refuses to grow beyond `limit`: on overflow the packet is dropped, `on_overflow` is called
once, and from then on only the end marker (None) and a CLOSE packet are accepted: the client
is being disconnected (realtime/engine.py `close_slow_consumer`).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from typing import Any

from engineio import packet as eio_packet


class OutgoingQueue:
    __slots__ = ("_getters", "_items", "_joiners", "_unfinished", "limit", "on_overflow", "on_put", "overflowed")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.overflowed = False
        self.on_overflow: Callable[[], None] | None = None
        # Called after each item is queued: a detached websocket session (realtime/ws_session.py)
        # has no task waiting in `get`, it starts one to write what was queued.
        self.on_put: Callable[[], None] | None = None
        self._items: deque[Any] | None = None  # None while empty
        self._getters: list[asyncio.Future[None]] | None = None
        self._joiners: list[asyncio.Future[None]] | None = None
        self._unfinished = 0

    def qsize(self) -> int:
        return len(self._items) if self._items else 0

    def empty(self) -> bool:
        return not self._items

    def full(self) -> bool:
        return False  # an overflow is refused in put_nowait, never waited for

    def put_nowait(self, item: Any) -> None:
        if self.overflowed:
            if item is None or (isinstance(item, eio_packet.Packet) and item.packet_type == eio_packet.CLOSE):
                self._put(item)
            return
        if item is not None and self.qsize() >= self.limit:
            self.overflowed = True
            if self.on_overflow is not None:
                self.on_overflow()
            return
        self._put(item)

    async def put(self, item: Any) -> None:
        self.put_nowait(item)  # unbounded for the caller: overflow drops, it never blocks

    def _put(self, item: Any) -> None:
        items = self._items
        if items is None:
            items = self._items = deque()
        items.append(item)
        self._unfinished += 1
        self._wake_getter()
        if self.on_put is not None:
            self.on_put()

    def _wake_getter(self) -> None:
        getters = self._getters
        while getters:
            waiter = getters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                return

    def peek(self) -> Any:
        """The next item, left in the queue."""
        items = self._items
        if not items:
            raise asyncio.QueueEmpty
        return items[0]

    def get_nowait(self) -> Any:
        items = self._items
        if not items:
            raise asyncio.QueueEmpty
        item = items.popleft()
        if not items:
            self._items = None  # an idle client holds no deque
        return item

    async def get(self) -> Any:
        while not self._items:
            waiter = asyncio.get_running_loop().create_future()
            getters = self._getters
            if getters is None:
                getters = self._getters = []
            getters.append(waiter)
            try:
                await waiter
            except BaseException:
                waiter.cancel()
                try:
                    getters.remove(waiter)
                except ValueError:
                    pass
                if self._items and not waiter.cancelled():
                    # Woken for an item, then cancelled: hand the wake-up on (as asyncio.Queue does).
                    self._wake_getter()
                raise
        return self.get_nowait()

    def task_done(self) -> None:
        if self._unfinished <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished -= 1
        if self._unfinished == 0 and self._joiners:
            joiners, self._joiners = self._joiners, None
            for waiter in joiners:
                if not waiter.done():
                    waiter.set_result(None)

    async def join(self) -> None:
        if self._unfinished > 0:
            waiter = asyncio.get_running_loop().create_future()
            if self._joiners is None:
                self._joiners = []
            self._joiners.append(waiter)
            await waiter

    def discard_all(self) -> int:
        """Drop every queued packet (frees the memory at once); returns how many."""
        dropped = 0
        while not self.empty():
            self.get_nowait()
            self.task_done()
            dropped += 1
        return dropped
