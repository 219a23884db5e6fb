"""The `feed` reaction (app/subscriptions.py): each event's feed items are written in the
handler's unit of work and, once committed and numbered (domain/feed/sequencer.py), handed to
the live feed (the `/feed` sockets, realtime/emitters.py), which sends them with the sync cursor
they are visible at.

In-process (a relay batch, PostgreSQL) `handle_batch` takes the batch at once: the booking
events' items read and written together (writer.record_many), the others one by one in their
place, and once committed one sequencer run (which returns the seqs it gave) and one live
delivery."""

from __future__ import annotations

import asyncio
from collections import Counter as Tally
from collections.abc import Awaitable, Sequence
from typing import Any, Protocol, TypeVar

from prometheus_client import Counter

from domain.feed import queries, writer
from domain.feed.sequencer import FeedSequencer
from domain.shared.events import EventEnvelope
from domain.shared.uow import UnitOfWork

FEED_ITEMS = Counter("fieldsync_feed_items_total", "Feed items written, by kind", ["kind"])

T = TypeVar("T")
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
            users = [str(item.user_id) for item in items]
            if items[0].id is None:  # pending (PostgreSQL): numbered by a run after our commit
                given, wires = await _built_while(self._sequencer.publish([event_id]), items)
                seqs = given.get(event_id, {})
                if len(seqs) < len(items):  # numbered elsewhere (another process, a replay): read them
                    seqs = await self._sequencer.seqs(event_id, entity_id, users)
                for item, user in zip(items, users, strict=True):
                    item.id = seqs.get(user)
            else:
                wires = queries.wire_all(items)
            await self._deliver_numbered(list(zip(items, users, wires, strict=True)))

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
        """What `handle`'s delivery does for each event, once for all: one sequencer run (its seqs
        returned; read only for events numbered elsewhere), one live delivery (in seq order, each
        item with the cursor it is visible at)."""
        every = [item for _, items in written for item in items]
        given, wires = await _built_while(self._sequencer.publish([event_id for event_id, _ in written]), every)
        missing = [(event_id, str(items[0].entity_id)) for event_id, items in written
                   if len(given.get(event_id, {})) < len(items)]  # numbered elsewhere: read them
        seqs = await self._sequencer.seqs_of(missing)
        numbered = []
        for event_id, items in written:
            for item in items:
                user = str(item.user_id)
                item.id = given.get(event_id, {}).get(user, seqs.get((event_id, user)))
                numbered.append((item, user))
        await self._deliver_numbered([(item, user, wire) for (item, user), wire in zip(numbered, wires, strict=True)])

    async def _deliver_numbered(self, found: list[tuple[writer.NewItem, str, dict[str, Any]]]) -> None:
        """The numbered items (an erased recipient's has no seq) to the live feed, in seq order,
        their wire dicts given their seq."""
        published = []
        for item, user, wire in found:
            if item.id is not None:
                wire["id"], wire["seq"] = str(item.id), item.id
                published.append((item.id, item.kind, user, wire))
        published.sort(key=lambda entry: entry[0])
        for kind, count in Tally(kind for _, kind, _, _ in published).items():
            FEED_ITEMS.labels(kind).inc(count)
        await self._live.deliver([(user, wire) for _, _, user, wire in published])


WIRE_CHUNK = 500  # items built between two turns of the event loop


async def _built_while(run: Awaitable[T], items: list[writer.NewItem]) -> tuple[T, list[dict[str, Any]]]:
    """`run`'s result (a sequencer run, in the database) and the items' wire dicts (without seqs
    yet), built while the run goes on: between chunks the loop hands the run its replies. Returns
    once both are done; the run's error, if any, is raised."""
    running = asyncio.ensure_future(run)
    wires: list[dict[str, Any]] = []
    for start in range(0, len(items), WIRE_CHUNK):
        await asyncio.sleep(0)
        wires += queries.wire_all(items[start:start + WIRE_CHUNK])
    return await running, wires


def _data(envelope: EventEnvelope) -> dict[str, Any]:
    data = envelope.body.get("data")
    return data if isinstance(data, dict) else {}
