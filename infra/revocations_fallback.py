"""Revocations that outlive a Redis outage.

While Redis answers this is the Redis store. While it does not:
- `is_revoked` answers from this process's copy of every revocation heard on the channel in
  the last token lifetime, then from the database (a revoked login's refresh-token family is
  marked revoked there before the marker is written), so a logout still logs out;
- `revoke` keeps the revocation here, disconnects this process's sockets at once, and queues
  it for Redis.
When Redis answers again the queued revocations are written and broadcast (other processes
then disconnect their sockets), and every marker of the copy is written back, so a Redis that
restarted empty does not forget the logouts of the last quarter of an hour.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import structlog
from redis.asyncio import Redis

from domain.accounts.revocation import Listener, Revocation, now_ms
from domain.accounts.tokens import AccessClaims
from infra.dependencies import REDIS_DOWN, RedisHealth
from infra.revocations import RedisRevocationStore

log = structlog.get_logger(__name__)

# Write a marker back unless a newer one is there (another process may have revoked since).
_RESTORE = """
local current = redis.call('GET', KEYS[1])
if not current or tonumber(current) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
return 0
"""


class ResilientRevocationStore:
    def __init__(
        self,
        redis_store: RedisRevocationStore,
        client: Redis,
        health: RedisHealth,
        ttl_seconds: int,
        family_revoked: Callable[[str], Awaitable[bool]],
        prefix: str = "revoked:",
    ) -> None:
        self._redis = redis_store
        self._health = health
        self._family_revoked = family_revoked
        self._ttl_ms = (ttl_seconds + 60) * 1000
        self._prefix = prefix
        self._restore = client.register_script(_RESTORE)
        self._users: dict[str, int] = {}
        self._sessions: dict[str, int] = {}
        self._pending: list[Revocation] = []
        self._listeners: list[Listener] = []
        self._kept = 0
        redis_store.listen(self._remember)
        health.on_recovery(self._replay)

    async def revoke(self, revocation: Revocation) -> None:
        if revocation.at_ms is None:
            revocation = Revocation(revocation.user_id, revocation.session_id, now_ms())
        self._keep(revocation)

        async def locally() -> None:
            self._pending.append(revocation)
            for listener in list(self._listeners):
                try:
                    await listener(revocation)
                except Exception:
                    log.exception("revocation_listener_failed", user_id=revocation.user_id)

        await self._health.call("revocation", lambda: self._redis.revoke(revocation), locally)

    @property
    def redis(self) -> RedisRevocationStore:
        """The Redis store this one answers with while Redis is up."""
        return self._redis

    async def is_revoked(self, claims: AccessClaims) -> bool:
        return await self._health.call("revocation", lambda: self._redis.is_revoked(claims),
                                       lambda: self._is_revoked_here(claims))

    async def _is_revoked_here(self, claims: AccessClaims) -> bool:
        revoked_at = self._users.get(claims.user_id)
        if revoked_at is not None and claims.issued_at_ms <= revoked_at:
            return True
        if claims.session_id is None:
            return False
        return claims.session_id in self._sessions or await self._family_revoked(claims.session_id)

    def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)
        self._redis.listen(listener)

    async def start(self) -> None:
        await self._redis.start()

    async def stop(self) -> None:
        await self._redis.stop()

    async def _remember(self, revocation: Revocation) -> None:
        self._keep(revocation)

    def _keep(self, revocation: Revocation) -> None:
        stamp = revocation.at_ms or now_ms()
        if revocation.session_id is None:
            self._users[revocation.user_id] = max(stamp, self._users.get(revocation.user_id, 0))
        else:
            self._sessions[revocation.session_id] = stamp
        self._kept += 1
        if self._kept % 256 == 0:  # forget what no unexpired token can be affected by
            cutoff = now_ms() - self._ttl_ms
            for table in (self._users, self._sessions):
                for key in [key for key, at in table.items() if at < cutoff]:
                    del table[key]

    async def _replay(self) -> None:
        """Redis is back: broadcast what it missed, and write back every marker we know."""
        replayed = 0
        try:
            while self._pending:
                await self._redis.revoke(self._pending[0])
                self._pending.pop(0)
                replayed += 1
            now = now_ms()
            markers = [(f"{self._prefix}user:{user}", at) for user, at in self._users.items()]
            markers += [(f"{self._prefix}session:{session}", at) for session, at in self._sessions.items()]
            for key, at in markers:
                if now - at < self._ttl_ms:
                    await self._restore(keys=[key], args=[at, self._ttl_ms - (now - at)])
        except REDIS_DOWN as exc:
            self._health.failed("revocation", exc)  # gone again: the rest waits for next time
        if replayed:
            log.info("revocations_replayed", count=replayed)
