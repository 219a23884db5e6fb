"""Rate limiting port: a fixed window counter per key.

The in-process limiter serves a single process (embedded default); infra/ratelimit.py
holds the Redis one shared by every process.
"""

from __future__ import annotations

import time
from typing import Protocol


class RateLimiter(Protocol):
    async def hit(self, key: str, limit: int, window_seconds: int) -> float | None:
        """Count one hit; return None when allowed, else seconds until the window resets."""

    async def peek(self, key: str, limit: int) -> float | None:
        """Without counting: None while fewer than `limit` hits are in the window, else
        seconds until it resets."""

    async def reset(self, key: str) -> None:
        """Forget the key's count (a successful login clears its failures)."""


class MemoryRateLimiter:
    """Same semantics as the Redis limiter: a window starts at a key's first hit."""

    # Bounded so a flood of distinct keys (spoofed IPs) cannot grow memory without end.
    MAX_KEYS = 100_000

    def __init__(self) -> None:
        self._windows: dict[str, tuple[float, int]] = {}
        self._window_of: dict[str, int] = {}

    async def hit(self, key: str, limit: int, window_seconds: int) -> float | None:
        now = time.monotonic()
        started, count = self._windows.get(key, (now, 0))
        if now - started >= window_seconds:
            started, count = now, 0
        if len(self._windows) >= self.MAX_KEYS and key not in self._windows:
            self._windows.clear()
            self._window_of.clear()
        self._windows[key] = (started, count + 1)
        self._window_of[key] = window_seconds
        if count + 1 > limit:
            return max(1.0, started + window_seconds - now)
        return None

    async def peek(self, key: str, limit: int) -> float | None:
        started, count = self._windows.get(key, (0.0, 0))
        remaining = started + self._window_of.get(key, 0) - time.monotonic()
        if count >= limit and remaining > 0:
            return max(1.0, remaining)
        return None

    async def reset(self, key: str) -> None:
        self._windows.pop(key, None)
        self._window_of.pop(key, None)
