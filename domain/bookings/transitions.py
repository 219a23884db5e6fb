"""Moving a booking through its state machine, changing its crew, expiring stale requests.

Every change is a compare-and-set on `version` (a stale or concurrent write gets 409),
records a Transition (who, in which role, when) and a domain event in one transaction.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from domain.access.policy import Permission, authorize
from domain.accounts.models import Membership
from domain.bookings import events, readahead, verified
from domain.bookings.models import Assignment, Booking, BookingState, Transition
from domain.bookings.parties import parties_of
from domain.bookings.states import (
    ASSIGNABLE,
    EVENT_TYPES,
    RECORDED_ROLE,
    TERMINAL,
    Action,
    Decision,
    Party,
    decide,
)
from domain.bookings.views import BookingView, crew_of, view_of
from domain.bookings.windows import Window, booking_duration, invalid, next_window, window_at
from domain.catalog.models import Service
from domain.profiles.models import ServicemanProfile
from domain.scheduling import services as scheduling
from domain.shared import sql
from domain.shared.clock import isoformat, utcnow
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, DomainError, NotFound
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork, unit_of_work

# Rows one sweep expires at most; the next sweep takes the rest.
EXPIRY_BATCH = 200

# Checks a higher context plugs in before a booking is accepted (payments: "the customer has
# paid"); each raises a DomainError to refuse. Bookings never import them (no cycle).
AcceptGuard = Callable[[Booking], Awaitable[None]]
_accept_guards: list[AcceptGuard] = []


def guard_accept(check: AcceptGuard) -> Callable[[], None]:
    """Register a check run before every acceptance; returns a function that removes it."""
    _accept_guards.append(check)
    return lambda: _accept_guards.remove(check)


async def load(booking_id: str) -> Booking | None:
    uid = as_uuid(booking_id)
    return await Booking.get_or_none(id=uid) if uid else None


@dataclass(frozen=True)
class _Checked:
    """A booking action that passed every check, ready for its compare-and-set."""

    booking: Booking
    crew: list[Assignment]
    parties: frozenset[Party]
    decision: Decision


async def _check(actor: Actor, booking_id: str, action: Action, version: int, start: datetime | None) -> _Checked:
    """Every check of the action, in `transition`'s order; reads only, writes nothing."""
    if action is Action.EXPIRE:
        raise Conflict("Only the system expires bookings.", reason=ConflictReason.NOT_ALLOWED)
    uid = as_uuid(booking_id)
    ahead = readahead.take(actor, uid) if uid else None  # a push batch read its bookings at once
    booking, crew = ahead if ahead else (await load(booking_id), None)
    # Crew and parties are read once for the policy, the decision and the view (parties_of
    # remembers them on the row); reading them first reveals nothing: authorize answers next.
    if crew is None:
        crew = await crew_of(booking) if booking is not None else []
    parties = await parties_of(actor, booking, crew) if booking is not None else frozenset()
    await authorize(actor, Permission.BOOKING_TRANSITION, booking)
    if booking is None:
        raise NotFound()
    decision = decide(booking.state, action, parties)
    if start is not None and action is not Action.SCHEDULE:
        raise invalid("start", "only scheduling sets a start")
    if booking.version != version:
        raise Conflict("The booking changed since you read it.", details={"version": booking.version},
                       reason=ConflictReason.STALE_VERSION)
    if action is Action.ACCEPT:
        for check in list(_accept_guards):
            await check(booking)
    return _Checked(booking, crew, parties, decision)


async def transition(actor: Actor, booking_id: str, action: Action, version: int, *,
                     start: datetime | None = None, reason: str = "", history: bool = True) -> BookingView:
    """The action on the booking, as the caller's view (`history=False`: without the list of
    transitions, for a caller that answers with the row alone: an offline push). It writes
    nothing before its one unit of work opens (sync/mutations.py relies on it)."""
    checked = await _check(actor, booking_id, action, version, start)
    booking, crew = checked.booking, checked.crew
    updates: dict[str, Any] = {}
    window = await _new_window(booking, start) if action is Action.SCHEDULE else None
    if window is not None:
        updates = {"scheduled_start": window.start, "scheduled_end": window.end}
    # Without a new window `apply` refuses only when its compare-and-set matched nothing (then it
    # wrote nothing): an offline push needs no savepoint around it (domain/shared/uow.py).
    async with unit_of_work(single_write=window is None) as uow:
        booking = await apply(uow, booking, checked.decision, actor.user_id, [a.serviceman_id for a in crew],
                              updates=updates, reason=reason)
        if window is not None:
            await _reclaim(uow.connection, booking, crew, window)
    return await view_of(booking, actor, crew=crew, parties=checked.parties, history=history)


