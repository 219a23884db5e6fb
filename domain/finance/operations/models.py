"""Stored external calls: a transition that needs the gateway writes a row in its own unit of
work; the worker (domain/finance/operations/worker.py) calls the gateway with the stored
idempotency key and records the outcome in a second unit of work."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import uuid4

from tortoise import fields

from domain.shared.orm import Model


class OpKind(StrEnum):
    AUTHORIZE = "authorize"
    CAPTURE = "capture"
    VOID = "void"
    REFUND = "refund"
    TRANSFER = "transfer"
    REVERSAL = "reversal"  # a transfer reversal: a refund after payout claws the payee's part back


class OpStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"  # definitive: the key is closed; a new attempt is a new row and key


class FinanceOperation(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    case_id = fields.UUIDField(db_index=True)
    op = fields.CharEnumField(OpKind, max_length=16)
    params: Any = fields.JSONField(description="what the gateway call needs, stored before the call")
    idempotency_key = fields.CharField(max_length=255, unique=True, description="fs:<op>:<case>:<attempt>")
    attempt = fields.IntField(default=1)
    status = fields.CharEnumField(OpStatus, max_length=16, default=OpStatus.PENDING)
    result: Any = fields.JSONField(null=True)
    tries = fields.IntField(default=0, description="calls made with this key")
    last_error = fields.TextField(default="")
    next_attempt_at = fields.DatetimeField(db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "finance_operation"
        indexes = (("status", "next_attempt_at"),)
