"""The push queue for the status summary (GET /v1/admin/status): pushes waiting to be
delivered, past their quiet hours (due now or in retry backoff), as the lag gauge counts them
(push/worker.py), plus those held by quiet hours. Counts over the (state, next_attempt_at) index.
The email queue likewise (push/email_worker.py): waiting, failed for good, and the suppression list."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from domain.notifications.models import EmailSuppression
from domain.operations.views import Backlog
from push.email_models import EmailJob, EmailState
from push.models import PushJob, PushState


async def push_queue(now: datetime) -> Backlog:
    queued = PushJob.filter(state=PushState.QUEUED)
    waiting = queued.filter(not_before__lte=now)
    count = await waiting.count()
    oldest: list[Any] = list(await waiting.order_by("not_before").limit(1).values_list("not_before", flat=True))
    held = await queued.filter(not_before__gt=now).count()
    lag = max((now - cast(datetime, oldest[0])).total_seconds(), 0.0) if oldest else None
    return Backlog("push_queue", count, lag, f"pushes waiting for delivery ({held} more held by quiet hours)")


async def email_queue(now: datetime) -> Backlog:
    """Emails not sent yet (push/email_worker.py): the oldest by when it was queued; those due now
    and those waiting for a retry."""
    queued = EmailJob.filter(state=EmailState.QUEUED)
    count = await queued.count()
    oldest: list[Any] = list(await queued.order_by("created_at").limit(1).values_list("created_at", flat=True)) \
        if count else []
    due = await EmailJob.filter(state=EmailState.QUEUED, next_attempt_at__lte=now).count() if count else 0
    age = max((now - cast(datetime, oldest[0])).total_seconds(), 0.0) if oldest else None
    return Backlog("email_queue", count, age, f"emails waiting for delivery ({due} due now, the rest retrying later)")


async def email_failed(now: datetime) -> Backlog:
    """Emails refused for good (a hard bounce, a rejection) or out of attempts, as long as they are kept."""
    failed = EmailJob.filter(state=EmailState.FAILED)
    count = await failed.count()
    oldest: list[Any] = list(await failed.order_by("created_at").limit(1).values_list("created_at", flat=True)) \
        if count else []
    age = max((now - cast(datetime, oldest[0])).total_seconds(), 0.0) if oldest else None
    return Backlog("email_failed", count, age, "emails failed for good (bounced, rejected or out of attempts), "
                   "kept for inspection until the retention deletes them")


async def email_suppressed(now: datetime) -> Backlog:
    count = await EmailSuppression.all().count()
    return Backlog("email_suppressed", count, None, "addresses never emailed again (a hard bounce or a complaint)")