@dataclass(frozen=True)
class Request:
    """One action of `transition_many`."""

    booking_id: str
    action: Action
    version: int
    reason: str = ""


async def transition_many(actor: Actor, requests: list[Request]) -> list[Booking | DomainError]:
    """Actions of one actor on distinct bookings, none of them scheduling (an offline push's run
    of booking actions), each with its own answer: the booking as it moved, or the error
    `transition` would have raised for it. In two phases: every request's checks first (they
    only read: a refused one writes nothing), then the compare-and-sets of the rest in one
    statement (one round trip instead of one each), then each moved booking's event in request
    order; a booking that moved on meanwhile gets its own conflict. The bookings must be
    distinct: no check may depend on an earlier request's write."""
    if len({r.booking_id for r in requests}) != len(requests) or any(r.action is Action.SCHEDULE for r in requests):
        raise ValueError("transition_many takes non-scheduling actions on distinct bookings")
    answers: list[Booking | DomainError | _Checked] = []
    for request in requests:
        try:
            answers.append(await _check(actor, request.booking_id, request.action, request.version, None))
        except DomainError as error:
            answers.append(error)
    moving = [(index, answer) for index, answer in enumerate(answers) if isinstance(answer, _Checked)]
    if moving:
        # Refusals past the checks write nothing (a move that matched no row): no savepoint needed.
        async with unit_of_work(single_write=True) as uow:
            now = utcnow()
            fresh = await _compare_and_set_many(uow.connection, [(c, requests[i].reason) for i, c in moving],
                                                actor.user_id, now)
            for index, checked in moving:
                moved = fresh.get(checked.booking.id)
                if moved is None:
                    answers[index] = Conflict("The booking changed since you read it.",
                                              reason=ConflictReason.STALE_VERSION)
                    continue
                await _after_move(uow, checked.booking.state, moved, checked.decision, actor.user_id,
                                  [a.serviceman_id for a in checked.crew], {}, requests[index].reason)
                answers[index] = moved
    return [answer for answer in answers if not isinstance(answer, _Checked)]


async def apply(uow: UnitOfWork, booking: Booking, decision: Decision, actor_id: str | None,
                crew_ids: list[UUID], *, updates: dict[str, Any] | None = None, reason: str = "") -> Booking:
    """The compare-and-set and everything that goes with it, in the caller's transaction."""
    before = booking.state
    fresh = await _compare_and_set(uow.connection, booking, decision, actor_id, updates or {}, reason)
    if fresh is None:
        raise Conflict("The booking changed since you read it.", reason=ConflictReason.STALE_VERSION)
    await _after_move(uow, before, fresh, decision, actor_id, crew_ids, updates or {}, reason)
    return fresh


async def _after_move(uow: UnitOfWork, before: BookingState, fresh: Booking, decision: Decision,
                      actor_id: str | None, crew_ids: list[UUID], updates: dict[str, Any], reason: str) -> None:
    """What goes with a booking's compare-and-set once it moved: slots, counts and its event."""
    conn = uow.connection
    if decision.to in TERMINAL:  # cancelled, declined, expired, and completed work frees the rest
        await scheduling.release_slots(conn, fresh.id)
    if decision.to is BookingState.COMPLETED:
        await _count_completed(conn, crew_ids)
    extra: dict[str, Any] = {"from_state": before.value}
    if reason:
        extra["reason"] = reason
    if updates and fresh.scheduled_start:
        extra["scheduled_start"] = isoformat(fresh.scheduled_start)
    await events.emit(uow, EVENT_TYPES[decision.to], fresh, actor_id, [str(c) for c in crew_ids], **extra)


@cache
def _changes_sql(names: tuple[str, ...]) -> str:
    """The compare-and-set, its transition row and the row as it is now, in one statement."""
    unknown = set(names) - set(sql.columns(Booking))
    if unknown:
        raise ValueError(f"not booking columns: {sorted(unknown)}")
    sets = ", ".join(f'"{name}" = ${number}' for number, name in enumerate(names, start=1))
    n = len(names)
    # `state IS NOT DISTINCT FROM` (never NULL: the same test as `=`) keeps a generic plan on the
    # primary key instead of the state index (domain/finance/cases/rows.py).
    return (f"WITH changed AS (UPDATE booking SET {sets} WHERE id = ${n + 1} AND version = ${n + 2} "  # noqa: S608 - column names checked above
            f"AND state IS NOT DISTINCT FROM ${n + 3} RETURNING *), "
            "logged AS (INSERT INTO booking_transition (booking_id, from_state, to_state, actor_id, actor_role, "
            f"reason, created_at) SELECT id, ${n + 3}, $1, ${n + 4}::uuid, ${n + 5}, ${n + 6}, ${n + 7} FROM changed) "
            "SELECT * FROM changed")


