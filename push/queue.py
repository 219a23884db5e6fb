"""The delivery queue's public interface: `enqueue`, called inside the notifier's unit of work.

The job row commits with the notification (and the inbox claim of the event behind it); the
notifier wakes the worker once that unit of work commits, and the worker polls otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from domain.shared import tracing
from push.models import PushJob, PushState


async def enqueue(
    conn: BaseDBAsyncClient | None,
    *,
    user_id: UUID | str,
    kind: str,
    category: str,
    notification_id: UUID | str | None,
    collapse_key: str | None,
    title: str,
    body: str,
    data: Mapping[str, Any] | None,
    not_before: datetime | None,
    volatile: bool,
) -> None:
    """Queue one push to all of `user_id`'s devices, sent at or after `not_before` (None: now).

    `data` (ids only, never message text) is sent as FCM data, values as strings; it should
    hold `entity_id`. The worker sets `kind`, `notification_id` and `cursor` at send time. Pass
    the connection of the surrounding transaction.
    """
    now = datetime.now(UTC)
    due = max(not_before, now) if not_before is not None else now
    await PushJob.create(
        user_id=user_id,
        kind=kind,
        category=category,
        notification_id=notification_id,
        collapse_key=collapse_key,
        title=title[:255],
        body=body,
        data={str(key): "" if value is None else str(value) for key, value in (data or {}).items()},
        volatile=volatile,
        not_before=due,
        next_attempt_at=due,
        state=PushState.QUEUED,
        traceparent=tracing.current_traceparent(),
        using_db=conn,
    )
