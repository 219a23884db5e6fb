"""A chargeback as we booked it: one row per gateway dispute, linked to its payment case.

The gateway's dispute is applied by its refetched state (never by event order): the row
records how much of it the ledger already shows (`withdrawn`, `reinstated`, `fee`,
`fee_returned`), the holds it puts on the payees' next releases (`holds`: owner -> amount;
`held`: what releases have set aside so far) and its outcome, each change a compare-and-set on
`version` in the unit of work of its ledger entries."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class Outcome(StrEnum):
    OPEN = "open"
    WON = "won"  # the money came back (or the inquiry closed without a withdrawal)
    LOST = "lost"  # the cardholder keeps it: booked per the loss policy


class GatewayDispute(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    gateway = fields.CharField(max_length=16)
    dispute_id = fields.CharField(max_length=255, unique=True, description="the gateway's dispute id")
    case_id: UUID
    case: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.PaymentCase", related_name="chargebacks", on_delete=fields.RESTRICT)
    payment_id = fields.CharField(max_length=255, null=True)
    charge_id = fields.CharField(max_length=255, null=True)
    currency = fields.CharField(max_length=3)
    amount = fields.BigIntField(description="disputed amount, minor units")
    status = fields.CharField(max_length=32, description="the gateway's dispute status when last applied")
    reason = fields.CharField(max_length=64, default="")
    outcome = fields.CharEnumField(Outcome, max_length=8, default=Outcome.OPEN, db_index=True)
    withdrawn = fields.BigIntField(default=0, description="booked as taken from the gateway balance")
    reinstated = fields.BigIntField(default=0, description="booked as given back")
    fee = fields.BigIntField(default=0, description="dispute fee booked")
    fee_returned = fields.BigIntField(default=0)
    froze_case = fields.BooleanField(default=False, description="the case still held money: its release is frozen")
    holds: Any = fields.JSONField(default=dict, description="owner -> amount to hold from their next releases")
    held: Any = fields.JSONField(default=dict, description="owner -> amount releases set aside so far")
    lost_amount = fields.BigIntField(default=0, description="booked against the case as a loss (like a refund)")
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    closed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "gateway_dispute"
