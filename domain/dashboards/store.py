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
