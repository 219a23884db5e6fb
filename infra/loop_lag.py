"""Event-loop lag: a timer asks to wake every `interval` seconds and records how late it woke.
A handler that blocks the loop (CPU work, a synchronous call) delays every socket and request
of the process by as much; this is where it shows."""

from __future__ import annotations

import asyncio
import time
from collections import deque

from infra.metrics import LOOP_LAG, LOOP_LAG_MAX

SAMPLE_SECONDS = 0.5
# The max gauge covers a typical scrape interval, so a short stall between two scrapes shows.
WINDOW_SECONDS = 15.0


async def watch_loop_lag(interval: float = SAMPLE_SECONDS, window: float = WINDOW_SECONDS) -> None:
    """Sample until cancelled."""
    recent: deque[tuple[float, float]] = deque()
    while True:
        started = time.monotonic()
        await asyncio.sleep(interval)
        now = time.monotonic()
        lag = max(0.0, now - started - interval)
        LOOP_LAG.observe(lag)
        recent.append((now, lag))
        while recent and recent[0][0] < now - window:
            recent.popleft()
        LOOP_LAG_MAX.set(max(sample for _, sample in recent))
