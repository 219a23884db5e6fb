"""Writes to the rollups, in the caller's unit of work: counters by upsert (one statement per
key, `value = value + delta`, so concurrent reactions add instead of overwriting), the crew by
replacing an organisation's rows.

The rebuild's watermark (rebuild.py): every reaction first takes the rollups' lock in ROW
EXCLUSIVE mode (reactions never wait on each other; a rebuild, which takes it in EXCLUSIVE
mode, waits for the reactions in flight and holds new ones until it commits), then drops an
event the rebuild's snapshot already counted (`counted_by_rebuild`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from domain.accounts.models import Membership, OrgRole
from domain.dashboards.figures import Delta, Key, fold
from domain.dashboards.models import DashboardCrew
from domain.shared import sql
from domain.shared.clock import utcnow
from domain.shared.sql import as_uuid
from domain.shared.uow import UnitOfWork
from domain.verification import eligibility

_ADD = """
    INSERT INTO dashboard_counter (scope, subject, member, day, metric, currency, value)
    VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (scope, subject, member, day, metric, currency)
    DO UPDATE SET value = dashboard_counter.value + excluded.value"""


def _day(conn: Any, day: date) -> Any:
    return day if sql.is_postgres(conn) else day.isoformat()


# The lock of the rollups, on PostgreSQL (SQLite has one writer at a time): its table is the watermark.
LOCK_TABLE = "dashboard_rebuild_skip"


async def counted_by_rebuild(uow: UnitOfWork, event_id: str) -> bool:
    """Take the reactions' side of the rollups' lock; True when a rebuild already counted the
    event (its watermark row is deleted: the event is met once, as the inbox guarantees)."""
    conn = uow.connection
    if sql.is_postgres(conn):
        await conn.execute_script(f"LOCK TABLE {LOCK_TABLE} IN ROW EXCLUSIVE MODE")
    return bool(await sql.execute(conn, f"DELETE FROM {LOCK_TABLE} WHERE event_id = $1",  # noqa: S608 - constant
                                  [as_uuid(event_id)]))


async def counted_by_rebuild_many(uow: UnitOfWork, event_ids: list[str]) -> set[str]:
    """`counted_by_rebuild` of each event, in one statement (and one lock): those a rebuild counted."""
    conn = uow.connection
    if sql.is_postgres(conn):
        await conn.execute_script(f"LOCK TABLE {LOCK_TABLE} IN ROW EXCLUSIVE MODE")
        rows = await conn.execute_query_dict(
            f"DELETE FROM {LOCK_TABLE} WHERE event_id = ANY($1::uuid[]) RETURNING event_id",  # noqa: S608 - constant
            [[as_uuid(event_id) for event_id in event_ids]])
        return {str(row["event_id"]) for row in rows}
    return {event_id for event_id in event_ids if await counted_by_rebuild(uow, event_id)}


async def add_each(uow: UnitOfWork, batches: Iterable[Iterable[Delta]]) -> None:
    """`add` of each list of deltas, in one statement on PostgreSQL: every key some `add` would
    write (a non-zero sum of its list), with the sum over all the lists, in key order."""
    totals: dict[Key, int] = {}
    for deltas in batches:
        for key, value in fold(deltas).items():
            if value:
                totals[key] = totals.get(key, 0) + value
    if not totals:
        return
    conn = uow.connection
    if not sql.is_postgres(conn):
        for key, value in sorted(totals.items()):
            await _upsert(uow, key, value)
        return
    keys = sorted(totals)
    await conn.execute_query(_ADD_MANY, [[k[0] for k in keys], [k[1] for k in keys], [k[2] for k in keys],
                                         [k[3] for k in keys], [k[4] for k in keys], [k[5] for k in keys],
                                         [totals[k] for k in keys]])


# `_ADD` for many keys (distinct: one row may not be updated twice by a statement), in key order.
_ADD_MANY = """
    INSERT INTO dashboard_counter (scope, subject, member, day, metric, currency, value)
    SELECT s, sub, m, d, met, c, v
    FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::bigint[])
         WITH ORDINALITY AS x(s, sub, m, d, met, c, v, n)
    ORDER BY n
    ON CONFLICT (scope, subject, member, day, metric, currency)
    DO UPDATE SET value = dashboard_counter.value + excluded.value"""


async def add(uow: UnitOfWork, deltas: Iterable[Delta]) -> None:
    for key, value in sorted(fold(deltas).items()):  # in key order: two reactions never deadlock
        if value:
            await _upsert(uow, key, value)


async def _upsert(uow: UnitOfWork, key: Key, value: int) -> None:
    scope, subject, member, day, metric, currency = key
    await sql.execute(uow.connection, _ADD, [scope, subject, member, _day(uow.connection, day), metric, currency,
                                             value])


async def org_crew(conn: Any, org_ids: Sequence[UUID] | None = None) -> dict[UUID, list[UUID]]:
    """Accepted serviceman memberships per organisation (all organisations when None)."""
    query = Membership.filter(role=OrgRole.SERVICEMAN)
    if org_ids is not None:
        query = query.filter(organisation_id__in=list(org_ids))
    crews: dict[UUID, list[UUID]] = {org: [] for org in org_ids or []}
    for row in await query.using_db(conn).order_by("created_at").values("organisation_id", "user_id"):
        crews.setdefault(row["organisation_id"], []).append(row["user_id"])
    return crews


async def crew_rows(conn: Any, crews: dict[UUID, list[UUID]]) -> list[tuple[UUID, UUID, bool]]:
    """(organisation, serviceman, blocked) for each crew member."""
    blocked: dict[UUID, bool] = {}
    rows = []
    for org, members in crews.items():
        for member in members:
            if member not in blocked:
                blocked[member] = bool(await eligibility.blocked(member, conn))
            rows.append((org, member, blocked[member]))
    return rows


async def refresh_crew(uow: UnitOfWork, org_ids: Sequence[UUID] | None = None) -> None:
    """Replace the crew rows of these organisations (every one when None) from the memberships."""
    conn = uow.connection
    crews = await org_crew(conn, org_ids)
    stale = DashboardCrew.all() if org_ids is None else DashboardCrew.filter(organisation_id__in=list(org_ids))
    await stale.using_db(conn).delete()
    now = utcnow()
    await DashboardCrew.bulk_create(
        [DashboardCrew(organisation_id=org, serviceman_id=member, blocked=blocked, updated_at=now)
         for org, member, blocked in await crew_rows(conn, crews)], using_db=conn)


async def orgs_of(conn: Any, user_id: object) -> list[UUID]:
    rows = await Membership.filter(user_id=user_id, role=OrgRole.SERVICEMAN).using_db(conn).values_list(
        "organisation_id", flat=True)
    return [UUID(str(org)) for org in rows]
