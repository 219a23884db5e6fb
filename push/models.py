"""The durable push delivery queue: one row per push to one user (all of that user's devices).

Rows are written by the notifier in the transaction of the event that caused them (so the
queue is fed from the outbox and nothing is lost), and claimed by the delivery workers
(push/worker.py) with `FOR UPDATE SKIP LOCKED`, so several processes can run workers.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from domain.shared.orm import Model


class PushState(StrEnum):
    QUEUED = "queued"  # waiting for next_attempt_at (first attempt, a retry, or held by quiet hours)
    SENT = "sent"  # FCM accepted it for at least one device
    FAILED = "failed"  # retries exhausted (attempts or age), or no device accepted it for good
    DROPPED = "dropped"  # not sent on purpose: no devices, rate-limited, or superseded by a newer push


class PushJob(Model):
    id = fields.BigIntField(primary_key=True)
    user_id = fields.UUIDField()
    kind = fields.CharField(max_length=64, description="notification kind, data.kind of the push")
    category = fields.CharField(max_length=32)
    notification_id = fields.UUIDField(null=True, description="the in-app Notification it stands for")
    collapse_key = fields.CharField(max_length=160, null=True)
    title = fields.CharField(max_length=255)
    body = fields.TextField()
    data: Any = fields.JSONField(description="extra string data fields (entity_id, ...)")
    # Volatile pushes (typing, "someone is nearby") are worth nothing late: dropped, not retried for long.
    volatile = fields.BooleanField(default=False)
    not_before = fields.DatetimeField(description="earliest send time (end of quiet hours)")
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    state = fields.CharEnumField(PushState, max_length=16, default=PushState.QUEUED)
    last_error = fields.TextField(null=True)
    # After a partial failure: the only tokens still owed this push (the others got it or were
    # pruned), so a retry never reaches a device twice. None: every device of the user.
    retry_tokens: Any = fields.JSONField(null=True)
    # W3C trace context of the consumer that queued it (None: tracing off): its delivery joins that trace.
    traceparent = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    class Meta:
        table = "push_jobs"
        # The worker's claim: due queued jobs, oldest first.
        indexes = (("state", "next_attempt_at"), ("user_id", "created_at"))
