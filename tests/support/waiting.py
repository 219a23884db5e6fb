"""Waiting in tests: for a condition, with a deadline, never for a fixed time. A fixed sleep is
either too short on a loaded machine (a flaky test) or too long everywhere else (a slow one).

The only fixed waits left in the suite prove an absence ("nothing more arrives"): those say so
in a comment, and are as short as the proof allows."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")

POLL_SECONDS = 0.02


async def wait_until(check: Callable[[], bool | Awaitable[bool]], timeout: float = 10.0,
                     what: str = "the condition", interval: float = POLL_SECONDS) -> None:
    """Return as soon as `check()` (plain or async) is true; fail after `timeout` seconds."""
    await wait_for_value(check, bool, timeout, what, interval)


async def wait_for_value(read: Callable[[], T | Awaitable[T]], accept: Callable[[T], bool], timeout: float = 10.0,
                         what: str = "the condition", interval: float = POLL_SECONDS) -> T:
    """Poll `read()` until `accept(value)`; return that value, or fail after `timeout` seconds
    saying what was waited for and the last value seen."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if inspect.isawaitable(value):
            value = await value
        if accept(value):  # type: ignore[arg-type]
            return value  # type: ignore[return-value]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what} (last seen: {value!r})")
        await asyncio.sleep(interval)
