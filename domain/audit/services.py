"""Write an audit record and its `audit.events` message in the caller's unit of work."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tortoise.fields.data import JSON_DUMPS

from domain.audit.models import AuditRecord
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.events import DomainEvent
from domain.shared.uow import UnitOfWork

# On PostgreSQL the record, its event and the caller's own events are ONE statement: the event
# carries the record's id, which only the insert knows, so the id is patched into its body there.
_WRITE_PG = """
WITH a AS (
    INSERT INTO audit_record (actor_id, action, subject_type, subject_id, before, after, request_id, ip, created_at)
    VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9) RETURNING id)
INSERT INTO outbox (event_id, stream, type, key, body, created_at, attempts)
SELECT e.event_id, e.stream, e.type, e.key,
       CASE WHEN e.audited THEN jsonb_set(e.body, '{data,audit_id}', to_jsonb(a.id)) ELSE e.body END, $9, 0
FROM a, unnest($10::uuid[], $11::text[], $12::text[], $13::text[], $14::jsonb[], $15::boolean[])
        WITH ORDINALITY AS e(event_id, stream, type, key, body, audited, n)
ORDER BY e.n"""


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
    events: Sequence[DomainEvent] = (),
) -> None:
    """The audit record and its event, after `events` (the caller's own, recorded with it in
    the same round trip on PostgreSQL, in this order)."""
    actor_id = actor.user_id if actor else None
    audit_event = DomainEvent(
        stream="audit", type=f"audit.{action}", subject=subject_id, actor_id=actor_id,
        data={"audit_id": 0, "subject_type": subject_type, "before": before, "after": after,
              "request_id": context.request_id, "ip": context.ip},
    )
    conn = uow.connection
    if conn.capabilities.dialect == "postgres":
        written = [*events, audit_event]
        await conn.execute_query(_WRITE_PG, [
            actor_id, action, subject_type, subject_id, _json(before), _json(after), context.request_id,
            context.ip, utcnow(), [e.event_id for e in written], [e.stream for e in written],
            [e.type for e in written], [e.subject for e in written], [JSON_DUMPS(e.wire()) for e in written],
            [e is audit_event for e in written]])
        uow.recorded_by_statement(len(written))
        return
    for event in events:
        await uow.record(event)
    entry = await AuditRecord.create(actor_id=actor_id, action=action, subject_type=subject_type,
                                     subject_id=subject_id, before=before, after=after,
                                     request_id=context.request_id, ip=context.ip, using_db=conn)
    await uow.record(audit_event.model_copy(update={"data": {**audit_event.data, "audit_id": entry.id}}))


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else JSON_DUMPS(value)
