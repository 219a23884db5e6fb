"""Namespace `/feed`: the live feed (`feed:subscribe`, `feed:unsubscribe`; server event
`feed:item {item, cursor}`). Catalogue: docs/events.md.

A socket hears nothing until it subscribes. `feed:subscribe {zone_ids?, after?}` narrows the
socket to the zones asked for that the user may see (others are left out of the ack, as on
/presence) or, without `zone_ids`, to every item; items without a zone always pass. The rooms
are joined before `after` is replayed, so nothing committed meanwhile is lost (an item committed
during the call can come both in the ack and live: same `id`, keep one).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import structlog
from prometheus_client import Counter
from pydantic import BaseModel, ConfigDict, Field
from tortoise.backends.base.client import BaseDBAsyncClient

from bus import Envelope
from bus.subscriptions import after_commit
from domain.feed import queries, writer
from realtime.base import AuthenticatedNamespace
from realtime.fanout import RealtimeEmitter
from realtime.rooms import feed_room

log = structlog.get_logger(__name__)

NAME = "/feed"
ITEM_EVENT = "feed:item"
REPLAY_LIMIT = 100
MAX_ZONES = 100

FEED_ITEMS = Counter("fieldsync_feed_items_total", "Feed items written, by kind", ["kind"])

ZoneId = Annotated[str, Field(min_length=1, max_length=64)]


class SubscribeIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # "3" is not a number (docs/events.md)
    zone_ids: list[ZoneId] | None = Field(None, max_length=MAX_ZONES)
    after: int | None = Field(None, ge=0, le=2**63 - 1, description="the highest item seq you have")


class FeedNamespace(AuthenticatedNamespace):
    NAME = NAME

    async def on_feed_subscribe(self, sid: str, payload: SubscribeIn) -> dict[str, Any]:
        actor = await self.current_actor(sid)
        zones = await queries.narrow(actor, payload.zone_ids)
        await self._leave_feed_rooms(sid)
        if zones is None:
            rooms = [feed_room(actor.user_id)]
        else:
            rooms = [feed_room(actor.user_id, None, narrowed=True),
                     *(feed_room(actor.user_id, zone, narrowed=True) for zone in zones)]
        for room in rooms:
            await self.enter_room(sid, room)
        ack: dict[str, Any] = {"zones": zones}
        if payload.after is not None:
            page = await queries.replay(actor.user_id, payload.after, set(zones) if zones is not None else None,
                                        REPLAY_LIMIT)
            ack.update(items=page.items, next_cursor=page.next_cursor)
        return ack

    async def on_feed_unsubscribe(self, sid: str) -> dict[str, Any]:
        await self._leave_feed_rooms(sid)
        return {"zones": []}

    async def _leave_feed_rooms(self, sid: str) -> None:
        for room in self.rooms(sid):
            if isinstance(room, str) and room.startswith("feed:"):
                await self.leave_room(sid, room)


class FeedFanout:
    """Writes the feed items of each domain event (the `feed` subscription's handler) and,
    once they are committed, sends each to its recipient's subscribed `/feed` sockets with the
    sync cursor at which it is visible. Bound to the server's emitter once that exists."""

    def __init__(self, visible_cursor: Callable[[], Awaitable[str | None]]) -> None:
        self._emitter: RealtimeEmitter | None = None
        self._visible_cursor = visible_cursor

    def bind(self, emitter: RealtimeEmitter) -> None:
        self._emitter = emitter

    async def handle(self, envelope: Envelope, conn: BaseDBAsyncClient) -> None:
        body = envelope.body
        data = body.get("data")
        items = await writer.record(envelope.event_id, envelope.type, data if isinstance(data, dict) else {},
                                    body.get("actor_id"), conn)
        if not items:
            return
        deliveries = [(str(item.user_id), queries.wire(item)) for item in items]  # type: ignore[attr-defined]

        async def deliver() -> None:
            for item in items:
                FEED_ITEMS.labels(item.kind).inc()
            await self.deliver(deliveries)

        after_commit(deliver)

    async def deliver(self, deliveries: list[tuple[str, dict[str, Any]]]) -> None:
        if self._emitter is None:
            return
        cursor = await self._visible_cursor()
        for user_id, item in deliveries:
            rooms = [feed_room(user_id), feed_room(user_id, item["zone_id"], narrowed=True)]
            await self._emitter.emit_to_rooms(NAME, rooms, ITEM_EVENT, {"item": item, "cursor": cursor})
