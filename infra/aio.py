"""asyncio helpers for background loops."""

from __future__ import annotations

import asyncio


async def wait_event(event: asyncio.Event, timeout: float) -> bool:
    """Wait until `event` is set or `timeout` passes; True when it was set.

    Not `asyncio.wait_for(event.wait(), timeout)`: on Python 3.11 that can swallow a
    cancellation arriving as the timeout fires, and a loop cancelled on shutdown then runs on
    while its app waits for it forever (seen in the test suite under load)."""
    try:
        async with asyncio.timeout(timeout):
            await event.wait()
    except TimeoutError:
        return False
    return True


class IdleBackoff:
    """How long a polling loop sleeps: its `interval` while its polls find work, then twice as
    long after each poll that found nothing, up to `ceiling` (never below `interval`). `busy()`
    (work found, or a wake-up from a commit) starts over at the interval. An idle server's loops
    then cost a few queries a minute instead of several a second."""

    def __init__(self, interval: float, ceiling: float) -> None:
        self.interval = interval
        self.ceiling = max(interval, ceiling)
        self._next = interval

    def busy(self) -> float:
        self._next = self.interval
        return self.interval

    def idle(self) -> float:
        """The sleep after a poll that found nothing; the next one will be longer."""
        delay = self._next
        self._next = min(self.ceiling, delay * 2)
        return delay
