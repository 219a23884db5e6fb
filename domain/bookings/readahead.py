"""Reading ahead for a batch of booking actions by one actor (an offline push): the bookings
the batch names, their crews and whether the actor manages each one's organisation, in two
statements for the whole batch instead of three for each action.

    async with read_ahead(actor, booking_ids):
        for each action: await transitions.transition(actor, booking_id, ...)

`transition` takes a booking's row from here on its first load, and then it is gone: a
second action on the same booking in the batch reads it again, as does anything else that
loads it. Only bookings named once are read ahead, so no action gets a row that an earlier
one of the batch changed; a write by someone else since the read is what the compare-and-set
on `version` is for, as it is between any use case's read and its write.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from uuid import UUID

from domain.accounts.models import MembershipStatus
from domain.bookings.models import Assignment, Booking
from domain.bookings.parties import MANAGING_ROLES, remember_parties
from domain.shared import sql
from domain.shared.context import Actor
from domain.shared.ids import as_uuid


@dataclass
class _Ahead:
    actor: Actor
    rows: dict[UUID, tuple[Booking, list[Assignment]]] = field(default_factory=dict)


_ahead: ContextVar[_Ahead | None] = ContextVar("bookings_read_ahead", default=None)


def _bookings_sql() -> str:
    columns = ", ".join(f'b."{column}"' for column in sql.columns(Booking))
    roles = ", ".join(f"'{role.value}'" for role in MANAGING_ROLES)
    return (f"SELECT {columns}, EXISTS (SELECT 1 FROM membership m WHERE m.organisation_id = b.organisation_id "  # noqa: S608 - column names and enum values only
            f"AND m.user_id = $2 AND m.status = '{MembershipStatus.ACCEPTED.value}' AND m.role IN ({roles})) "
            "AS ahead_manager FROM booking b WHERE b.id = ANY($1::uuid[])")


CREW_SQL = ("SELECT * FROM booking_assignment WHERE booking_id = ANY($1::uuid[]) "
            "ORDER BY booking_id, lead DESC, created_at")


@asynccontextmanager
async def read_ahead(actor: Actor, booking_ids: Iterable[str]) -> AsyncIterator[None]:
    """Within this block (this task), `take` answers the first load of each booking in
    `booking_ids` named exactly once there, with its crew and the actor's parties remembered.
    Read on the open unit of work's connection (PostgreSQL only: elsewhere nothing is read ahead)."""
    counts = Counter(booking_ids)
    ids = [uid for value, count in counts.items() if count == 1 and (uid := as_uuid(value)) is not None]
    conn = sql.reader()
    ahead = _Ahead(actor)
    if ids and sql.is_postgres(conn):
        found = await sql.rows(conn, _bookings_sql(), [ids, as_uuid(actor.user_id)])
        crews: dict[UUID, list[Assignment]] = {}
        for row in await sql.rows(conn, CREW_SQL, [[row["id"] for row in found]]) if found else []:
            crews.setdefault(row["booking_id"], []).append(Assignment._init_from_db(**row))
        for row in found:
            manager = bool(row.pop("ahead_manager"))
            booking = Booking._init_from_db(**row)
            crew = crews.get(booking.id, [])
            mine = [a for a in crew if str(a.serviceman_id) == actor.user_id]
            remember_parties(actor, booking, crew_lead=any(a.lead for a in mine) if mine else None, manager=manager)
            ahead.rows[booking.id] = (booking, crew)
    token = _ahead.set(ahead)
    try:
        yield
    finally:
        _ahead.reset(token)


def take(actor: Actor, booking_id: UUID) -> tuple[Booking, list[Assignment]] | None:
    """The booking read ahead for this actor and its crew (lead first), once; else None."""
    ahead = _ahead.get()
    if ahead is None or ahead.actor is not actor:
        return None
    return ahead.rows.pop(booking_id, None)
