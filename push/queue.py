"""The delivery queue's public interface: `enqueue`, called inside the notifier's transaction.

The job row commits with the notification (and the inbox claim of the event behind it); the
worker is woken once that transaction commits, and polls otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from push.models import PushJob, PushState

_wake_listeners: list[Callable[[], None]] = []


def on_enqueue_commit(listener: Callable[[], None]) -> Callable[[], None]:
    """Register a worker wake-up run after a transaction that enqueued pushes commits.

    Returns a function that unregisters it."""
    _wake_listeners.append(listener)
    return lambda: _wake_listeners.remove(listener)


def wake_workers() -> None:
    for listener in list(_wake_listeners):
        listener()


async def _wake_after_commit() -> None:
    wake_workers()


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
        using_db=conn,
    )
    # Inside an event handler the wake-up waits for the commit; elsewhere (a plain
    # transaction, a script) the poll picks it up, and waking early is harmless anyway.
    from bus.subscriptions import after_commit

    try:
        after_commit(_wake_after_commit)
    except RuntimeError:
        wake_workers()