async def _compare_and_set(conn: BaseDBAsyncClient, booking: Booking, decision: Decision, actor_id: str | None,
                           updates: dict[str, Any], reason: str) -> Booking | None:
    """Move the booking if it is still at the version and state it was read at, and record the
    transition: the row as it is now, or None when it had moved on. One round trip on
    PostgreSQL (a data-modifying WITH), three elsewhere."""
    before, version, now = booking.state, booking.version, utcnow()
    role = RECORDED_ROLE[decision.acting_as]
    if not sql.is_postgres(conn):
        changed = await Booking.filter(id=booking.id, version=version, state=before).using_db(conn).update(
            state=decision.to, version=version + 1, updated_at=now, **updates
        )
        if not changed:
            return None
        await Transition.create(booking_id=booking.id, from_state=before.value, to_state=decision.to.value,
                                actor_id=actor_id, actor_role=role, reason=reason, using_db=conn)
        return await Booking.get(id=booking.id, using_db=conn)
    values = {"state": decision.to.value, "version": version + 1, "updated_at": now, **updates}
    found = await sql.rows(conn, _changes_sql(tuple(values)),
                           [*values.values(), booking.id, version, before.value,
                            as_uuid(actor_id) if actor_id else None, role, reason, now])
    return Booking._init_from_db(**found[0]) if found else None


# The compare-and-sets of several bookings ($1 ids, $2 versions read, $3 states read, $4 states
# to, $5 recorded roles, $6 reasons) and their transition rows, in one statement: the rows that
# moved, as they are now. Transitions are logged in request order (`ord`). The rows are locked
# first, in id order (`locked`, never inlined: it has FOR UPDATE; the UPDATE reaches a row only
# through it), so two pushes naming the same bookings cannot deadlock on a plan's visiting order.
CHANGES_MANY_SQL = """
WITH moves AS (
    SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
        WITH ORDINALITY AS m(id, version, from_state, to_state, actor_role, reason, ord)
), locked AS (
    SELECT b.id FROM booking b WHERE b.id = ANY($1::uuid[]) ORDER BY b.id FOR UPDATE
), changed AS (
    UPDATE booking b SET state = m.to_state, version = m.version + 1, updated_at = $7
    FROM moves m JOIN locked l ON l.id = m.id
    WHERE b.id = m.id AND b.version = m.version AND b.state = m.from_state
    RETURNING b.*
), logged AS (
    INSERT INTO booking_transition (booking_id, from_state, to_state, actor_id, actor_role, reason, created_at)
    SELECT m.id, m.from_state, m.to_state, $8::uuid, m.actor_role, m.reason, $7
    FROM moves m JOIN changed c ON c.id = m.id ORDER BY m.ord
)
SELECT * FROM changed
"""


async def _compare_and_set_many(conn: BaseDBAsyncClient, moves: list[tuple[_Checked, str]], actor_id: str | None,
                                now: datetime) -> dict[UUID, Booking]:
    """Each checked booking moved if it is still at the version and state it was read at, with
    its transition recorded: the ones that moved, as they are now, by id. One round trip on
    PostgreSQL; elsewhere one `_compare_and_set` each."""
    if not sql.is_postgres(conn):
        moved = [await _compare_and_set(conn, c.booking, c.decision, actor_id, {}, reason) for c, reason in moves]
        return {booking.id: booking for booking in moved if booking is not None}
    found = await sql.rows(conn, CHANGES_MANY_SQL, [
        [c.booking.id for c, _ in moves], [c.booking.version for c, _ in moves],
        [c.booking.state.value for c, _ in moves], [c.decision.to.value for c, _ in moves],
        [RECORDED_ROLE[c.decision.acting_as] for c, _ in moves], [reason for _, reason in moves],
        now, as_uuid(actor_id) if actor_id else None])
    return {row["id"]: Booking._init_from_db(**row) for row in found}


