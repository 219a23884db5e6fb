"""Working hours as the serviceman (or their organisation's managers) set them, and the
free-slot query customers see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from domain.access.policy import Permission, authorize, register_relation
from domain.accounts.models import Membership, OrgRole, Role, User, UserStatus
from domain.scheduling import windows as w
from domain.scheduling.models import SLOT_MINUTES, Schedule, ScheduleException
from domain.scheduling.services import free_slots
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import Conflict, ConflictReason, NotFound, ValidationFailed
from domain.shared.events import DomainEvent
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork, unit_of_work

# The longest window one slot query may cover (bounds the work and the response).
MAX_QUERY = timedelta(days=31)


@dataclass(frozen=True)
class ScheduleView:
    user_id: str
    schedule: Schedule
    exceptions: list[ScheduleException]


async def _manages(actor: Actor, serviceman: object) -> bool:
    """The serviceman themself, or an owner/manager of an organisation they work in."""
    if not isinstance(serviceman, User):
        return False
    if str(serviceman.id) == actor.user_id:
        return True
    crews = await Membership.filter(user_id=serviceman.id).values_list("organisation_id", flat=True)
    return await Membership.exists(
        organisation_id__in=crews, user_id=actor.user_id, role__in=[OrgRole.OWNER, OrgRole.MANAGER]
    )


register_relation("schedule_manager", _manages)


async def serviceman(user_id: str) -> User:
    """An active serviceman, or 404 (other accounts have no schedule)."""
    uid = as_uuid(user_id)
    user = await User.get_or_none(id=uid, status=UserStatus.ACTIVE) if uid is not None else None
    if user is None or not user.has_role(Role.SERVICEMAN):
        raise NotFound()
    return user


async def _schedule(user: User, conn: BaseDBAsyncClient | None = None) -> Schedule:
    schedule = await Schedule.get_or_none(user_id=user.id, using_db=conn)
    if schedule is None:  # the first write creates it (UTC, no hours, version 0) and bumps it
        schedule, _ = await Schedule.get_or_create(defaults={"version": 0}, user_id=user.id, using_db=conn)
    return schedule


async def view(actor: Actor, user_id: str) -> ScheduleView:
    user = await serviceman(user_id)
    await authorize(actor, Permission.SCHEDULE_MANAGE, user)
    schedule = await Schedule.get_or_none(user_id=user.id) or Schedule(user_id=user.id, version=0)
    exceptions = await ScheduleException.filter(schedule_id=schedule.id).order_by("date") if schedule.version else []
    return ScheduleView(str(user.id), schedule, exceptions)


async def _bump(schedule: Schedule, conn: BaseDBAsyncClient, expected: int | None, **changes: Any) -> Schedule:
    current = schedule.version if expected is None else expected
    updated = await Schedule.filter(id=schedule.id, version=current).using_db(conn).update(
        # F: the stored version plus one (a client's bogus huge version never reaches an INT bind)
        **changes, version=F("version") + 1, updated_at=utcnow()
    )
    if not updated:
        raise Conflict("The schedule changed meanwhile.", details={"version": schedule.version},
                       reason=ConflictReason.STALE_VERSION)
    return await Schedule.get(id=schedule.id, using_db=conn)


async def _announce(actor: Actor, schedule: Schedule, uow: UnitOfWork, **data: Any) -> None:
    event = DomainEvent(
        stream="domain", type="schedule.updated", subject=str(schedule.user_id), actor_id=actor.user_id,
        data={"user_id": str(schedule.user_id), "version": schedule.version, **data},
    )
    await uow.record(event)


async def set_weekly(
    actor: Actor, user_id: str, timezone: str, weekly: list[dict[str, Any]], version: int | None = None
) -> ScheduleView:
    user = await serviceman(user_id)
    await authorize(actor, Permission.SCHEDULE_MANAGE, user)
    w.zone(timezone)
    days = w.weekly_windows(weekly)
    normal = [
        {"weekday": day, "start": w.format_clock(item.start), "end": w.format_clock(item.end)}
        for day in sorted(days) for item in days[day]
    ]
    async with unit_of_work() as uow:
        conn = uow.connection
        schedule = await _bump(await _schedule(user, conn), conn, version, timezone=timezone, weekly=normal)
        await _announce(actor, schedule, uow, change="weekly", timezone=timezone)
    return await view(actor, user_id)


async def put_exception(
    actor: Actor, user_id: str, day: date, available: bool, start: str | None, end: str | None
) -> ScheduleException:
    """Off all day (available=false), or other hours that day (available=true, start, end)."""
    user = await serviceman(user_id)
    await authorize(actor, Permission.SCHEDULE_MANAGE, user)
    if available:
        if start is None or end is None:
            raise ValidationFailed(errors=[{"field": "start", "message": "other hours need start and end",
                                            "type": "missing", "location": "body"}])
        hours = w.window(start, end, "body")
        start, end = w.format_clock(hours.start), w.format_clock(hours.end)
    else:
        start = end = None
    async with unit_of_work() as uow:
        schedule = await _bump(await _schedule(user, uow.connection), uow.connection, None)
        await ScheduleException.filter(schedule_id=schedule.id, date=day).using_db(uow.connection).delete()
        row = await ScheduleException.create(
            schedule_id=schedule.id, date=day, available=available, start=start, end=end, using_db=uow.connection
        )
        await _announce(actor, schedule, uow, change="exception", date=day.isoformat(), available=available)
    return row


async def delete_exception(actor: Actor, user_id: str, day: date) -> None:
    user = await serviceman(user_id)
    await authorize(actor, Permission.SCHEDULE_MANAGE, user)
    schedule = await Schedule.get_or_none(user_id=user.id)
    if schedule is None:
        raise NotFound()
    async with unit_of_work() as uow:
        deleted = await ScheduleException.filter(schedule_id=schedule.id, date=day).using_db(uow.connection).delete()
        if not deleted:
            raise NotFound()
        schedule = await _bump(schedule, uow.connection, None)
        await _announce(actor, schedule, uow, change="exception_removed", date=day.isoformat())


@dataclass(frozen=True)
class Slots:
    user_id: str
    timezone: str
    slot_minutes: int
    starts: list[datetime]


async def slots(actor: Actor, user_id: str, start: datetime, end: datetime) -> Slots:
    """Free slots in [start, end) from now on; the window is capped at MAX_QUERY."""
    await authorize(actor, Permission.AVAILABILITY_READ)
    user = await serviceman(user_id)
    if start.tzinfo is None or end.tzinfo is None:
        raise _query_error("from", "must carry a time zone offset")
    if end <= start:
        raise _query_error("to", "must be after from")
    if end - start > MAX_QUERY:
        raise _query_error("to", f"the window spans at most {MAX_QUERY.days} days")
    schedule = await Schedule.get_or_none(user_id=user.id)
    lower = max(start, utcnow()).astimezone(UTC)
    found = await free_slots(user.id, lower, end.astimezone(UTC)) if lower < end else []
    return Slots(str(user.id), schedule.timezone if schedule else "UTC", SLOT_MINUTES, found)


def _query_error(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": "value_error", "location": "query"}])
