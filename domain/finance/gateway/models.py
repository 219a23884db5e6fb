"""The webhook inbox: one row per provider event, stored once (by gateway and event id) when
its signature verified, then applied by a worker. Rows are kept: they are the audit trail of
what the provider told us."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from domain.shared.orm import Model


class InboxState(StrEnum):
    PENDING = "pending"  # stored, not applied yet (or a failed attempt waiting for its retry)
    APPLIED = "applied"
    FAILED = "failed"  # attempts exhausted: needs a person (the row keeps the last error)


class GatewayEventRecord(Model):
    id = fields.BigIntField(primary_key=True)
    gateway = fields.CharField(max_length=32)
    event_id = fields.CharField(max_length=255)
    type = fields.CharField(max_length=128)
    object_id = fields.CharField(max_length=255, description="the provider object to refetch and apply by state")
    account = fields.CharField(max_length=255, null=True, description="connected account the event happened on")
    occurred_at = fields.DatetimeField(description="the event's own creation time at the provider")
    payload: Any = fields.JSONField()
    received_at = fields.DatetimeField(auto_now_add=True)
    state = fields.CharEnumField(InboxState, max_length=16, default=InboxState.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(description="due time of the next attempt; a claim leases it ahead")
    last_error = fields.TextField(null=True)
    applied_at = fields.DatetimeField(null=True)

    class Meta:
        table = "gateway_event"
        unique_together = (("gateway", "event_id"),)
        indexes = (("state", "next_attempt_at"),)
