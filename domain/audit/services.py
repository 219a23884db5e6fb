"""Write an audit record and its `audit.events` message in the caller's unit of work."""

from __future__ import annotations

from typing import Any

from domain.audit.models import AuditRecord
from domain.shared.context import Actor, RequestContext
from domain.shared.events import DomainEvent
from domain.shared.uow import UnitOfWork


async def record(
    uow: UnitOfWork,
    *,
    actor: Actor | None,
    action: str,
    subject_type: str,
    subject_id: str,
    context: RequestContext,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditRecord:
    entry = await AuditRecord.create(
        actor_id=actor.user_id if actor else None,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        before=before,
        after=after,
        request_id=context.request_id,
        ip=context.ip,
        using_db=uow.connection,
    )
    await uow.record(
        DomainEvent(
            stream="audit",
            type=f"audit.{action}",
            subject=subject_id,
            actor_id=actor.user_id if actor else None,
            data={
                "audit_id": entry.id,
                "subject_type": subject_type,
                "before": before,
                "after": after,
                "request_id": context.request_id,
                "ip": context.ip,
            },
        ),
    )
    return entry
