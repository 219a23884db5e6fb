"""`fieldsync dashboards rebuild`: recompute every rollup from the raw tables (bookings and their
transitions and crew, reviews, disputes, verification documents, memberships) and replace them
in one transaction, so a reader sees the old figures or the new, never a mix.

It uses the figures the reaction uses (figures.py), with one difference to know: a booking's
history counts for its crew now (a reassignment moves it), the reaction for the crew the event
named.

Exact while the `dashboards` consumers keep running (with the in-process bus or Kafka): on
PostgreSQL the rebuild first takes the rollups' lock in EXCLUSIVE mode (store.py: it waits for
the reactions in flight to commit and holds new ones back), then reads everything in one
REPEATABLE READ snapshot taken after the lock. Every event in that snapshot is either handled
already (its inbox claim is visible: its effects are in what the rebuild replaces, and it is
counted again from the raw rows) or not yet: its raw rows are in the snapshot too (they commit
with its outbox row), so the rebuild counts it and writes its id to the watermark
(`dashboard_rebuild_skip`), in the same transaction, and the reaction drops it when it comes.
An event committed after the snapshot is in neither, and the reaction adds it to the new
figures. Reactions wait for the rebuild's commit (every reaction of the in-process bus does,
as the relay runs them in one transaction), so run it when a pause of that length is fine.

The watermark reaches back as far as the outbox keeps published rows (7 days): a consumer
lagging more than that would count those events twice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from domain.bookings.models import Assignment, Booking, Transition
from domain.dashboards import figures, store
from domain.dashboards.figures import Delta, Key
from domain.dashboards.models import DashboardCounter, DashboardCrew, DashboardRebuildSkip
from domain.dashboards.reactions import CONSUMER, COUNTED_EVENTS, facts_of
from domain.disputes.models import Dispute
from domain.reviews.models import Review
from domain.shared import sql
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


# Events of the snapshot that the consumer has not handled: the rebuild counts them, it must not.
_UNHANDLED = """
    SELECT o.event_id FROM outbox o
    WHERE o.stream = 'domain' AND o.type IN ({types})
      AND NOT EXISTS (SELECT 1 FROM processed_event p WHERE p.consumer = $1 AND p.event_id = o.event_id)"""


async def unhandled(conn: Any) -> list[UUID]:
    """The ids of the counted events in the outbox that the `dashboards` consumer has not handled."""
    types = sorted(COUNTED_EVENTS)
    query = _UNHANDLED.format(types=", ".join(f"${i}" for i in range(2, len(types) + 2)))  # placeholders only
    return [sql.as_uuid(row["event_id"]) for row in await sql.rows(conn, query, [CONSUMER, *types])]


async def rebuild() -> Rollups:
    """Replace the rollups with a recomputation, and the watermark with what it counted that the
    consumer has not handled yet, in one unit of work (see the module's docstring)."""
    async with unit_of_work() as uow:
        conn = uow.connection
        if sql.is_postgres(conn):
            # Neither statement takes the snapshot: the first read after the lock does.
            await conn.execute_script("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            await conn.execute_script(f"LOCK TABLE {store.LOCK_TABLE} IN EXCLUSIVE MODE")
        fresh = await compute(conn)
        counted = await unhandled(conn)
        await DashboardCounter.all().using_db(conn).delete()
        await store.add(uow, [Delta(scope, subject, day, metric, value, currency, member)
                              for (scope, subject, member, day, metric, currency), value in fresh.counters.items()])
        await store.refresh_crew(uow)
        await DashboardRebuildSkip.all().using_db(conn).delete()
        await DashboardRebuildSkip.bulk_create([DashboardRebuildSkip(event_id=event_id) for event_id in counted],
                                               batch_size=1000, using_db=conn)
    return fresh
