"""The `feed` reaction (app/subscriptions.py): each event's feed items are written in the
handler's unit of work and, once committed, handed to the live feed (the `/feed` sockets,
realtime/emitters.py), which sends them with the sync cursor they are visible at."""

from __future__ import annotations

from typing import Any, Protocol

from prometheus_client import Counter

from domain.feed import queries, writer
from domain.shared.events import EventEnvelope
from domain.shared.uow import UnitOfWork

FEED_ITEMS = Counter("fieldsync_feed_items_total", "Feed items written, by kind", ["kind"])

Delivery = tuple[str, dict[str, Any]]  # (recipient user id, the item as the wire has it)


class LiveFeed(Protocol):
    async def deliver(self, deliveries: list[Delivery]) -> None: ...


class FeedProjector:
    def __init__(self, live: LiveFeed) -> None:
        self._live = live

    async def handle(self, envelope: EventEnvelope, uow: UnitOfWork) -> None:
        body = envelope.body
        data = body.get("data")
        items = await writer.record(envelope.event_id, envelope.type, data if isinstance(data, dict) else {},
                                    body.get("actor_id"), uow.connection)
        if not items:
            return
        deliveries = [(str(item.user_id), queries.wire(item)) for item in items]
        kinds = [item.kind for item in items]

        async def deliver() -> None:
            for kind in kinds:
                FEED_ITEMS.labels(kind).inc()
            await self._live.deliver(deliveries)

        uow.after_commit(deliver)
