"""The `feed` reaction (app/subscriptions.py): each event's feed items are written in the
handler's unit of work and, once committed and numbered (domain/feed/sequencer.py), handed to
the live feed (the `/feed` sockets, realtime/emitters.py), which sends them with the sync cursor
they are visible at.

In-process (a relay batch, PostgreSQL) `handle_batch` takes the batch at once: the booking
events' items read and written together (writer.record_many), the others one by one in their
place, and once committed one sequencer run, one read of the seqs and one live delivery."""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Sequence
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

    async def handle_batch(self, envelopes: Sequence[EventEnvelope], uow: UnitOfWork) -> None:
        """`handle` of each event, in order: runs of consecutive booking events at once (their
        recipients read and their items written in a few statements, `writer.record_many`), the
        other events through `handle` between them. Raises on any error (the bus then goes event
        by event)."""
        run: list[EventEnvelope] = []
        for envelope in envelopes:
            if not self.wants(envelope):
                continue
            if writer.batched(envelope.type):
                run.append(envelope)
                continue
            await self._record_run(run, uow)
            run = []
            await self.handle(envelope, uow)
        await self._record_run(run, uow)

    async def _record_run(self, run: list[EventEnvelope], uow: UnitOfWork) -> None:
        if not run:
            return
        found = await writer.record_many([(e.event_id, e.type, _data(e), e.body.get("actor_id")) for e in run],
                                         uow.connection)
        written = [(e.event_id, items) for e, items in zip(run, found, strict=True) if items]
        if written:
            uow.after_commit(lambda: self._deliver_many(written))

    async def _deliver_many(self, written: list[tuple[str, list[writer.NewItem]]]) -> None:
        """What `handle`'s delivery does for each event, once for all: one sequencer run, one
        read of the seqs, one live delivery (in seq order, each item with the cursor it is
        visible at)."""
        await self._sequencer.publish()
        seqs = await self._sequencer.seqs_of([(event_id, str(items[0].entity_id)) for event_id, items in written])
        published = []
        for event_id, items in written:
            for item in items:
                item.id = seqs.get((event_id, str(item.user_id)))
                if item.id is not None:
                    published.append(item)
        published.sort(key=lambda item: item.id or 0)
        for kind, count in Tally(item.kind for item in published).items():
            FEED_ITEMS.labels(kind).inc(count)
        await self._live.deliver([(str(item.user_id), queries.wire(item)) for item in published])


def _data(envelope: EventEnvelope) -> dict[str, Any]:
    data = envelope.body.get("data")
    return data if isinstance(data, dict) else {}
