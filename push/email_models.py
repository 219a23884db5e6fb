"""The durable email queue: one row per email to one user, written by the notifier in the
transaction of the event behind it (never inside a request's own transaction: the outbox
carries the event to it), claimed by the email worker (push/email_worker.py) with
`FOR UPDATE SKIP LOCKED`. The address is read at send time, so a changed or erased one is
never written here."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from domain.shared.orm import Model


class EmailState(StrEnum):
    QUEUED = "queued"  # waiting for next_attempt_at (first attempt or a retry)
    SENT = "sent"  # the SMTP server accepted it
    FAILED = "failed"  # refused for good (a hard bounce, a rejection), or retries exhausted
    DROPPED = "dropped"  # not sent on purpose: the address is suppressed, or the account has none now


class EmailJob(Model):
    id = fields.BigIntField(primary_key=True)
    user_id = fields.UUIDField()
    kind = fields.CharField(max_length=64, description="notification kind (the template)")
    category = fields.CharField(max_length=32)
    language = fields.CharField(max_length=35, description="the locale it was rendered in (Content-Language)")
    subject = fields.CharField(max_length=255)
    text_body = fields.TextField()
    html_body = fields.TextField()
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    state = fields.CharEnumField(EmailState, max_length=16, default=EmailState.QUEUED)
    last_error = fields.TextField(null=True)
    # W3C trace context of the consumer that queued it (None: tracing off).
    traceparent = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    class Meta:
        table = "email_jobs"
        indexes = (("state", "next_attempt_at"), ("user_id", "created_at"))
