"""The push queue for the status summary (GET /v1/admin/status): pushes waiting to be
delivered, past their quiet hours (due now or in retry backoff), as the lag gauge counts them
(push/worker.py), plus those held by quiet hours. Counts over the (state, next_attempt_at) index."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from domain.operations.views import Backlog
from push.models import PushJob, PushState


async def push_queue(now: datetime) -> Backlog:
    queued = PushJob.filter(state=PushState.QUEUED)
    waiting = queued.filter(not_before__lte=now)
    count = await waiting.count()
    oldest: list[Any] = list(await waiting.order_by("not_before").limit(1).values_list("not_before", flat=True))
    held = await queued.filter(not_before__gt=now).count()
    lag = max((now - cast(datetime, oldest[0])).total_seconds(), 0.0) if oldest else None
    return Backlog("push_queue", count, lag, f"pushes waiting for delivery ({held} more held by quiet hours)")
