"""One row per reconciliation run: its window, what it compared and what did not match."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from tortoise import fields

from domain.shared.orm import Model


class ReconciliationRun(Model):
    id = fields.UUIDField(primary_key=True, default=uuid4)
    gateway = fields.CharField(max_length=32)
    window_start = fields.DatetimeField()
    window_end = fields.DatetimeField()
    trigger = fields.CharField(max_length=16, description="daily | manual")
    requested_by = fields.UUIDField(null=True)
    gateway_transactions = fields.IntField(default=0)
    ledger_entries = fields.IntField(default=0)
    matched = fields.IntField(default=0)
    mismatches: Any = fields.JSONField(description="[{kind, object_id, gateway, ledger, detail}]")
    events_not_received: Any = fields.JSONField(description="gateway objects no stored webhook mentions")
    clean = fields.BooleanField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "reconciliation_run"
