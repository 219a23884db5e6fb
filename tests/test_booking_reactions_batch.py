"""Issue 19 (push throughput): the reactions to booking events take a relay batch at once
(in-process bus, PostgreSQL: the feed's, the dashboards' and the payments' batch handlers, the
notifier's batch reading every booking's parties together). Each must leave exactly what its
handler leaves event by event: the same feed items, the same counters, the same notifications
and pushes. Both paths run over the same real events, each in a transaction read and then
rolled back, so they start from the same state."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bus import Envelope
from domain.dashboards import reactions as dashboards
from domain.feed.projector import FeedProjector
from domain.feed.sequencer import FeedSequencer
from domain.finance.cases.services import PaymentCases
from domain.shared import sql
from domain.shared.outbox import OutboxEvent
from domain.shared.uow import UnitOfWork, unit_of_work, within
from push.notifier import Notifier
from tests.support.bookings import act, book, build_market, iso, ok, slot
from tests.support.bus import pending_ids
from tests.support.notifications import register_device
from tests.support.waiting import wait_until


class _Undo(Exception):
    """Rolls the path's transaction back once its effects were read."""


class _NoLive:
    async def deliver(self, deliveries: list[Any]) -> None:
        raise AssertionError("nothing is delivered from a transaction that rolls back")


FEED = """
SELECT r.user_id::text, p.event_id::text, r.kind, p.entity_type, p.entity_id::text, p.zone_id::text, p.category_id,
       p.amount, p.currency, p.summary::text, r.rank, (r.factors - 'recency')::text AS factors
FROM feed_event_pending AS p
CROSS JOIN LATERAL unnest(p.user_ids, p.kinds, p.ranks, p.factors) WITH ORDINALITY AS r(user_id, kind, rank, factors, n)
WHERE p.event_id = ANY($1::uuid[]) ORDER BY p.id, r.n"""  # the pending items, one row per recipient
COUNTERS = "SELECT scope, subject, member, day, metric, currency, value FROM dashboard_counter " \
           "ORDER BY scope, subject, member, day, metric, currency"
NOTIFICATIONS = """
SELECT user_id::text, kind, category, title, body, entity_type, entity_id, collapse_key, count, data::text
FROM notification WHERE user_id = ANY($1::uuid[])
ORDER BY user_id, entity_id, kind, title, body"""
PUSHES = """
SELECT user_id::text, kind, category, title, body, collapse_key, data::text, notification_id IS NOT NULL AS linked
FROM push_jobs WHERE user_id = ANY($1::uuid[])
ORDER BY user_id, collapse_key, kind, title, body"""


async def _effects(run: Callable[[UnitOfWork], Awaitable[None]], read: str, args: list[Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    try:
        async with unit_of_work() as uow:
            await run(uow)
            found = [dict(row) for row in await sql.rows(uow.connection, read, args)]
            raise _Undo
    except _Undo:
        pass
    return found


def _one_by_one(handler: Callable[[Any, UnitOfWork], Awaitable[None]], envelopes: list[Envelope]
                ) -> Callable[[UnitOfWork], Awaitable[None]]:
    async def run(uow: UnitOfWork) -> None:
        for envelope in envelopes:  # as bus/dedupe.handle_batch goes without a batch handler
            async with within(uow) as inner:
                await handler(envelope, inner)
    return run


async def _booking_events(client: Any) -> tuple[Any, list[Envelope]]:
    """A market's booking events: requested, accepted (two crews), declined, cancelled, and the
    steps of a completed booking, relayed and handled by the app's own reactions."""
    m = await build_market(client)
    ana, ben = m.crew
    start = (await OutboxEvent.all().order_by("-id").first())
    first_id = start.id if start else 0
    for hours, lead, action in ((40, ana, "accept"), (42, ben, "accept"), (44, ana, "decline")):
        booking = await ok(await book(client, m, serviceman_ids=[lead.id], start=iso(slot(hours))), 201)
        await ok(await act(client, lead, booking, action))
    cancelled = await ok(await book(client, m, serviceman_ids=[ben.id], start=iso(slot(46))), 201)
    await ok(await act(client, m.customer, cancelled, "cancel"))
    done = await ok(await book(client, m, serviceman_ids=[ana.id, ben.id], start=iso(slot(48))), 201)
    for action in ("accept", "schedule", "start", "complete"):
        done = await ok(await act(client, ana, done, action))

    async def drained() -> bool:
        return not await pending_ids()

    await wait_until(drained)
    rows = await OutboxEvent.filter(id__gt=first_id, stream="domain", type__startswith="booking.").order_by("id")
    envelopes = [Envelope(str(r.event_id), r.stream, r.type, r.key, r.body) for r in rows]
    kinds = {e.type for e in envelopes}
    assert {"booking.requested", "booking.accepted", "booking.declined", "booking.cancelled",
            "booking.completed"} <= kinds, kinds
    return m, envelopes


async def test_a_relay_batch_of_booking_events_has_the_effects_of_its_events_one_by_one(client):
    m, envelopes = await _booking_events(client)
    await register_device(client, m.provider)  # the owner's pushes too
    events = [e.event_id for e in envelopes]
    users = [m.customer.id, m.provider.id, *(member.id for member in m.crew)]

    feed = FeedProjector(_NoLive(), FeedSequencer())
    alone = await _effects(_one_by_one(feed.handle, envelopes), FEED, [events])
    together = await _effects(lambda uow: feed.handle_batch(envelopes, uow), FEED, [events])
    assert together == alone
    assert len(alone) >= 2 * len(envelopes)  # the customer or the crew, and the provider's owner, hear of each

    alone = await _effects(_one_by_one(dashboards.on_event, envelopes), COUNTERS, [])
    together = await _effects(lambda uow: dashboards.on_events(envelopes, uow), COUNTERS, [])
    before = await _effects(lambda uow: _nothing(), COUNTERS, [])
    assert together == alone != before

    notifier = Notifier()
    for read in (NOTIFICATIONS, PUSHES):
        alone = await _effects(_one_by_one(notifier.handle, envelopes), read, [users])
        together = await _effects(lambda uow: notifier.handle_batch(envelopes, uow), read, [users])
        before = await _effects(lambda uow: _nothing(), read, [users])
        assert together == alone
        assert len(alone) > len(before)


async def test_the_payments_batch_hands_on_only_the_events_of_bookings_with_a_case(client, monkeypatch):
    """No checkout here: no booking has a payment case, so the batch (one read) hands on nothing,
    as `on_booking_event` of each would have found no case and returned."""
    _, envelopes = await _booking_events(client)
    called: list[str] = []

    async def recorded(self: PaymentCases, envelope: Envelope, uow: UnitOfWork) -> None:
        called.append(envelope.event_id)

    monkeypatch.setattr(PaymentCases, "on_booking_event", recorded)
    payments = PaymentCases.__new__(PaymentCases)  # `on_booking_events` needs no collaborator
    async with unit_of_work() as uow:
        await payments.on_booking_events(envelopes, uow)
    assert called == []


async def _nothing() -> None:
    return None
