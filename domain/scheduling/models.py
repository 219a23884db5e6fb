"""Availability: weekly working windows and exceptions per serviceman, in their time zone,
and the slot claims that make double booking impossible."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model

# Bookings occupy whole slots of this many minutes; a claim per slot makes overlap a
# unique-constraint violation on every database (no range types needed).
SLOT_MINUTES = 30


class Schedule(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    user_id: UUID
    user: fields.OneToOneRelation[Any] = fields.OneToOneField(
        "models.User", related_name="schedule", on_delete=fields.CASCADE
    )
    timezone = fields.CharField(max_length=64, default="UTC")
    # [{"weekday": 0-6 (Monday=0), "start": "09:00", "end": "17:00"}], local time.
    weekly: Any = fields.JSONField(default=list)
    version = fields.IntField(default=1)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "schedule"


class ScheduleException(Model):
    """A date that differs from the weekly pattern: off all day, or other hours."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    schedule_id: UUID
    schedule: fields.ForeignKeyRelation[Schedule] = fields.ForeignKeyField(
        "models.Schedule", related_name="exceptions", on_delete=fields.CASCADE
    )
    date = fields.DateField()
    available = fields.BooleanField(default=False)
    start = fields.CharField(max_length=5, null=True)
    end = fields.CharField(max_length=5, null=True)

    class Meta:
        table = "schedule_exception"
        unique_together = (("schedule", "date"),)


class SlotClaim(Model):
    id = fields.BigIntField(primary_key=True)
    user_id: UUID
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="slot_claims", on_delete=fields.CASCADE
    )
    slot_start = fields.DatetimeField()
    booking_id: UUID
    booking: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Booking", related_name="slot_claims", on_delete=fields.CASCADE
    )

    class Meta:
        table = "slot_claim"
        unique_together = (("user", "slot_start"),)
