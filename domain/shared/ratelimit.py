"""Rate limiting port: a fixed window counter per key.

The in-process limiter serves a single process (embedded default); infra/ratelimit.py
holds the Redis one shared by every process.
"""

from __future__ import annotations

import functools
import ipaddress
import time
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol

# (key, limit): one budget of `hit_all`.
Budget = tuple[str, int]


class RateLimiter(Protocol):
    async def hit(self, key: str, limit: int, window_seconds: int) -> float | None:
        """Count one hit; return None when allowed, else seconds until the window resets."""

    async def hit_all(self, budgets: Sequence[Budget], window_seconds: int) -> float | None:
        """`hit` on each budget in order, stopping at the first one over its limit (the later
        ones are not counted): None when all allowed, else that budget's seconds to reset. The
        Redis limiter does it in one round trip (a request's user and address budgets)."""

    async def peek(self, key: str, limit: int) -> float | None:
        """Without counting: None while fewer than `limit` hits are in the window, else
        seconds until it resets."""

    async def reset(self, key: str) -> None:
        """Forget the key's count (a successful login clears its failures)."""


class MemoryRateLimiter:
    """Same semantics as the Redis limiter: a window starts at a key's first hit."""

    # Bounded so a flood of distinct keys (spoofed IPs) cannot grow memory without end. When
    # full, the windows that started longest ago go first (most likely over anyway): wiping
    # every counter would hand each limited client a fresh budget.
    MAX_KEYS = 100_000

    def __init__(self) -> None:
        # key -> (window start, count, window seconds), ordered by window start
        self._windows: OrderedDict[str, tuple[float, int, int]] = OrderedDict()

    async def hit(self, key: str, limit: int, window_seconds: int) -> float | None:
        now = time.monotonic()
        started, count, _ = self._windows.get(key, (now, 0, window_seconds))
        if now - started >= window_seconds:
            started, count = now, 0
            self._windows.pop(key, None)  # a new window goes to the young end
        while len(self._windows) >= self.MAX_KEYS and key not in self._windows:
            self._windows.popitem(last=False)
        self._windows[key] = (started, count + 1, window_seconds)
        if count + 1 > limit:
            return max(1.0, started + window_seconds - now)
        return None

    async def hit_all(self, budgets: Sequence[Budget], window_seconds: int) -> float | None:
        for key, limit in budgets:
            if (retry_after := await self.hit(key, limit, window_seconds)) is not None:
                return retry_after
        return None

    async def peek(self, key: str, limit: int) -> float | None:
        started, count, window = self._windows.get(key, (0.0, 0, 0))
        remaining = started + window - time.monotonic()
        if count >= limit and remaining > 0:
            return max(1.0, remaining)
        return None

    async def reset(self, key: str) -> None:
        self._windows.pop(key, None)


@functools.lru_cache(maxsize=4096)  # parsing an address was ~2 % of a websocket connect's CPU
def address_key(ip: str) -> str:
    """The rate-limit key of a client address: an IPv6 client owns a whole /64 (one
    subscriber's prefix; counting single addresses would give each of them 2**64 budgets)."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)
