"""The reaction that keeps the rollups (app/subscriptions.py: consumer `dashboards` on the
`domain` stream, `dashboards-crew` on `audit`). Each event reads its own raw row (indexed, by
id) for the day and the figures it adds, at write time; the counters commit with the inbox
claim, so a redelivered event adds nothing twice; an event the last rebuild already counted
(its watermark, store.counted_by_rebuild) adds nothing at all.

In-process (a relay batch, PostgreSQL) `on_events` takes the batch at once: one lock and one
watermark statement, the booking events' rows read together, and every counter of the batch
added in one statement."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from domain.bookings.models import Booking, Transition
from domain.dashboards import figures, store
from domain.dashboards.figures import BookingFacts, Delta
from domain.disputes import events as dispute_events
from domain.disputes.models import Dispute
from domain.reviews.models import Review
from domain.shared.events import EventEnvelope
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork
from domain.verification import events as verification_events
from domain.verification.models import VerificationDocument

CONSUMER = "dashboards"  # the inbox key and Kafka group: never rename
CREW_CONSUMER = "dashboards-crew"  # the same, for the audit stream (crew joining)

# What changes whether a serviceman is blocked by verification, or who is in a crew.
_CREW_EVENTS = frozenset({verification_events.APPROVED, verification_events.REJECTED, verification_events.LAPSED,
                          "serviceman_profile.updated"})


def facts_of(booking: Booking) -> BookingFacts:
    org = booking.organisation_id
    return BookingFacts(organisation_id=str(org) if org else None, currency=booking.currency,
                        total=booking.total_amount, commission=booking.commission_amount,
                        payees=figures.payee_shares(booking.pricing))


# The domain events whose effects the rollups hold (a rebuild's watermark lists those it counted).
COUNTED_EVENTS = frozenset({*figures.BOOKING_EVENTS, "review.posted", "review.hidden", dispute_events.OPENED,
                            verification_events.SUBMITTED, verification_events.APPROVED,
                            verification_events.REJECTED, verification_events.LAPSED,
                            verification_events.REQUIREMENTS_CHANGED, "membership.ended", *_CREW_EVENTS})


def wants(envelope: EventEnvelope) -> bool:
    """The events `on_event` acts on (the others pass it by without an inbox claim)."""
    return envelope.type in COUNTED_EVENTS


def wants_audit(envelope: EventEnvelope) -> bool:
    """The audit events `on_audit` acts on."""
    return envelope.type == "audit.org.member.accept"


async def on_event(envelope: EventEnvelope, uow: UnitOfWork) -> None:
    if not wants(envelope) or await store.counted_by_rebuild(uow, envelope.event_id):
        return
    data: dict[str, Any] = envelope.body.get("data") or {}
    kind = envelope.type
    deltas: list[Delta] = []
    if kind in figures.BOOKING_EVENTS:
        deltas = await _booking(uow, figures.BOOKING_EVENTS[kind], data)
    else:
        deltas = await _other(uow, kind, data)
    if deltas:
        await store.add(uow, deltas)
    await _crew(uow, kind, data, str(envelope.body.get("subject") or ""))


async def on_events(envelopes: Sequence[EventEnvelope], uow: UnitOfWork) -> None:
    """`on_event` of each event (a relay batch), at once: the rollups' lock and the rebuild's
    watermark in one statement each, the booking events' bookings and transitions in one each,
    and every counter the batch changes in one upsert (store.add_each: the keys `on_event` one
    by one would write, with the same sums). Raises on any error (the bus then goes one by one)."""
    wanted = [e for e in envelopes if wants(e)]
    if not wanted:
        return
    counted = await store.counted_by_rebuild_many(uow, [e.event_id for e in wanted])
    fresh = [e for e in wanted if e.event_id not in counted]
    booked = [e for e in fresh if e.type in figures.BOOKING_EVENTS]
    per_event = dict(zip((e.event_id for e in booked), await _bookings(uow, booked), strict=True))
    for envelope in fresh:
        if envelope.event_id not in per_event:
            per_event[envelope.event_id] = await _other(uow, envelope.type, envelope.body.get("data") or {})
    await store.add_each(uow, [per_event[e.event_id] for e in fresh])
    for envelope in fresh:
        await _crew(uow, envelope.type, envelope.body.get("data") or {}, str(envelope.body.get("subject") or ""))


async def _other(uow: UnitOfWork, kind: str, data: dict[str, Any]) -> list[Delta]:
    """The deltas of an event other than a booking's."""
    deltas: list[Delta] = []
    if kind in ("review.posted", "review.hidden"):
        deltas = await _review(uow, data, sign=1 if kind == "review.posted" else -1)
    elif kind == dispute_events.OPENED:
        deltas = await _dispute(uow, data)
    elif kind in (verification_events.SUBMITTED, verification_events.APPROVED, verification_events.REJECTED):
        deltas = await _verification(uow, data, decided=kind != verification_events.SUBMITTED)
    return deltas


