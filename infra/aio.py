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
