"""The `feed` reaction (app/subscriptions.py): each event's feed items are written in the
handler's unit of work and, once committed and numbered (domain/feed/sequencer.py), handed to
the live feed (the `/feed` sockets, realtime/emitters.py), which sends them with the sync cursor
they are visible at."""

from __future__ import annotations

from collections import Counter as Tally
from typing import Any, Protocol

from prometheus_client import Counter

from domain.feed import queries, writer
from domain.feed.sequencer import FeedSequencer
from domain.shared.events import EventEnvelope
from domain.shared.uow import UnitOfWork

FEED_ITEMS = Counter("fieldsync_feed_items_total", "Feed items written, by kind", ["kind"])

Delivery = tuple[str, dict[str, Any]]  # (recipient user id, the item as the wire has it)


class LiveFeed(Protocol):
    async def deliver(self, deliveries: list[Delivery]) -> None: ...


class FeedProjector:
    def __init__(self, live: LiveFeed, sequencer: FeedSequencer) -> None:
        self._live = live
        self._sequencer = sequencer

    @staticmethod
    def wants(envelope: EventEnvelope) -> bool:
        """The events `handle` acts on (the others pass it by without an inbox claim)."""
        return writer.acts_on(envelope.type)

    async def handle(self, envelope: EventEnvelope, uow: UnitOfWork) -> None:
        if not self.wants(envelope):
            return
        body = envelope.body
        data = body.get("data")
        items = await writer.record(envelope.event_id, envelope.type, data if isinstance(data, dict) else {},
                                    body.get("actor_id"), uow.connection)
        if not items:
            return
        event_id, entity_id = envelope.event_id, str(items[0].entity_id)

        async def deliver() -> None:
            if items[0].id is None:  # pending (PostgreSQL): numbered by a run after our commit
                await self._sequencer.publish()
                seqs = await self._sequencer.seqs(event_id, entity_id, (str(item.user_id) for item in items))
                for item in items:
                    item.id = seqs.get(str(item.user_id))
            published = sorted((item for item in items if item.id is not None), key=lambda item: item.id or 0)
            for kind, count in Tally(item.kind for item in published).items():
                FEED_ITEMS.labels(kind).inc(count)
            await self._live.deliver([(str(item.user_id), queries.wire(item)) for item in published])

        uow.after_commit(deliver)
