"""When a booking happens: its window on the slot grid, its duration, its expiry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from domain.scheduling.models import SLOT_MINUTES
from domain.scheduling.windows import MAX_CLAIM, SLOT, align_up, is_aligned
from domain.shared.errors import ValidationFailed

# An on-demand request nobody accepts within this long expires (the customer looks elsewhere).
ON_DEMAND_EXPIRY = timedelta(minutes=15)
# Used when neither the service nor the job says how long the work takes.
DEFAULT_DURATION_MINUTES = 60
# Bookings are made at most this far ahead (keeps slot claims bounded and meaningful).
MAX_LEAD_TIME = timedelta(days=365)


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime


def invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": "value_error"}])


def duration_of(minutes: int | None) -> timedelta:
    """A duration rounded up to whole slots (a 45-minute job holds two 30-minute slots)."""
    value = minutes if minutes and minutes > 0 else DEFAULT_DURATION_MINUTES
    slots = -(-value // SLOT_MINUTES)
    return SLOT * slots


def window_at(start: datetime, duration: timedelta, now: datetime, field: str = "start") -> Window:
    """A future window starting on the slot grid (ValidationFailed otherwise)."""
    if start.tzinfo is None:
        raise invalid(field, "must carry a time zone offset")
    if start < now:
        raise invalid(field, "must be in the future")
    if start > now + MAX_LEAD_TIME:
        raise invalid(field, f"must be within {MAX_LEAD_TIME.days} days")
    if not is_aligned(start):
        raise invalid(field, f"must lie on the {SLOT_MINUTES}-minute slot grid")
    if duration > MAX_CLAIM:
        raise invalid(field, f"the work may last at most {MAX_CLAIM.days} days")
    return Window(start, start + duration)


def next_window(duration: timedelta, now: datetime) -> Window:
    """On-demand work scheduled "as soon as possible": the next slot boundary."""
    start = align_up(now)
    return Window(start, start + duration)


def booking_duration(booking: Any, service_minutes: int | None, job: Any | None) -> timedelta:
    """How long an existing booking's work takes: its own window, else the service's
    duration, else the job's desired window, else the default."""
    if booking.scheduled_start and booking.scheduled_end:
        span: timedelta = booking.scheduled_end - booking.scheduled_start
        return span
    if service_minutes:
        return duration_of(service_minutes)
    return job_duration(job)


def job_duration(job: Any | None) -> timedelta:
    """A custom job's work lasts its desired window (rounded up to slots), else the default."""
    if job is not None and job.desired_start and job.desired_end and job.desired_end > job.desired_start:
        return duration_of(-(-int((job.desired_end - job.desired_start).total_seconds()) // 60))
    return duration_of(None)
