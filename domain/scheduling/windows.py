"""Pure time arithmetic of availability: weekly local windows -> UTC intervals -> slots.

Windows are wall-clock times in the serviceman's zone, so a 09:00-17:00 Monday stays
09:00-17:00 local across a DST change while its UTC bounds move. Slots lie on a grid of
SLOT_MINUTES counted from the Unix epoch in UTC, so claims from any time zone line up.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from domain.scheduling.models import SLOT_MINUTES
from domain.shared.errors import ValidationFailed

SLOT = timedelta(minutes=SLOT_MINUTES)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# A single booking never holds a serviceman longer than this (bounds the rows one claim writes).
MAX_CLAIM = timedelta(days=14)


@dataclass(frozen=True, order=True)
class Window:
    """Local working hours of one day: minutes after midnight, end exclusive (<= 1440)."""

    start: int
    end: int


@dataclass(frozen=True)
class DayOverride:
    """An exception date: off (no windows) or the given windows instead of the weekly ones."""

    windows: tuple[Window, ...]


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"field": field, "message": message, "type": "value_error"}])


def parse_clock(value: str, field: str = "time", *, allow_midnight_end: bool = False) -> int:
    """"HH:MM" -> minutes after midnight; "24:00" only as an end."""
    if len(value) != 5 or value[2] != ":" or not (value[:2].isdigit() and value[3:].isdigit()):
        raise _invalid(field, "must be HH:MM")
    hours, minutes = int(value[:2]), int(value[3:])
    if allow_midnight_end and hours == 24 and minutes == 0:
        return 24 * 60
    if hours > 23 or minutes > 59:
        raise _invalid(field, "must be a time of day")
    return hours * 60 + minutes


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def zone(name: str, field: str = "timezone") -> ZoneInfo:
    """An IANA zone, or a validation error (never a 500 for "Mars/Base")."""
    try:
        if not name or len(name) > 64 or name.startswith("/") or ".." in name:
            raise ZoneInfoNotFoundError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, IsADirectoryError, OSError):
        raise _invalid(field, "must be an IANA time zone such as Europe/Berlin") from None


def window(start: str, end: str, field: str) -> Window:
    start_min = parse_clock(start, f"{field}.start")
    end_min = parse_clock(end, f"{field}.end", allow_midnight_end=True)
    if end_min <= start_min:
        raise _invalid(f"{field}.end", "must be after start (no overnight windows; split them)")
    return Window(start_min, end_min)


def non_overlapping(windows: Iterable[Window], field: str) -> tuple[Window, ...]:
    ordered = sorted(windows)
    for before, after in itertools.pairwise(ordered):
        if after.start < before.end:
            raise _invalid(field, f"windows overlap at {format_clock(after.start)}")
    return tuple(ordered)


def weekly_windows(weekly: Sequence[Mapping[str, object]]) -> dict[int, tuple[Window, ...]]:
    """The stored weekly JSON -> windows per weekday (Monday=0), validated."""
    days: dict[int, list[Window]] = {}
    for index, entry in enumerate(weekly):
        weekday = entry.get("weekday")
        if not isinstance(weekday, int) or isinstance(weekday, bool) or not 0 <= weekday <= 6:
            raise _invalid(f"weekly.{index}.weekday", "must be 0 (Monday) to 6 (Sunday)")
        days.setdefault(weekday, []).append(
            window(str(entry.get("start", "")), str(entry.get("end", "")), f"weekly.{index}")
        )
    return {day: non_overlapping(found, f"weekly.weekday{day}") for day, found in days.items()}


def to_utc(day: date, minutes: int, tz: ZoneInfo) -> datetime:
    """Local wall time on a day -> UTC. A time skipped by a spring-forward gap maps past the
    gap (fold=0 uses the earlier offset), an ambiguous autumn time to its first occurrence."""
    if minutes >= 24 * 60:
        return to_utc(day + timedelta(days=1), minutes - 24 * 60, tz)
    local = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=tz)
    return local.astimezone(UTC)


def intervals(
    tz: ZoneInfo,
    weekly: Mapping[int, tuple[Window, ...]],
    overrides: Mapping[date, DayOverride],
    start: datetime,
    end: datetime,
) -> list[tuple[datetime, datetime]]:
    """UTC working intervals that touch [start, end)."""
    first = start.astimezone(tz).date() - timedelta(days=1)
    last = end.astimezone(tz).date() + timedelta(days=1)
    found: list[tuple[datetime, datetime]] = []
    day = first
    while day <= last:
        override = overrides.get(day)
        windows = override.windows if override is not None else weekly.get(day.weekday(), ())
        for item in windows:
            lo, hi = to_utc(day, item.start, tz), to_utc(day, item.end, tz)
            if hi > start and lo < end and hi > lo:
                found.append((lo, hi))
        day += timedelta(days=1)
    return found


def align_up(moment: datetime) -> datetime:
    remainder = (moment - _EPOCH) % SLOT
    return moment if not remainder else moment + (SLOT - remainder)


def is_aligned(moment: datetime) -> bool:
    return moment.tzinfo is not None and (moment - _EPOCH) % SLOT == timedelta(0)


def slots_in(found: Iterable[tuple[datetime, datetime]], start: datetime, end: datetime) -> Iterator[datetime]:
    """Grid slots lying wholly inside a working interval and inside [start, end), ascending."""
    seen: set[datetime] = set()
    for lo, hi in sorted(found):
        cursor = align_up(max(lo, start))
        while cursor + SLOT <= min(hi, end):
            if cursor not in seen:
                seen.add(cursor)
                yield cursor
            cursor += SLOT


def slot_bounds(start: datetime, end: datetime) -> list[datetime]:
    """The slot starts covering [start, end): start must lie on the slot grid, end is rounded
    up to the next slot (a 45-minute job occupies two 30-minute slots)."""
    if start.tzinfo is None or end.tzinfo is None:
        raise _invalid("start", "must carry a time zone offset")
    if not is_aligned(start):
        raise _invalid("start", f"must lie on the {SLOT_MINUTES}-minute slot grid")
    if end <= start:
        raise _invalid("end", "must be after start")
    if end - start > MAX_CLAIM:
        raise _invalid("end", f"a claim spans at most {MAX_CLAIM.days} days")
    count = -(-(end - start) // SLOT)
    return [(start + SLOT * index).astimezone(UTC) for index in range(count)]
