"""Data-subject requests (GDPR Art. 12, 15-17, 20): what a person asked for, the clock the law
puts on the answer, and where the request stands. The admin queue reads this table; every step
is also an audit record (domain/audit), which is the request's audit trail."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from tortoise import fields

from domain.shared.orm import Model


class RequestKind(StrEnum):
    ERASURE = "erasure"  # Art. 17
    EXPORT = "export"  # Art. 20 (portability)
    ACCESS = "access"  # Art. 15
    RECTIFICATION = "rectification"  # Art. 16


class RequestState(StrEnum):
    RECEIVED = "received"  # filed; the requester's identity is not established yet
    IDENTITY_CHECKED = "identity_checked"  # the requester is the person (re-entered password, or an admin's check)
    SCHEDULED = "scheduled"  # an erasure waits out its grace period (cancellable)
    DONE = "done"
    CANCELLED = "cancelled"  # withdrawn by the person within the grace period
    REFUSED = "refused"  # refused with a reason (Art. 12(4): the person is told why)


OPEN_STATES = (RequestState.RECEIVED, RequestState.IDENTITY_CHECKED, RequestState.SCHEDULED)


class DataSubjectRequest(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    # No foreign key: an erased account's row stays (pseudonymised), and the request must outlive
    # anything that happens to it (the proof that it was honoured).
    user_id: UUID = fields.UUIDField(db_index=True)
    kind = fields.CharEnumField(RequestKind, max_length=16)
    state = fields.CharEnumField(RequestState, max_length=20, default=RequestState.RECEIVED)
    channel = fields.CharField(max_length=16, description="self_service, or admin (filed for the person)")
    received_at = fields.DatetimeField()
    # One month after receipt, plus the extensions (Art. 12(3): at most two more months).
    due_at = fields.DatetimeField(db_index=True)
    extended_months = fields.IntField(default=0)
    # [{"months": 1, "reason": "...", "by": "<admin id>", "at": "<rfc 3339>"}], in order.
    extensions: Any = fields.JSONField(default=list)
    identity_method = fields.CharField(max_length=32, null=True, description="password, or how an admin checked")
    identity_checked_at = fields.DatetimeField(null=True)
    identity_checked_by = fields.CharField(max_length=64, null=True)
    execute_after = fields.DatetimeField(null=True, description="an erasure's grace period ends")
    closed_at = fields.DatetimeField(null=True)
    refusal_reason = fields.TextField(null=True)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "data_subject_request"
        indexes = (("state", "execute_after"),)
