"""What the domain tells live sockets, through the server's emitter (every process, via Redis
when it is configured): the domain's ports, implemented on Socket.IO. Each is made with the
emitter (realtime/server.py makes the server first), so none waits to be bound."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import socketio
from pydantic import BaseModel

from domain.feed.projector import Delivery
from domain.finance.cases.live import EVENT as PAYMENT_EVENT
from domain.flags.services import ConfigChange
from realtime.events import CONFIG_CHANGED, ROOT, checked
from realtime.fanout import RealtimeEmitter
from realtime.namespaces.disputes import NAME as DISPUTES
from realtime.namespaces.disputes import UPDATE_EVENT as DISPUTE_UPDATE
from realtime.namespaces.feed import ITEM_EVENT
from realtime.namespaces.feed import NAME as FEED
from realtime.namespaces.messaging import NAME as MESSAGING
from realtime.namespaces.presence import REVOKED_EVENT
from realtime.presence_tracker import PRESENCE_NAMESPACE
from realtime.rooms import dispute_room, feed_room, user_room

EMIT_CHUNK = 1000  # feed emits built between two turns of the event loop


class MessagingFanout:
    """domain.messaging.fanout.Fanout: events to every `/messaging` socket of each user."""

    def __init__(self, emitter: RealtimeEmitter) -> None:
        self._emitter = emitter

    async def to_users(self, user_ids: Iterable[str], event: str, payload: dict[str, Any] | BaseModel) -> None:
        # One emit to all their rooms: encoded and checked once, one Redis message (a send's 2-3
        # recipients were as many PUBLISH round trips); each socket is in one user's room.
        rooms = [user_room(user_id) for user_id in dict.fromkeys(user_ids)]
        if rooms:
            await self._emitter.emit_to_rooms(MESSAGING, rooms, event, payload)


class FeedEmitter:
    """domain.feed.projector.LiveFeed: each committed item to its recipient's subscribed `/feed`
    sockets (all of them, or those narrowed to the item's zone), with the sync cursor at which
    it is visible."""

    def __init__(self, emitter: RealtimeEmitter, visible_cursor: Callable[[], Awaitable[str | None]]) -> None:
        self._emitter = emitter
        self._visible_cursor = visible_cursor

    async def deliver(self, deliveries: list[Delivery]) -> None:
        # The cursor's tick is asked for first (it covers the items, committed and numbered before
        # this call) and runs in the database while the emits are built; each gets it once known.
        cursor = asyncio.ensure_future(self._visible_cursor())
        batch: list[tuple[list[str], dict[str, Any]]] = []
        for start in range(0, len(deliveries), EMIT_CHUNK):
            await asyncio.sleep(0)  # the tick's replies are handled between chunks
            batch += [([feed_room(user_id), feed_room(user_id, item["zone_id"], narrowed=True)],
                       {"item": item, "cursor": None}) for user_id, item in deliveries[start:start + EMIT_CHUNK]]
        visible = await cursor
        for _rooms, payload in batch:
            payload["cursor"] = visible
        await self._emitter.emit_each(FEED, ITEM_EVENT, batch)


class PresenceNotices:
    """domain.presence.revoker.PresenceNotices: `presence:revoked {user_ids}` to each user who
    lost sight of others; the `/presence` namespace drops those subscriptions as it passes."""

    def __init__(self, emitter: RealtimeEmitter) -> None:
        self._emitter = emitter

    async def revoked(self, lost: dict[str, set[str]]) -> None:
        for user_id, gone in lost.items():
            await self._emitter.emit_to_user(PRESENCE_NAMESPACE, user_id, REVOKED_EVENT, {"user_ids": sorted(gone)})


class PaymentEmitter:
    """domain.finance.cases.live.PaymentLive: `booking:payment` to every `/feed` socket of each
    party of the booking (subscribed to the feed or not), with the sync cursor at which the
    payment's new state (`payment_cases`) is visible, like every realtime event carrying a change."""

    def __init__(self, emitter: RealtimeEmitter, visible_cursor: Callable[[], Awaitable[str | None]]) -> None:
        self._emitter = emitter
        self._visible_cursor = visible_cursor

    async def payment_changed(self, user_ids: list[str], update: dict[str, Any]) -> None:
        payload = {"payment": update, "cursor": await self._visible_cursor()}
        for user_id in user_ids:
            await self._emitter.emit_to_user(FEED, user_id, PAYMENT_EVENT, payload)


class DisputeEmitter:
    """domain.disputes.live.DisputeLive: `dispute:update {dispute, entry, cursor}` to every
    `/disputes` socket of the dispute's parties (and admins watching it), each socket once (one
    emit to all their rooms), with the sync cursor at which the change (`disputes`,
    `dispute_entries`) is visible. A private entry reaches its author's sockets only."""

    def __init__(self, emitter: RealtimeEmitter, visible_cursor: Callable[[], Awaitable[str | None]]) -> None:
        self._emitter = emitter
        self._visible_cursor = visible_cursor

    async def dispute_changed(self, user_ids: list[str], dispute: dict[str, Any],
                              entry: dict[str, Any] | None) -> None:
        rooms = [user_room(user_id) for user_id in user_ids]
        if entry is None or entry.get("shared", True):
            rooms.append(dispute_room(str(dispute.get("id"))))
        payload = {"dispute": dispute, "entry": entry, "cursor": await self._visible_cursor()}
        await self._emitter.emit_to_rooms(DISPUTES, rooms, DISPUTE_UPDATE, payload)


class ConfigNotices:
    """domain.flags.services.ChangeListener: `config:changed` to every `/` socket of THIS process,
    run on each process after it reloaded its flags (the change reaches every process through
    the flag broadcast, not through the Socket.IO channel): a client that hears it and asks
    again gets the new values from whichever process answers."""

    def __init__(self, sio: socketio.AsyncServer) -> None:
        self._sio = sio

    async def changed(self, change: ConfigChange) -> None:
        payload = checked(ROOT, CONFIG_CHANGED, {
            "keys": list(change.keys), "cursor": change.cursor,
            "maintenance": {"active": change.maintenance, "retry_after": change.retry_after}})
        await self._sio.emit(CONFIG_CHANGED, payload, namespace=ROOT, ignore_queue=True)
