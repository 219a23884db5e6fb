"""`sync:poke` on namespace `/`: the doorbell of the durable path. After a tick, the users whose
scopes it touched are told to pull, at most once per window (250 ms) each; the emitter fans
out through Redis, so their sockets on every process hear it. A lost poke costs nothing but
latency: the next pull (or the next poke) picks the change up.

`public` is everyone's scope: a public change (zones, the catalogue, a serviceman's profile)
rings every socket. Those ring on a window of their own (`SYNC_PUBLIC_POKE_INTERVAL_SECONDS`,
15 s): the first public change after a quiet spell rings with the next window, later ones wait
for the public window to pass, so one serviceman editing a profile cannot make every client
pull four times a second. Each socket also hears at most one poke per
`SYNC_POKE_INTERVAL_SECONDS`, whatever process sent them (realtime/pokes.py).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

import structlog
from tortoise.connection import connections

if TYPE_CHECKING:
    from sync.dialect import SyncDialect


log = structlog.get_logger(__name__)

NAMESPACE = "/"
EVENT = "sync:poke"
OWN_SCOPES = ("user:", "to:")


class Emitter(Protocol):
    async def emit_to_user(self, namespace: str, user_id: str, event: str, payload: Any) -> None: ...

    async def emit_to_room(self, namespace: str, room: str, event: str, payload: Any) -> None: ...

    async def emit_to_users(self, namespace: str, user_ids: Iterable[str], event: str, payload: Any) -> None: ...


class Poker:
    def __init__(self, dialect: SyncDialect, emitter: Emitter | None, window_seconds: float = 0.25,
                 public_window_seconds: float = 15.0) -> None:
        self.dialect = dialect
        self.window = window_seconds
        self.public_window = public_window_seconds
        self._emitter = emitter  # None: a process without sockets pokes nobody
        self._scopes: set[str] = set()
        self._tick = 0
        self._flush: asyncio.Task[None] | None = None
        self._public_tick = 0  # > 0: a public change waits for its ring
        self._public_rung_at = -float("inf")  # monotonic
        self._public_flush: asyncio.Task[None] | None = None
        self.sent = 0
        self._closed = False  # stopped: a tick after that (a flush at shutdown) rings nobody

    def on_tick(self, tick: int, scopes: list[str]) -> None:
        """Ticker listener: remember what changed; one flush per window."""
        if self._emitter is None or not scopes or self._closed:
            return
        loop = asyncio.get_running_loop()
        if "public" in scopes:
            self._public_tick = max(self._public_tick, tick)
            if self._public_flush is None or self._public_flush.done():
                delay = max(self.window, self._public_rung_at + self.public_window - time.monotonic())
                self._public_flush = loop.create_task(self._ring_public_later(delay), name="sync-poke-public")
        scopes = [scope for scope in scopes if scope != "public"]
        if not scopes:
            return
        self._scopes.update(scopes)
        self._tick = max(self._tick, tick)
        if self._flush is None or self._flush.done():
            self._flush = loop.create_task(self._flush_later(), name="sync-poke")

    async def _flush_later(self) -> None:
        await asyncio.sleep(self.window)
        scopes, self._scopes = self._scopes, set()
        try:
            await self._ring(scopes, self._tick)
        except Exception:  # a poke is best effort; pulls stay correct without it
            log.exception("sync_poke_failed")

    async def _ring_public_later(self, delay: float) -> None:
        await asyncio.sleep(delay)
        tick, self._public_tick = self._public_tick, 0
        self._public_rung_at = time.monotonic()
        assert self._emitter is not None
        try:  # room None: every socket of the namespace
            await self._emitter.emit_to_room(NAMESPACE, None, EVENT, {"cursor": str(tick)})  # type: ignore[arg-type]
            self.sent += 1
        except Exception:
            log.exception("sync_poke_failed")

    async def _ring(self, scopes: set[str], tick: int) -> None:
        assert self._emitter is not None
        payload = {"cursor": str(tick)}
        users = {scope.split(":", 1)[1] for scope in scopes if scope.startswith(OWN_SCOPES)}
        granted = [scope for scope in scopes if not scope.startswith(OWN_SCOPES) and scope != "public"]
        if granted:
            async with connections.get("default").acquire_connection() as raw:
                rows = await self.dialect.conn(raw).fetch(self.dialect.users_of_scopes, granted)
                users.update(str(row[0]) for row in rows)
        if users:  # one emit for them all (each socket still hears it once, filtered per socket)
            await self._emitter.emit_to_users(NAMESPACE, users, EVENT, payload)
        self.sent += len(users)

    async def aclose(self) -> None:
        self._closed = True
        tasks = [task for task in (self._flush, self._public_flush) if task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
