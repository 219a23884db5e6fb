"""Presence through a Redis outage: this process's connections only, kept in memory.

While Redis is down every presence read and write goes to an in-process store, so users
connected here are seen online by sockets here, and nothing raises into a handler. When Redis
is back, the tracker's next heartbeat finds our connections missing there and connects them
again (the same path as after a Redis restart, realtime/presence_tracker.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from domain.presence.memory import MemoryPresenceStore
from domain.presence.store import PresenceState
from infra.dependencies import RedisHealth
from infra.presence import RedisPresenceStore


class ResilientPresenceStore:
    def __init__(self, redis_store: RedisPresenceStore, health: RedisHealth) -> None:
        self.ttl = redis_store.ttl
        self._redis = redis_store
        self._local = MemoryPresenceStore(redis_store.ttl)
        self._health = health

    async def connect(self, user_id: str, conn_id: str) -> PresenceState | None:
        return await self._health.call("presence", lambda: self._redis.connect(user_id, conn_id),
                                       lambda: self._local.connect(user_id, conn_id))

    async def disconnect(self, user_id: str, conn_id: str) -> PresenceState | None:
        # Always here too: what the outage's copy holds must not outlive the connection.
        local = await self._local.disconnect(user_id, conn_id)

        async def fallback() -> PresenceState | None:
            return local

        return await self._health.call("presence", lambda: self._redis.disconnect(user_id, conn_id), fallback)

    async def set_away(self, user_id: str, conn_id: str, away: bool) -> PresenceState | None:
        return await self._health.call("presence", lambda: self._redis.set_away(user_id, conn_id, away),
                                       lambda: self._local.set_away(user_id, conn_id, away))

    async def refresh(self, conns: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        return await self._health.call("presence", lambda: self._redis.refresh(conns),
                                       lambda: self._local.refresh(conns))

    async def sweep(self) -> list[PresenceState]:
        return await self._health.call("presence", self._redis.sweep, self._local.sweep)

    async def states(self, user_ids: Iterable[str]) -> list[PresenceState]:
        ids = list(user_ids)
        return await self._health.call("presence", lambda: self._redis.states(ids),
                                       lambda: self._local.states(ids))

    async def forget(self, user_id: str) -> None:
        await self._local.forget(user_id)

        async def nothing() -> None:
            return None

        await self._health.call("presence", lambda: self._redis.forget(user_id), nothing)

    async def close(self) -> None:
        await self._local.close()
