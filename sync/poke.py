"""`sync:poke` on namespace `/`: the doorbell of the durable path. After a tick, the users whose
scopes it touched are told to pull, at most once per window (250 ms) each; the emitter fans
out through Redis, so their sockets on every process hear it. A lost poke costs nothing but
latency: the next pull (or the next poke) picks the change up.

`public` changes (zones, the catalogue) ring every socket at once: one broadcast per window.
"""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

import structlog
from tortoise.connection import connections

from sync.sqlite import SqliteConn, is_sqlite

log = structlog.get_logger(__name__)

NAMESPACE = "/"
EVENT = "sync:poke"
USERS_OF_SCOPES = "SELECT DISTINCT user_id::text FROM sync_grant WHERE scope = ANY($1::text[])"
SQLITE_USERS_OF_SCOPES = "SELECT DISTINCT user_id FROM sync_grant WHERE scope IN (SELECT value FROM json_each(?1))"
OWN_SCOPES = ("user:", "to:")


class Emitter(Protocol):
    async def emit_to_user(self, namespace: str, user_id: str, event: str, payload: Any) -> None: ...

    async def emit_to_room(self, namespace: str, room: str, event: str, payload: Any) -> None: ...


class Poker:
    def __init__(self, window_seconds: float = 0.25) -> None:
        self.window = window_seconds
        self._emitter: Emitter | None = None
        self._scopes: set[str] = set()
        self._tick = 0
        self._flush: asyncio.Task[None] | None = None
        self.sent = 0

    def bind(self, emitter: Emitter) -> None:
        self._emitter = emitter

    def on_tick(self, tick: int, scopes: list[str]) -> None:
        """Ticker listener: remember what changed; one flush per window."""
        if self._emitter is None or not scopes:
            return
        self._scopes.update(scopes)
        self._tick = max(self._tick, tick)
        if self._flush is None or self._flush.done():
            self._flush = asyncio.get_running_loop().create_task(self._flush_later(), name="sync-poke")

    async def _flush_later(self) -> None:
        await asyncio.sleep(self.window)
        scopes, self._scopes = self._scopes, set()
        try:
            await self._ring(scopes, self._tick)
        except Exception:  # a poke is best effort; pulls stay correct without it
            log.exception("sync_poke_failed")

    async def _ring(self, scopes: set[str], tick: int) -> None:
        assert self._emitter is not None
        payload = {"cursor": str(tick)}
        if "public" in scopes:  # room None: every socket of the namespace
            await self._emitter.emit_to_room(NAMESPACE, None, EVENT, payload)  # type: ignore[arg-type]
            self.sent += 1
            return
        users = {scope.split(":", 1)[1] for scope in scopes if scope.startswith(OWN_SCOPES)}
        granted = [scope for scope in scopes if not scope.startswith(OWN_SCOPES) and scope != "public"]
        if granted:
            async with connections.get("default").acquire_connection() as conn:
                if is_sqlite():
                    rows = await SqliteConn(conn).fetch(SQLITE_USERS_OF_SCOPES, granted)
                else:
                    rows = await conn.fetch(USERS_OF_SCOPES, granted)
                users.update(str(row[0]) for row in rows)
        for user_id in users:
            await self._emitter.emit_to_user(NAMESPACE, user_id, EVENT, payload)
        self.sent += len(users)

    async def aclose(self) -> None:
        if self._flush is not None:
            self._flush.cancel()
            await asyncio.gather(self._flush, return_exceptions=True)