async def assign(actor: Actor, booking_id: str, serviceman_ids: list[str], version: int) -> BookingView:
    """A provider manager sets the crew (the first one leads); slots move with it."""
    booking = await load(booking_id)
    await authorize(actor, Permission.BOOKING_ASSIGN, booking)
    if booking is None:
        raise NotFound()
    if booking.state not in ASSIGNABLE:
        raise Conflict(f"A {booking.state.value} booking's crew cannot change.",
                       reason=ConflictReason.INVALID_TRANSITION)
    org_id = booking.organisation_id
    if org_id is None:
        raise Conflict("This booking has no provider organisation to assign crew from.",
                       reason=ConflictReason.NOT_ALLOWED)
    if booking.version != version:
        raise Conflict("The booking changed since you read it.", details={"version": booking.version},
                       reason=ConflictReason.STALE_VERSION)
    crew = await _org_crew(org_id, serviceman_ids)
    await verified.require_verified_crew(await verified.category_of(booking), crew)
    async with unit_of_work() as uow:
        conn = uow.connection
        changed = await Booking.filter(id=booking.id, version=version).using_db(conn).update(
            version=version + 1, updated_at=utcnow()
        )
        if not changed:
            raise Conflict("The booking changed since you read it.", reason=ConflictReason.STALE_VERSION)
        before = await Assignment.filter(booking_id=booking.id).using_db(conn).values_list("serviceman_id", flat=True)
        removed = [str(u) for u in before if u not in crew]  # they leave its conversation (domain/messaging/crew.py)
        await Assignment.filter(booking_id=booking.id).using_db(conn).delete()
        for index, user_id in enumerate(crew):
            await Assignment.create(booking_id=booking.id, serviceman_id=user_id, lead=index == 0, using_db=conn)
        await scheduling.release_slots(conn, booking.id)
        if booking.scheduled_start and booking.scheduled_end:
            for user_id in crew:
                await scheduling.claim_slots(conn, user_id, booking.id, booking.scheduled_start, booking.scheduled_end)
        booking = await Booking.get(id=booking.id, using_db=conn)
        await events.emit(uow, "booking.assigned", booking, actor.user_id, [str(c) for c in crew],
                          removed_serviceman_ids=removed)
    return await view_of(booking, actor)


async def expire_overdue(now: datetime | None = None) -> int:
    """Expire requested bookings nobody accepted in time; return how many. Safe to run on
    every replica at once: the compare-and-set lets one of them win each booking."""
    now = now or utcnow()
    overdue = await Booking.filter(state=BookingState.REQUESTED, expires_at__lte=now).order_by("expires_at").limit(
        EXPIRY_BATCH
    )
    expired = 0
    for booking in overdue:
        crew = [row["serviceman_id"] for row in await Assignment.filter(booking_id=booking.id).values("serviceman_id")]
        try:
            async with unit_of_work() as uow:
                await apply(uow, booking, Decision(BookingState.EXPIRED, Party.SYSTEM), None,
                            crew, reason="not accepted in time")
        except Conflict:
            continue  # accepted or cancelled meanwhile
        expired += 1
    return expired


async def _new_window(booking: Booking, start: datetime | None) -> Window:
    now = utcnow()
    service_minutes = None
    service_id = booking.service_id
    if service_id is not None:
        service = await Service.get_or_none(id=service_id)
        service_minutes = service.duration_minutes if service is not None else None
    # The job a bid booking came from, through the relation: bookings never import jobs/
    # (jobs/ builds on bookings/).
    job = None
    if booking.job_id:
        await booking.fetch_related("job")
        job = booking.job
    duration = booking_duration(booking, service_minutes, job)
    if start is not None:
        return window_at(start, duration, now)
    if booking.scheduled_start is not None and booking.scheduled_end is not None:
        return Window(booking.scheduled_start, booking.scheduled_end)  # confirming the agreed time
    return next_window(duration, now)


async def _reclaim(conn: BaseDBAsyncClient, booking: Booking, crew: list[Assignment], window: Window) -> None:
    await scheduling.release_slots(conn, booking.id)
    for assignment in crew:
        await scheduling.claim_slots(conn, assignment.serviceman_id, booking.id,
                                     window.start, window.end)


async def _count_completed(conn: BaseDBAsyncClient, crew_ids: list[UUID]) -> None:
    for user_id in crew_ids:
        await ServicemanProfile.get_or_create(user_id=user_id, using_db=conn)
        await ServicemanProfile.filter(user_id=user_id).using_db(conn).update(
            completed_jobs=F("completed_jobs") + 1, version=F("version") + 1
        )


async def _org_crew(org_id: object, serviceman_ids: list[str]) -> list[UUID]:
    crew: list[UUID] = []
    for value in dict.fromkeys(serviceman_ids):
        uid = as_uuid(value)
        if uid is None or not await Membership.exists(organisation_id=org_id, user_id=uid):
            raise invalid("serviceman_ids", f"{value} is not a serviceman of this provider")
        crew.append(uid)
    return crew
