"""This process's side of presence: which connections it holds, the heartbeat that keeps them
alive in the store, the sweep that expires other processes' dead ones, and the announcements.

A connection is an Engine.IO connection (a device or tab). Namespaces attach to it as they
connect and detach as they leave; the connection counts for presence from the first attach
to the last detach. Every change of a user's status is emitted as `presence:update` on
`/presence` to the room `presence:<user_id>`, through the server's emitter, so subscribers on
every process get it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from functools import partial

import structlog

from domain.presence.store import PresenceState, PresenceStore, Status, heartbeat_interval
from realtime.fanout import RealtimeEmitter
from realtime.rooms import presence_room

log = structlog.get_logger(__name__)

PRESENCE_NAMESPACE = "/presence"


@dataclass
class _Conn:
    user_id: str
    attached: int = 0


class PresenceTracker:
    def __init__(
        self, store: PresenceStore, emitter: RealtimeEmitter, closed_among: Callable[[Iterable[str]], list[str]]
    ) -> None:
        self.store = store
        self._emitter = emitter
        self._closed_among = closed_among  # those of these Engine.IO connections no longer open here
        self._conns: dict[str, _Conn] = {}
        # What the heartbeat refreshes, (user_id, conn_id) per connection: kept between beats
        # (20,000 tuples a beat otherwise), made again after a connection came or went.
        self._pairs: list[tuple[str, str]] | None = None
        # One write at a time: a disconnect must never overtake the connect it undoes on its
        # way to the store (redis-py may send them on different pooled connections).
        self._lock = asyncio.Lock()
        self.interval = heartbeat_interval(store.ttl)

    async def attach(self, conn_id: str, user_id: str) -> None:
        conn = self._conns.get(conn_id)
        if conn is None:
            conn = self._conns[conn_id] = _Conn(user_id)
            self._pairs = None
        conn.attached += 1
        if conn.attached == 1:
            await self._write(lambda: self.store.connect(user_id, conn_id))

    async def detach(self, conn_id: str) -> None:
        conn = self._conns.get(conn_id)
        if conn is None:
            return
        conn.attached -= 1
        if conn.attached <= 0:
            del self._conns[conn_id]
            self._pairs = None
            await self._write(lambda: self.store.disconnect(conn.user_id, conn_id))

    async def set_status(self, conn_id: str, user_id: str, status: Status) -> PresenceState:
        if conn_id in self._conns:
            await self._write(lambda: self.store.set_away(user_id, conn_id, status == Status.AWAY))
        [state] = await self.store.states([user_id])
        return state

    async def states(self, user_ids: Iterable[str]) -> list[PresenceState]:
        return await self.store.states(user_ids)

    async def _write(self, operation: Callable[[], Awaitable[PresenceState | None]]) -> None:
        try:
            async with self._lock:
                change = await operation()
        except Exception as exc:  # presence is best effort: a store outage must not break sockets
            log.warning("presence_store_write_failed", error=repr(exc))
            return
        if change is not None:
            await self.announce([change])

    async def announce(self, changes: list[PresenceState]) -> None:
        for state in changes:
            try:
                await self._emitter.emit_to_room(
                    PRESENCE_NAMESPACE, presence_room(state.user_id), "presence:update", state.to_wire()
                )
            except Exception as exc:
                log.warning("presence_announce_failed", user_id=state.user_id, error=repr(exc))

    async def beat(self) -> None:
        """One heartbeat: forget connections that ended without a detach, refresh ours, put back
        those the store lost (a Redis restart), expire everyone's dead ones."""
        for conn_id in self._closed_among(self._conns):
            conn = self._conns.pop(conn_id)
            self._pairs = None
            await self._write(partial(self.store.disconnect, conn.user_id, conn_id))
        conns = self._pairs
        if conns is None:
            conns = self._pairs = [(conn.user_id, conn_id) for conn_id, conn in self._conns.items()]
        async with self._lock:
            missing = await self.store.refresh(conns) if conns else []
        for user_id, conn_id in missing:
            if conn_id in self._conns:
                await self._write(partial(self.store.connect, user_id, conn_id))
        await self.announce(await self.store.sweep())

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self.beat()
            except Exception as exc:
                log.warning("presence_heartbeat_failed", error=repr(exc))

    async def stop(self) -> None:
        """On a clean stop, say goodbye for our connections rather than let them expire."""
        for conn_id, conn in list(self._conns.items()):
            del self._conns[conn_id]
            self._pairs = None
            with contextlib.suppress(Exception):
                await self._write(partial(self.store.disconnect, conn.user_id, conn_id))