async def on_audit(envelope: EventEnvelope, uow: UnitOfWork) -> None:
    """A serviceman accepted an invitation: the organisation's crew changed."""
    if wants_audit(envelope) and not await store.counted_by_rebuild(uow, envelope.event_id):
        org = as_uuid(envelope.body.get("subject"))
        if org is not None:
            await store.refresh_crew(uow, [org])


async def _booking(uow: UnitOfWork, state: str, data: dict[str, Any]) -> list[Delta]:
    conn = uow.connection
    booking_id = as_uuid(data.get("booking_id"))
    booking = await Booking.get_or_none(id=booking_id, using_db=conn) if booking_id else None
    step = await Transition.filter(booking_id=booking_id, to_state=state).using_db(conn).order_by("-id").first()
    if booking is None or step is None:
        return []
    return figures.booking_deltas(state, figures.day_of(step.created_at), facts_of(booking),
                                  [str(s) for s in data.get("serviceman_ids") or []])


async def _bookings(uow: UnitOfWork, envelopes: list[EventEnvelope]) -> list[list[Delta]]:
    """`_booking` of each booking event, with one read of the bookings and one of their
    transitions to the states named (the newest of each, as `_booking` takes)."""
    if not envelopes:
        return []
    conn = uow.connection
    ids = [as_uuid((e.body.get("data") or {}).get("booking_id")) for e in envelopes]
    wanted = sorted({uid for uid in ids if uid}, key=str)
    states = sorted({figures.BOOKING_EVENTS[e.type] for e in envelopes})
    bookings = {b.id: b for b in await Booking.filter(id__in=wanted).using_db(conn)} if wanted else {}
    newest: dict[tuple[str, str], Any] = {}
    if wanted:
        for row in await Transition.filter(booking_id__in=wanted, to_state__in=states).using_db(conn).order_by(
                "id").values("booking_id", "to_state", "created_at"):
            newest[(str(row["booking_id"]), row["to_state"])] = row["created_at"]
    found: list[list[Delta]] = []
    for envelope, uid in zip(envelopes, ids, strict=True):
        state = figures.BOOKING_EVENTS[envelope.type]
        booking = bookings.get(uid) if uid else None
        moment = newest.get((str(uid), state))
        if booking is None or moment is None:
            found.append([])
            continue
        data = envelope.body.get("data") or {}
        found.append(figures.booking_deltas(state, figures.day_of(moment), facts_of(booking),
                                            [str(s) for s in data.get("serviceman_ids") or []]))
    return found


async def _review(uow: UnitOfWork, data: dict[str, Any], sign: int) -> list[Delta]:
    review_id = as_uuid(data.get("review_id"))
    review = await Review.get_or_none(id=review_id, using_db=uow.connection) if review_id else None
    if review is None:
        return []
    booking = await Booking.get_or_none(id=review.booking_id, using_db=uow.connection)
    if booking is None or booking.customer_id != review.author_id:  # only customers rate the crew
        return []
    org = booking.organisation_id
    return figures.review_deltas(figures.day_of(review.created_at), str(review.subject_id),
                                 str(org) if org else None, review.rating, sign)


async def _dispute(uow: UnitOfWork, data: dict[str, Any]) -> list[Delta]:
    dispute_id = as_uuid(data.get("dispute_id"))
    dispute = await Dispute.get_or_none(id=dispute_id, using_db=uow.connection) if dispute_id else None
    if dispute is None:
        return []
    org = dispute.organisation_id
    return figures.dispute_deltas(figures.day_of(dispute.created_at), str(org) if org else None)


async def _verification(uow: UnitOfWork, data: dict[str, Any], decided: bool) -> list[Delta]:
    doc_id = as_uuid(data.get("document_id"))
    doc = await VerificationDocument.get_or_none(id=doc_id, using_db=uow.connection) if doc_id else None
    if doc is None:
        return []
    moment = doc.decided_at if decided else doc.created_at
    return [figures.verification_delta(figures.day_of(moment), decided)] if moment is not None else []


async def _crew(uow: UnitOfWork, kind: str, data: dict[str, Any], subject: str) -> None:
    if kind == "membership.ended":
        org = as_uuid(data.get("organisation_id") or subject)
        if org is not None:
            await store.refresh_crew(uow, [org])
    elif kind == verification_events.REQUIREMENTS_CHANGED:
        await store.refresh_crew(uow)  # any crew of that category's trades: rare, admin-made
    elif kind in _CREW_EVENTS:
        user = data.get("owner_id") or data.get("user_id")
        orgs = await store.orgs_of(uow.connection, user) if as_uuid(user) else []
        if orgs:
            await store.refresh_crew(uow, orgs)
