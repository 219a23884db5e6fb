"""Payment cases: the money of one booking (or one accepted bid's booking), from the
authorization at checkout to the payout of every payee, and its milestones (a custom job paid
in parts, each part released on its own).

Every change is a compare-and-set on (`state`, `version`) in one unit of work with its ledger
entry, its pending gateway operation, its `finance` event (numbered by `seq`) and its audit
record (domain/finance/cases/services.py). Amounts are integer minor units of `currency`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class CaseState(StrEnum):
    AUTHORIZING = "authorizing"  # checkout stored, the authorization call not answered yet
    AUTHORIZED = "authorized"  # the card holds the amount until capture_before
    CAPTURE_PENDING = "capture_pending"  # the provider accepted; the capture call is under way
    HELD = "held"  # captured: the funds are held in the ledger for this case (not an escrow)
    RELEASE_PENDING = "release_pending"  # completed; released after the release window unless disputed
    RELEASED = "released"  # shares booked to every payee, platform and tax; transfers under way
    PAID_OUT = "paid_out"  # every transfer went through
    VOIDED = "voided"  # authorization cancelled before capture (booking cancelled, declined...)
    EXPIRED = "expired"  # authorization ran out (or was about to) before capture
    REFUNDED = "refunded"  # everything captured went back to the payment method
    PARTIALLY_REFUNDED = "partially_refunded"  # part went back; the rest is held or released
    FAILED = "failed"  # the authorization was declined (a new checkout may try again)


class PaymentCase(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    booking_id: UUID
    booking: fields.OneToOneRelation[Any] = fields.OneToOneField(
        "models.Booking", related_name="payment_case", on_delete=fields.RESTRICT
    )
    job_id = fields.UUIDField(null=True, description="the custom job when the booking came from an accepted bid")
    customer_id = fields.UUIDField(db_index=True)
    organisation_id = fields.UUIDField(null=True, db_index=True)
    # Data residency (domain/shared/regions.py): its booking's, stamped at creation.
    region = fields.CharField(max_length=16, null=True)
    state = fields.CharEnumField(CaseState, max_length=24, default=CaseState.AUTHORIZING, db_index=True)
    currency = fields.CharField(max_length=3)
    amount = fields.BigIntField(description="the booking's total, minor units (card + promotional credit)")
    promo_amount = fields.BigIntField(
        default=0, description="promotional credit spent on it (domain/finance/promo.py); "
                               "the card is charged amount - promo_amount")
    promo_entry_id = fields.UUIDField(null=True, description="the pending ledger hold of that credit")
    captured_amount = fields.BigIntField(default=0)
    refunded_amount = fields.BigIntField(default=0, description="refunds booked (requested and done)")
    released_amount = fields.BigIntField(default=0, description="part of the capture released to payees")
    breakdown: Any = fields.JSONField(description="frozen from the booking: price, commission, tax, total, payees")
    gateway = fields.CharField(max_length=16)
    payment_id = fields.CharField(max_length=255, null=True, unique=True, description="the gateway's payment")
    charge_id = fields.CharField(max_length=255, null=True)
    authorize_entry_id = fields.UUIDField(null=True, description="the pending ledger hold of the authorization")
    attempt = fields.IntField(default=1, description="authorization attempt (a declined card may be retried)")
    capture_before = fields.DatetimeField(null=True, db_index=True)
    release_after = fields.DatetimeField(null=True, db_index=True)
    dispute_open = fields.BooleanField(default=False, description="an open dispute freezes the release")
    failure = fields.CharField(max_length=300, default="")
    version = fields.IntField(default=1)
    seq = fields.IntField(default=0, description="the last finance event's per-case sequence number")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "payment_case"


class MilestoneState(StrEnum):
    PENDING = "pending"
    RELEASED = "released"


class PaymentMilestone(Model):
    """One part of a case's amount, released on its own; a plain booking has exactly one."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    case_id: UUID
    case: fields.ForeignKeyRelation[PaymentCase] = fields.ForeignKeyField(
        "models.PaymentCase", related_name="milestones", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    title = fields.CharField(max_length=200, default="")
    amount = fields.BigIntField(description="what the customer pays for this part (its share of the total)")
    shares: Any = fields.JSONField(description="this part's commission, tax and payee shares, frozen at checkout")
    state = fields.CharEnumField(MilestoneState, max_length=16, default=MilestoneState.PENDING)
    released_at = fields.DatetimeField(null=True)

    class Meta:
        table = "payment_milestone"
        unique_together = (("case", "position"),)
