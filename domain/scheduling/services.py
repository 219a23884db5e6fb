"""Availability queries and slot claims: the functions bookings and matching call.

Double booking is impossible because a booking claims every slot it covers as one row per
(serviceman, slot start) under a unique constraint, inside the booking's own transaction:
of two concurrent claims on one slot exactly one commits.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from domain.scheduling import windows as w
from domain.scheduling.models import Schedule, ScheduleException, SlotClaim
from domain.shared.errors import Conflict, ConflictReason
from domain.shared.ids import as_uuid

slot_bounds = w.slot_bounds

__all__ = ["claim_slots", "free_slots", "is_free", "release_slots", "slot_bounds", "working_slots"]




def overrides_of(exceptions: list[ScheduleException]) -> dict[date, w.DayOverride]:
    """Exception rows -> per-date overrides: other hours, or off all day."""
    found: dict[date, w.DayOverride] = {}
    for item in exceptions:
        if item.available and item.start and item.end:
            found[item.date] = w.DayOverride((w.window(item.start, item.end, "exception"),))
        else:
            found[item.date] = w.DayOverride(())
    return found


async def working_slots(schedule: Schedule, start: datetime, end: datetime) -> list[datetime]:
    """Slots inside the schedule's working windows within [start, end); claims not considered."""
    tz = w.zone(schedule.timezone)
    # Local dates one day either side cover any offset between UTC and the zone.
    first = start.astimezone(tz).date() - timedelta(days=1)
    last = end.astimezone(tz).date() + timedelta(days=1)
    exceptions = await ScheduleException.filter(schedule_id=schedule.id, date__gte=first, date__lte=last)
    found = w.intervals(tz, w.weekly_windows(schedule.weekly), overrides_of(exceptions), start, end)
    return list(w.slots_in(found, start, end))


async def claimed(user_id: UUID, start: datetime, end: datetime) -> set[datetime]:
    rows = await SlotClaim.filter(user_id=user_id, slot_start__gte=start, slot_start__lt=end)
    return {row.slot_start for row in rows}


async def free_slots(user_id: str | UUID, start: datetime, end: datetime) -> list[datetime]:
    """Free slot starts (UTC, ascending) of a serviceman in [start, end): inside working
    windows, minus exceptions, minus claimed slots. No schedule means no free slots."""
    uid = as_uuid(user_id)
    schedule = await Schedule.get_or_none(user_id=uid) if uid is not None else None
    if schedule is None or end <= start:
        return []
    taken = await claimed(schedule.user_id, start, end)
    return [slot for slot in await working_slots(schedule, start, end) if slot not in taken]


async def is_free(user_id: str | UUID, start: datetime, end: datetime) -> bool:
    """Whether every slot of [start, end) is a working slot and unclaimed. `start` must lie
    on the slot grid (ValidationFailed otherwise); `end` rounds up to the grid."""
    wanted = w.slot_bounds(start, end)
    free = set(await free_slots(user_id, wanted[0], wanted[-1] + w.SLOT))
    return all(slot in free for slot in wanted)


async def claim_slots(
    conn: BaseDBAsyncClient, user_id: str | UUID, booking_id: str | UUID, start: datetime, end: datetime
) -> None:
    """Claim every slot of [start, end) for a booking, in the caller's transaction.

    Raises Conflict("slot taken") when any slot is already claimed. On PostgreSQL the failed
    insert aborts the caller's transaction: the whole booking creation must fail with it.
    """
    slots = w.slot_bounds(start, end)
    claims = [SlotClaim(user_id=user_id, booking_id=booking_id, slot_start=slot) for slot in slots]
    try:
        await SlotClaim.bulk_create(claims, using_db=conn)
    except IntegrityError:
        raise Conflict("slot taken", details={"user_id": str(user_id), "start": start.isoformat()},
                       reason=ConflictReason.SLOT_TAKEN) from None


async def release_slots(conn: BaseDBAsyncClient, booking_id: str | UUID) -> None:
    """Free the slots a booking held (cancelled, declined, expired)."""
    await SlotClaim.filter(booking_id=booking_id).using_db(conn).delete()
