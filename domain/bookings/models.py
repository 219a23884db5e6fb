"""Bookings: a customer's order of a service, package or accepted bid, its assigned
servicemen and every state transition (who, when)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class BookingState(StrEnum):
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    DECLINED = "declined"
    EXPIRED = "expired"


class BookingKind(StrEnum):
    ON_DEMAND = "on_demand"
    SCHEDULED = "scheduled"


class Booking(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    customer_id: UUID
    customer: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="bookings", on_delete=fields.RESTRICT
    )
    # Data residency (domain/shared/regions.py): its customer's, stamped at creation.
    region = fields.CharField(max_length=16, null=True)
    kind = fields.CharEnumField(BookingKind, max_length=16)
    state = fields.CharEnumField(BookingState, max_length=16, default=BookingState.REQUESTED, db_index=True)
    service_id: UUID | None
    service: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.Service", related_name="bookings", null=True, on_delete=fields.RESTRICT
    )
    organisation_id: UUID | None
    organisation: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.Organisation", related_name="bookings", null=True, on_delete=fields.RESTRICT
    )
    job_id: UUID | None
    job: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.Job", related_name="bookings", null=True, on_delete=fields.RESTRICT
    )
    zone_id: UUID | None
    zone: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.Zone", related_name="bookings", null=True, on_delete=fields.SET_NULL
    )
    lat = fields.FloatField(null=True)
    lng = fields.FloatField(null=True)
    address = fields.CharField(max_length=300, default="")
    notes = fields.TextField(default="")
    scheduled_start = fields.DatetimeField(null=True)
    scheduled_end = fields.DatetimeField(null=True)
    # Frozen at creation: later catalogue or rate changes never reprice a booking.
    currency = fields.CharField(max_length=3)
    price_amount = fields.BigIntField()
    commission_amount = fields.BigIntField()
    tax_amount = fields.BigIntField()
    total_amount = fields.BigIntField()
    # The full breakdown (domain/finance/pricing/breakdown.py: fees, taxes, per-payee shares,
    # cancellation terms, the rule ids used), frozen with the columns above.
    pricing: Any = fields.JSONField(null=True)
    expires_at = fields.DatetimeField(null=True)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "booking"


class Assignment(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    booking_id: UUID
    booking: fields.ForeignKeyRelation[Booking] = fields.ForeignKeyField(
        "models.Booking", related_name="assignments", on_delete=fields.CASCADE
    )
    serviceman_id: UUID
    serviceman: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="assignments", on_delete=fields.RESTRICT
    )
    lead = fields.BooleanField(default=False)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "booking_assignment"
        unique_together = (("booking", "serviceman"),)


class Transition(Model):
    """The booking's history: every state change with who made it."""

    id = fields.BigIntField(primary_key=True)
    booking_id: UUID
    booking: fields.ForeignKeyRelation[Booking] = fields.ForeignKeyField(
        "models.Booking", related_name="transitions", on_delete=fields.CASCADE
    )
    from_state = fields.CharField(max_length=16, null=True)
    to_state = fields.CharField(max_length=16)
    actor_id: UUID | None
    actor: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="booking_transitions", null=True, on_delete=fields.SET_NULL
    )
    actor_role = fields.CharField(max_length=32, null=True, description="customer, serviceman, manager, admin, system")
    reason = fields.CharField(max_length=300, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "booking_transition"
