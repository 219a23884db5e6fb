"""Wire shapes of working hours and free slots."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from domain.scheduling.manage import ScheduleView, Slots
from domain.scheduling.models import ScheduleException
from domain.scheduling.windows import SLOT
from rest.schemas.catalog import Strict  # the NUL-refusing base of the catalogue's inputs

Clock = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-4]):[0-5][0-9]$", examples=["09:00"])]


class WeeklyWindow(Strict):
    weekday: int = Field(ge=0, le=6, description="0 = Monday ... 6 = Sunday")
    start: Clock
    end: Clock = Field(description='local time; "24:00" ends at midnight')


class ScheduleIn(Strict):
    timezone: str = Field(min_length=1, max_length=64, examples=["Europe/Berlin"], description="IANA time zone")
    weekly: list[WeeklyWindow] = Field(max_length=42, description="non-overlapping windows per weekday")
    version: int | None = Field(None, ge=0, le=2**31 - 1, description="the version you loaded; stale is a 409")


class ScheduleExceptionIn(Strict):
    available: bool = Field(False, description="false: off all day; true: these hours instead of the weekly ones")
    start: Clock | None = None
    end: Clock | None = None


class WeeklyWindowOut(BaseModel):
    weekday: int
    start: str
    end: str


class ScheduleExceptionOut(BaseModel):
    date: date
    available: bool
    start: str | None
    end: str | None

    @classmethod
    def of(cls, row: ScheduleException) -> ScheduleExceptionOut:
        return cls(date=row.date, available=row.available, start=row.start, end=row.end)


class ScheduleOut(BaseModel):
    user_id: str
    timezone: str
    weekly: list[WeeklyWindowOut]
    exceptions: list[ScheduleExceptionOut]
    version: int = Field(description="0 until the first save")

    @classmethod
    def of(cls, view: ScheduleView) -> ScheduleOut:
        return cls(user_id=view.user_id, timezone=view.schedule.timezone,
                   weekly=[WeeklyWindowOut(**item) for item in view.schedule.weekly or []],
                   exceptions=[ScheduleExceptionOut.of(row) for row in view.exceptions],
                   version=view.schedule.version)


class SlotsQuery(Strict):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    start: AwareDatetime = Field(alias="from", description="RFC 3339 with offset")
    end: AwareDatetime = Field(alias="to", description="at most 31 days after from")

    @field_validator("start", "end")
    @classmethod
    def _plausible(cls, value: datetime) -> datetime:
        if not 2000 <= value.year <= 2200:
            raise ValueError("must be between the years 2000 and 2200")
        return value


class SlotOut(BaseModel):
    start: datetime
    end: datetime


class SlotsOut(BaseModel):
    user_id: str
    timezone: str = Field(description="the serviceman's time zone (slots are UTC)")
    slot_minutes: int
    slots: list[SlotOut]

    @classmethod
    def of(cls, found: Slots) -> SlotsOut:
        return cls(user_id=found.user_id, timezone=found.timezone, slot_minutes=found.slot_minutes,
                   slots=[SlotOut(start=start, end=start + SLOT) for start in found.starts])
