"""A dispute over a booking's (or one milestone's) captured money, and its append-only timeline.

`open_key` is `<booking>:<opener>` while the dispute is open and NULL once it is closed: the
unique index makes "one open dispute per booking per user" a fact of the database, not a race.
`due_at` is the next SLA deadline (response, negotiation, admin decision) and `remind_at` the
reminder before it; the timer job (domain/disputes/timers.py) claims rows by them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class DisputeState(StrEnum):
    AWAITING_RESPONSE = "awaiting_response"  # the other side has `respond_by` to answer
    NEGOTIATING = "negotiating"  # both sides answered; offers may settle it before `due_at`
    AWAITING_ADMIN = "awaiting_admin"  # escalated: an admin decides before `decide_by`
    RESOLVED = "resolved"  # an outcome was booked (decision, accepted offer, default)
    WITHDRAWN = "withdrawn"  # the opener dropped it; nothing moved


class Side(StrEnum):
    CUSTOMER = "customer"
    PROVIDER = "provider"  # the lead serviceman, the provider's owner and managers
    ADMIN = "admin"
    SYSTEM = "system"  # the SLA timers


class Outcome(StrEnum):
    REFUND = "refund"  # everything disputed goes back to the customer
    RELEASE = "release"  # the held money goes to the payees
    SPLIT = "split"  # `refund_amount` back, the rest released


class EntryKind(StrEnum):
    EVIDENCE = "evidence"  # text, message references, upload ids; shared or private
    RESPONSE = "response"  # a written answer
    OFFER = "offer"  # a partial refund proposal to the other side
    OFFER_ACCEPTED = "offer_accepted"
    OFFER_DECLINED = "offer_declined"
    STATUS = "status"  # opened, escalated, assigned, withdrawn, reminders are not entries
    DECISION = "decision"  # the outcome, with its reason
    CHARGEBACK = "chargeback"  # the gateway's dispute of the same payment (a hook: chargebacks.py)


class Dispute(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    booking_id: UUID
    booking: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Booking", related_name="disputes", on_delete=fields.RESTRICT
    )
    case_id = fields.UUIDField(db_index=True, description="the booking's payment case")
    milestone = fields.IntField(null=True, description="the disputed milestone; none: the whole booking")
    customer_id = fields.UUIDField(db_index=True)
    organisation_id = fields.UUIDField(null=True, db_index=True)
    opened_by_id = fields.UUIDField()
    opener_side = fields.CharEnumField(Side, max_length=16)
    reason = fields.CharField(max_length=32)
    category = fields.CharField(max_length=16, db_index=True, description="the reason's group (queue filter)")
    description = fields.TextField()
    currency = fields.CharField(max_length=3)
    claimed_amount = fields.BigIntField()
    state = fields.CharEnumField(DisputeState, max_length=24, default=DisputeState.AWAITING_RESPONSE, db_index=True)
    priority = fields.IntField(default=0, description="triage: higher first in the admin queue")
    assignee_id = fields.UUIDField(null=True, db_index=True)
    due_at = fields.DatetimeField(null=True, db_index=True, description="the next SLA deadline")
    remind_at = fields.DatetimeField(null=True, db_index=True, description="the reminder before due_at")
    decide_by = fields.DatetimeField(null=True)
    open_offer_seq = fields.IntField(null=True, description="the offer waiting for the other side")
    outcome = fields.CharEnumField(Outcome, max_length=16, null=True)
    refund_amount = fields.BigIntField(null=True)
    release_amount = fields.BigIntField(null=True)
    decision_reason = fields.CharField(max_length=1000, default="")
    decided_by_id = fields.UUIDField(null=True)
    open_key = fields.CharField(max_length=80, null=True, unique=True)
    last_seq = fields.IntField(default=0, description="the timeline's last entry number")
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    closed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "dispute"


class DisputeEntry(Model):
    """One line of the timeline, never changed: `seq` numbers a dispute's entries from 1."""

    id = fields.UUIDField(primary_key=True, default=uuid4)
    dispute_id: UUID
    dispute: fields.ForeignKeyRelation[Dispute] = fields.ForeignKeyField(
        "models.Dispute", related_name="entries", on_delete=fields.RESTRICT
    )
    seq = fields.IntField()
    kind = fields.CharEnumField(EntryKind, max_length=16)
    author_id = fields.UUIDField(null=True, description="none: the system (timers)")
    author_side = fields.CharEnumField(Side, max_length=16)
    shared = fields.BooleanField(default=True, description="false: only its author and admins see it")
    body = fields.TextField(default="")
    message_ids: Any = fields.JSONField(default=list, description="messages of the booking's conversation")
    upload_ids: Any = fields.JSONField(default=list, description="uploads (domain/media), as UUID strings")
    amount = fields.BigIntField(null=True, description="an offer's refund, a decision's refund")
    data: Any = fields.JSONField(default=dict)
    client_key = fields.CharField(max_length=80, null=True, description="the author's idempotency key")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "dispute_entry"
        unique_together = (("dispute", "seq"), ("dispute", "author_id", "client_key"))
