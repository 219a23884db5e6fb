"""Servicemen's working hours, exceptions and free slots."""

from __future__ import annotations

import re
from datetime import date

from domain.scheduling import manage
from domain.shared.errors import ConflictReason, ErrorCode, NotFound
from rest.routing import ApiRequest, RouteTable
from rest.schemas.availability import (
    ScheduleExceptionIn,
    ScheduleExceptionOut,
    ScheduleIn,
    ScheduleOut,
    SlotsOut,
    SlotsQuery,
)

routes = RouteTable(tags=("availability",))
E = ErrorCode
R = ConflictReason
MANAGE_ERRORS = (E.FORBIDDEN, E.NOT_FOUND)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(raw: str) -> date:
    """A local date in the path ("2030-01-07", years 2000-2200); anything else names no resource (404)."""
    if not _DATE.fullmatch(raw):
        raise NotFound()
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise NotFound() from None
    if not 2000 <= day.year <= 2200:
        raise NotFound()
    return day


@routes.get("/servicemen/{user_id}/schedule", response=ScheduleOut, auth=True, errors=MANAGE_ERRORS,
            summary="A serviceman's weekly hours and exceptions (themself or their managers)")
async def get_schedule(req: ApiRequest[None, None]) -> ScheduleOut:
    return ScheduleOut.of(await manage.view(req.actor, req.params["user_id"]))


@routes.put("/servicemen/{user_id}/schedule", body=ScheduleIn, response=ScheduleOut, auth=True,
            errors=(*MANAGE_ERRORS, E.CONFLICT), reasons=(R.STALE_VERSION,),
            summary="Set the weekly working hours and time zone")
async def put_schedule(req: ApiRequest[ScheduleIn, None]) -> ScheduleOut:
    weekly = [window.model_dump() for window in req.body.weekly]
    view = await manage.set_weekly(req.actor, req.params["user_id"], req.body.timezone, weekly, req.body.version)
    return ScheduleOut.of(view)


@routes.put("/servicemen/{user_id}/schedule/exceptions/{date}", body=ScheduleExceptionIn,
            response=ScheduleExceptionOut, auth=True, errors=(*MANAGE_ERRORS, E.CONFLICT), reasons=(R.STALE_VERSION,),
            operation_id="put_schedule_exception",
            summary="Take a day off, or work other hours that day (local date)")
async def put_exception(req: ApiRequest[ScheduleExceptionIn, None]) -> ScheduleExceptionOut:
    body, day = req.body, _date(req.params["date"])
    row = await manage.put_exception(req.actor, req.params["user_id"], day, body.available, body.start, body.end)
    return ScheduleExceptionOut.of(row)


@routes.delete("/servicemen/{user_id}/schedule/exceptions/{date}", status=204, auth=True,
               errors=(*MANAGE_ERRORS, E.CONFLICT), reasons=(R.STALE_VERSION,),
               operation_id="delete_schedule_exception", summary="Back to the weekly hours on that date")
async def delete_exception(req: ApiRequest[None, None]) -> None:
    await manage.delete_exception(req.actor, req.params["user_id"], _date(req.params["date"]))


@routes.get("/servicemen/{user_id}/slots", query=SlotsQuery, response=SlotsOut, auth=True,
            errors=(E.FORBIDDEN, E.NOT_FOUND),
            summary="Free slots in a window (UTC, at most 31 days, from now on)")
async def get_slots(req: ApiRequest[None, SlotsQuery]) -> SlotsOut:
    found = await manage.slots(req.actor, req.params["user_id"], req.query.start, req.query.end)
    return SlotsOut.of(found)
