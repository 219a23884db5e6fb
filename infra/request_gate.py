"""A REST request's Redis round trip: its rate-limit budgets and its token's revocation markers
in one script, where they were three round trips (two budgets, then the markers).

The answers are those of the two stores, made from the same keys: the budgets count as
`RedisRateLimiter.hit_all` counts them (in order, stopping at the first over its limit), the
markers are read as `RedisRevocationStore.is_revoked` reads them (`marker_keys`, `revoked_by`).
While Redis is down the budgets are this process's (the resilient limiter's own counters) and
the verdict is left to the revocation store (None), which then answers from its copy and the
database as it always does.
"""

from __future__ import annotations

from collections.abc import Sequence

from redis.asyncio import Redis

from domain.accounts.tokens import AccessClaims
from domain.shared.ratelimit import Budget
from infra.dependencies import RedisHealth
from infra.ratelimit import COUNT_BUDGETS, ResilientRateLimiter
from infra.revocations_fallback import ResilientRevocationStore

# KEYS: the budgets' counters (one per limit in ARGV, after the window), then the revocation
# markers. {over, its time left, marker...}: the budgets as `RedisRateLimiter.hit_all` counts them
# (the same loop), then the markers (a refused request's are not needed; reading them costs nothing).
_ADMIT = COUNT_BUDGETS + """
local reply = {over, ttl}
for i = #ARGV, #KEYS do reply[#reply + 1] = redis.call('GET', KEYS[i]) end
return reply
"""


class RedisRequestGate:
    def __init__(self, client: Redis, limiter: ResilientRateLimiter, revocations: ResilientRevocationStore,
                 health: RedisHealth) -> None:
        self._limiter = limiter
        self._revocations = revocations
        self._health = health
        self._script = client.register_script(_ADMIT)

    async def admit(self, budgets: Sequence[Budget], window_seconds: int,
                    claims: AccessClaims | None) -> tuple[float | None, bool | None]:
        """Count the budgets; (seconds until the first one over its limit resets, or None; whether
        `claims` are revoked, or None when not read)."""

        async def primary() -> tuple[float | None, bool | None]:
            limits, store = self._limiter.redis, self._revocations.redis
            markers = store.marker_keys(claims) if claims is not None else []
            reply = await self._script(
                keys=[*(limits.key(key) for key, _ in budgets), *markers],
                args=[window_seconds * 1000, *(limit for _, limit in budgets)])
            over, ttl_ms, *values = reply
            # Lua's false (no marker) comes back as nil; a reply is never cut short by it.
            values += [None] * (len(markers) - len(values))
            retry_after = max(1.0, int(ttl_ms) / 1000) if int(over) else None
            return retry_after, store.revoked_by(claims, values) if claims is not None else None

        async def fallback() -> tuple[float | None, bool | None]:
            return await self._limiter.local.hit_all(budgets, window_seconds), None

        return await self._health.call("rate_limit", primary, fallback)
