"""Redis fixed-window rate limiter shared by every server process.

The window starts at a key's first hit and the key expires with it."""

from __future__ import annotations

from collections.abc import Sequence

from redis.asyncio import Redis

from domain.shared.ratelimit import Budget, MemoryRateLimiter
from infra.dependencies import RedisHealth

# Count, start the window on the first hit, and report the time left: one round trip.
_HIT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
"""
# The budgets' loop, shared with the REST gate's script (infra/request_gate.py): KEYS[i] counted
# in order for i = 1 .. #ARGV - 1 (ARGV[1]: the window in ms, ARGV[1 + i]: KEYS[i]'s limit),
# stopping at the first over its limit: `over` its position (0: none), `ttl` its time left.
COUNT_BUDGETS = """
local over, ttl = 0, 0
for i = 1, #ARGV - 1 do
  local count = redis.call('INCR', KEYS[i])
  if count == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
  if count > tonumber(ARGV[i + 1]) then
    over, ttl = i, redis.call('PTTL', KEYS[i])
    break
  end
end
"""
# Every budget of a request in one round trip: {over, ttl}.
_HIT_ALL = COUNT_BUDGETS + "return {over, ttl}\n"


class RedisRateLimiter:
    def __init__(self, client: Redis, prefix: str = "rl:") -> None:
        self._client = client
        self._prefix = prefix
        self._script = client.register_script(_HIT)
        self._script_all = client.register_script(_HIT_ALL)

    async def hit(self, key: str, limit: int, window_seconds: int) -> float | None:
        count, ttl_ms = await self._script(keys=[self._prefix + key], args=[window_seconds * 1000])
        if int(count) > limit:
            return max(1.0, int(ttl_ms) / 1000)
        return None

    def key(self, key: str) -> str:
        """The Redis key of a budget's counter."""
        return self._prefix + key

    async def hit_all(self, budgets: Sequence[Budget], window_seconds: int) -> float | None:
        if not budgets:
            return None
        over, ttl_ms = await self._script_all(keys=[self._prefix + key for key, _ in budgets],
                                              args=[window_seconds * 1000, *(limit for _, limit in budgets)])
        if int(over):
            return max(1.0, int(ttl_ms) / 1000)
        return None

    async def peek(self, key: str, limit: int) -> float | None:
        async with self._client.pipeline(transaction=False) as pipe:
            pipe.get(self._prefix + key)
            pipe.pttl(self._prefix + key)
            count, ttl_ms = await pipe.execute()
        if count is not None and int(count) >= limit and int(ttl_ms) > 0:
            return max(1.0, int(ttl_ms) / 1000)
        return None

    async def reset(self, key: str) -> None:
        await self._client.delete(self._prefix + key)


class ResilientRateLimiter:
    """The Redis limiter while Redis answers, this process's own counters while it does not:
    a Redis outage makes limits per process for a while, never takes requests down."""

    def __init__(self, redis: RedisRateLimiter, health: RedisHealth, local: MemoryRateLimiter | None = None) -> None:
        self._redis = redis
        self._health = health
        self._local = local or MemoryRateLimiter()

    async def hit(self, key: str, limit: int, window_seconds: int) -> float | None:
        return await self._health.call("rate_limit", lambda: self._redis.hit(key, limit, window_seconds),
                                       lambda: self._local.hit(key, limit, window_seconds))

    @property
    def redis(self) -> RedisRateLimiter:
        return self._redis

    @property
    def local(self) -> MemoryRateLimiter:
        """The counters of this process, used while Redis is down."""
        return self._local

    async def hit_all(self, budgets: Sequence[Budget], window_seconds: int) -> float | None:
        return await self._health.call("rate_limit", lambda: self._redis.hit_all(budgets, window_seconds),
                                       lambda: self._local.hit_all(budgets, window_seconds))

    async def peek(self, key: str, limit: int) -> float | None:
        return await self._health.call("rate_limit", lambda: self._redis.peek(key, limit),
                                       lambda: self._local.peek(key, limit))

    async def reset(self, key: str) -> None:
        await self._local.reset(key)
        await self._health.call("rate_limit", lambda: self._redis.reset(key), _nothing)


async def _nothing() -> None:
    return None
