"""Emit to a user's sockets from anywhere: a request handler, a bus subscriber, a worker.

Inside a server process the emitter wraps the `AsyncServer`, whose client manager is the
Redis one when `REDIS_URL` is set, so an emit reaches the user's sockets on every process.
A process without a Socket.IO server (a worker, a script) uses `write_only_emitter`: it
publishes the same messages on the same Redis channel and holds no sockets itself.

Redis pub/sub is fire-and-forget: an emit while Redis is unreachable is lost (python-socketio
logs and drops it). The socket is the fast path only; clients recover through delta sync.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any, Protocol

import socketio
import structlog
from opentelemetry.trace import SpanKind
from pydantic import BaseModel

from domain.shared import tracing
from realtime.events import OffContract, checked
from realtime.rooms import user_room
from realtime.wire import OrjsonCodec, to_wire

log = structlog.get_logger(__name__)

USERS_PER_EMIT = 1000  # users' rooms in one emit_to_users message (a Redis message stays modest)


class _EmitTarget(Protocol):
    # Both socketio.AsyncServer.emit and AsyncPubSubManager.emit accept these keywords.
    async def emit(
        self, event: str, data: Any = ..., *, namespace: str | None = ..., room: str | list[str] | None = ...
    ) -> Any: ...


class RealtimeEmitter:
    def __init__(self, target: _EmitTarget, owned_manager: socketio.AsyncRedisManager | None = None) -> None:
        self._target = target
        self._owned = owned_manager

    async def emit_to_room(self, namespace: str, room: str, event: str, payload: Any) -> None:
        with _emit_span(namespace, event):
            await self._target.emit(event, _on_contract(namespace, event, payload), namespace=namespace, room=room)

    async def emit_to_rooms(self, namespace: str, rooms: list[str], event: str, payload: Any) -> None:
        """One emit (one Redis message) to the sockets in any of `rooms`, each socket once."""
        with _emit_span(namespace, event):
            await self._target.emit(event, _on_contract(namespace, event, payload), namespace=namespace, room=rooms)

    async def emit_each(self, namespace: str, event: str, batch: list[tuple[list[str], Any]]) -> None:
        """Many emits of one event, each to its rooms with its own payload (a feed item per
        recipient): together through a manager that publishes them in one go (realtime/broadcast.py
        `FanoutRedisManager.emit_many`), else one by one. Same order, same delivery as one by one."""
        emit_many = getattr(getattr(self._target, "manager", self._target), "emit_many", None)
        if emit_many is None:
            for rooms, payload in batch:
                await self.emit_to_rooms(namespace, rooms, event, payload)
            return
        with _emit_span(namespace, event):
            await emit_many(event, namespace, _batch_on_contract(namespace, event, batch))

    async def emit_to_user(self, namespace: str, user_id: str, event: str, payload: Any) -> None:
        await self.emit_to_room(namespace, user_room(user_id), event, payload)

    async def emit_to_users(self, namespace: str, user_ids: Iterable[str], event: str, payload: Any) -> None:
        """The same payload to every socket of each user: one emit (checked and encoded once, one
        Redis message) per USERS_PER_EMIT users, each socket once (it is in one user's room)."""
        rooms = [user_room(user_id) for user_id in dict.fromkeys(user_ids)]
        for start in range(0, len(rooms), USERS_PER_EMIT):
            await self.emit_to_rooms(namespace, rooms[start:start + USERS_PER_EMIT], event, payload)

    async def aclose(self) -> None:
        """Close the Redis connection of a write-only emitter (no-op inside a server)."""
        if self._owned is not None and self._owned.redis is not None:
            await self._owned.redis.aclose()
            self._owned.connected = False


def _emit_span(namespace: str, event: str) -> AbstractContextManager[None]:
    """In the trace of the request or consumer that caused the emit (domain/shared/tracing.py)."""
    if not tracing.enabled():
        return tracing.NO_SPAN  # no name or attributes built per emit
    return tracing.span(f"emit {namespace} {event}", kind=SpanKind.PRODUCER,
                        attributes={"socketio.namespace": namespace, "socketio.event": event})


def _on_contract(namespace: str, event: str, payload: Any) -> Any:
    """Every emit passes its model in realtime/events.py. One off the contract is a bug of ours:
    logged loudly (the test suite fails on it, tests/support/contract_guard.py) but still sent,
    since a live update is best effort and its reaction must not fail over it."""
    try:
        return checked(namespace, event, payload)
    except OffContract as exc:
        log.error("socket_event_off_contract", namespace=namespace, socket_event=event, error=str(exc)[:500])
        return to_wire(payload)


def _batch_on_contract(namespace: str, event: str, batch: list[tuple[list[str], Any]]) -> list[tuple[list[str], Any]]:
    """A batch's payloads are one event's items, built by one code path from one subject (a job
    posted to 5,000 servicemen): its first and last payloads are checked, not every one (the
    check cost more than the rest of the emit). Models are dumped one by one, as always."""
    if not batch or any(isinstance(payload, BaseModel) for _rooms, payload in batch):
        return [(rooms, _on_contract(namespace, event, payload)) for rooms, payload in batch]
    out = list(batch)
    for index in {0, len(out) - 1}:
        rooms, payload = out[index]
        out[index] = (rooms, _on_contract(namespace, event, payload))
    return out


def server_emitter(sio: socketio.AsyncServer) -> RealtimeEmitter:
    return RealtimeEmitter(sio)


def write_only_emitter(redis_url: str, channel: str) -> RealtimeEmitter:
    """For processes without a Socket.IO server; `channel` must be the servers' channel."""
    manager = socketio.AsyncRedisManager(
        redis_url, channel=channel, write_only=True, json=OrjsonCodec, logger=logging.getLogger("realtime.fanout")
    )
    return RealtimeEmitter(manager, owned_manager=manager)
