"""`fieldsync dashboards rebuild`: recompute every rollup from the raw tables (bookings and their
transitions and crew, reviews, disputes, verification documents, memberships) and replace them
in one transaction, so a reader sees the old figures or the new, never a mix.

It uses the figures the reaction uses (figures.py), with one difference to know: a booking's
history counts for its crew now (a reassignment moves it), the reaction for the crew the event
named."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from domain.bookings.models import Assignment, Booking, Transition
from domain.dashboards import figures, store
from domain.dashboards.figures import Delta, Key
from domain.dashboards.models import DashboardCounter, DashboardCrew
from domain.dashboards.reactions import facts_of
from domain.disputes.models import Dispute
from domain.reviews.models import Review
from domain.shared.uow import unit_of_work
from domain.verification.models import VerificationDocument


@dataclass(frozen=True)
class Rollups:
    counters: dict[Key, int]  # non-zero only
    crew: set[tuple[UUID, UUID, bool]]  # organisation, serviceman, blocked

    def summary(self) -> str:
        return f"{len(self.counters)} counters, {len(self.crew)} crew"


async def compute(conn: Any = None) -> Rollups:
    """What the rollups should hold, from the raw tables alone."""
    deltas: list[Delta] = []
    steps = await Transition.filter(to_state__in=figures.BOOKING_STATES).using_db(conn).values(
        "booking_id", "to_state", "created_at")
    booking_ids = {step["booking_id"] for step in steps}
    bookings = {b.id: b for b in await Booking.filter(id__in=list(booking_ids)).using_db(conn)}
    crews: dict[UUID, list[str]] = {}
    for row in await Assignment.filter(booking_id__in=list(booking_ids)).using_db(conn).order_by(
            "-lead", "created_at").values("booking_id", "serviceman_id"):
        crews.setdefault(row["booking_id"], []).append(str(row["serviceman_id"]))
    for step in steps:
        booking = bookings[step["booking_id"]]
        deltas += figures.booking_deltas(step["to_state"], figures.day_of(step["created_at"]), facts_of(booking),
                                         crews.get(booking.id, []))
    deltas += await _reviews(conn)
    for dispute in await Dispute.all().using_db(conn).values("created_at", "organisation_id"):
        org = dispute["organisation_id"]
        deltas += figures.dispute_deltas(figures.day_of(dispute["created_at"]), str(org) if org else None)
    for doc in await VerificationDocument.all().using_db(conn).values("created_at", "decided_at"):
        deltas.append(figures.verification_delta(figures.day_of(doc["created_at"]), decided=False))
        if doc["decided_at"] is not None:
            deltas.append(figures.verification_delta(figures.day_of(doc["decided_at"]), decided=True))
    counters = {key: value for key, value in figures.fold(deltas).items() if value}
    crew = set(await store.crew_rows(conn, await store.org_crew(conn)))
    return Rollups(counters, crew)


async def _reviews(conn: Any) -> list[Delta]:
    found: list[Delta] = []
    reviews = await Review.filter(hidden=False).using_db(conn).values("booking_id", "author_id", "subject_id",
                                                                      "rating", "created_at")
    bookings = {row["id"]: row for row in await Booking.filter(
        id__in=list({r["booking_id"] for r in reviews})).using_db(conn).values("id", "customer_id", "organisation_id")}
    for review in reviews:
        booking = bookings.get(review["booking_id"])
        if booking is None or booking["customer_id"] != review["author_id"]:
            continue
        org = booking["organisation_id"]
        found += figures.review_deltas(figures.day_of(review["created_at"]), str(review["subject_id"]),
                                       str(org) if org else None, review["rating"], 1)
    return found


async def stored(conn: Any = None) -> Rollups:
    """What the rollups hold now (non-zero counters), in the shape `compute` returns."""
    counters: dict[Key, int] = {}
    for row in await DashboardCounter.all().using_db(conn).values(
            "scope", "subject", "member", "day", "metric", "currency", "value"):
        if row["value"]:
            key = (row["scope"], row["subject"], row["member"], row["day"], row["metric"], row["currency"])
            counters[key] = row["value"]
    crew = {(UUID(str(r["organisation_id"])), UUID(str(r["serviceman_id"])), bool(r["blocked"]))
            for r in await DashboardCrew.all().using_db(conn).values("organisation_id", "serviceman_id", "blocked")}
    return Rollups(counters, crew)


async def rebuild() -> Rollups:
    """Replace the rollups with a recomputation, in one unit of work."""
    async with unit_of_work() as uow:
        fresh = await compute(uow.connection)
        await DashboardCounter.all().using_db(uow.connection).delete()
        await store.add(uow, [Delta(scope, subject, day, metric, value, currency, member)
                              for (scope, subject, member, day, metric, currency), value in fresh.counters.items()])
        await store.refresh_crew(uow)
    return fresh
