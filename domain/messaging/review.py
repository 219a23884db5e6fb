"""The admin review queue of messages the scam screen flagged."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tortoise.expressions import Q

from domain.access.policy import Permission, authorize
from domain.messaging.models import Message, ReviewVerdict
from domain.shared import keyset
from domain.shared.clock import utcnow
from domain.shared.context import Actor
from domain.shared.errors import NotFound
from domain.shared.events import DomainEvent
from domain.shared.ids import as_uuid
from domain.shared.uow import unit_of_work


class QueueStatus(StrEnum):
    PENDING = "pending"
    REVIEWED = "reviewed"
    ALL = "all"


@dataclass
class FlaggedPage:
    items: list[Message]
    next_cursor: str | None


async def list_flagged(actor: Actor, *, status: QueueStatus = QueueStatus.PENDING, cursor: str | None = None,
                       limit: int = 50) -> FlaggedPage:
    """Oldest first, so the queue is worked in the order messages arrived."""
    await authorize(actor, Permission.MESSAGE_REVIEW)
    query = Message.filter(flagged=True)
    if status is QueueStatus.PENDING:
        query = query.filter(review_verdict__isnull=True)
    elif status is QueueStatus.REVIEWED:
        query = query.filter(review_verdict__isnull=False)
    if cursor:
        at, last = keyset.moment_and_id(cursor)
        query = query.filter(Q(created_at__gt=at) | Q(created_at=at, id__gt=last))
    rows = await query.order_by("created_at", "id").limit(limit + 1)
    page = rows[:limit]
    more = len(rows) > limit
    return FlaggedPage(page, keyset.after_created(page[-1]) if more else None)


async def review(actor: Actor, message_id: str, verdict: ReviewVerdict) -> Message:
    """Record an admin's verdict (a later review replaces an earlier one)."""
    await authorize(actor, Permission.MESSAGE_REVIEW)
    uid = as_uuid(message_id)
    message = await Message.get_or_none(id=uid, flagged=True) if uid else None
    if message is None:
        raise NotFound()
    async with unit_of_work() as uow:
        now = utcnow()
        await Message.filter(id=message.id).using_db(uow.connection).update(
            review_verdict=verdict, reviewed_by_id=actor.user_id, reviewed_at=now
        )
        await uow.record(DomainEvent(
            stream="domain", type="message.reviewed", subject=str(message.conversation_id),
            actor_id=actor.user_id,
            data={"message_id": str(message.id), "conversation_id": str(message.conversation_id),
                  "sender_id": str(message.sender_id), "verdict": verdict.value},
        ))
        message = await Message.get(id=message.id, using_db=uow.connection)
    return message
