"""Write an audit record and its `audit.events` message in the caller's unit of work.

The rows are append-only and nothing reads them before the commit, so they are buffered
(`UnitOfWork.defer`) and written together just before the commit: on PostgreSQL every audit
record of a unit of work, their events and the events handed in with them are ONE statement."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.fields.data import JSON_DUMPS

from domain.audit.models import AuditRecord
from domain.shared import tracing
from domain.shared.clock import utcnow
from domain.shared.context import Actor, RequestContext
from domain.shared.events import DomainEvent
from domain.shared.uow import UnitOfWork

# Record ids are drawn first (`ids`), so each audit event can carry its record's id. Every row
# source is an array parameter: its generic plan then costs about what a custom one does, so the
# prepared statement settles on it (with `generate_series(1, $n)`, estimated at 1,000 rows when
# generic, PostgreSQL planned it afresh on every execution: ~0.13 ms, more than it ran).
_WRITE_PG = """
WITH ids AS MATERIALIZED (
    SELECT n, nextval(pg_get_serial_sequence('audit_record', 'id')) AS id
    FROM unnest($2::text[]) WITH ORDINALITY AS i(action, n)),
a AS (
    INSERT INTO audit_record (id, actor_id, action, subject_type, subject_id, before, after, request_id, ip,
                              created_at)
    SELECT ids.id, r.actor_id, r.action, r.subject_type, r.subject_id, r.before, r.after, r.request_id, r.ip, $1
    FROM unnest($3::text[], $2::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[], $8::text[], $9::text[])
         WITH ORDINALITY AS r(actor_id, action, subject_type, subject_id, before, after, request_id, ip, n)
    JOIN ids USING (n) ORDER BY n)
INSERT INTO outbox (event_id, stream, type, key, body, created_at, attempts, traceparent)
SELECT e.event_id, e.stream, e.type, e.key,
       CASE WHEN e.audit_n > 0 THEN jsonb_set(e.body, '{data,audit_id}', to_jsonb(ids.id)) ELSE e.body END, $1, 0,
       $16::text
FROM unnest($10::uuid[], $11::text[], $12::text[], $13::text[], $14::jsonb[], $15::int[])
     WITH ORDINALITY AS e(event_id, stream, type, key, body, audit_n, n)
LEFT JOIN ids ON ids.n = e.audit_n
ORDER BY e.n"""


@dataclass(frozen=True)
class _Pending:
    row: dict[str, Any]
    event: DomainEvent  # its audit event; data.audit_id is filled in when the row is written
    events: Sequence[DomainEvent]  # the caller's, written just before it


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
    """The audit record and its event, after `events` (the caller's own, written with it). The
    client's address is kept as its keyed hash (`context.ip_hash`), in the row and the event alike."""
    actor_id = actor.user_id if actor else None
    row = {"actor_id": actor_id, "action": action, "subject_type": subject_type, "subject_id": subject_id,
           "before": before, "after": after, "request_id": context.request_id, "ip": context.ip_hash}
    event = DomainEvent(stream="audit", type=f"audit.{action}", subject=subject_id, actor_id=actor_id,
                        data={"audit_id": 0, "subject_type": subject_type, "before": before, "after": after,
                              "request_id": context.request_id, "ip": context.ip_hash})
    uow.defer(_write, _Pending(row, event, tuple(events)))


async def _write(uow: UnitOfWork, pending: list[Any]) -> None:
    conn = uow.connection
    if conn.capabilities.dialect != "postgres":
        for item in pending:
            for event in item.events:
                await uow.record(event)
            entry = await AuditRecord.create(**item.row, using_db=conn)
            await uow.record(item.event.model_copy(update={"data": {**item.event.data, "audit_id": entry.id}}))
        return
    rows = [item.row for item in pending]
    events: list[tuple[DomainEvent, int]] = []
    for number, item in enumerate(pending, start=1):
        events += [(event, 0) for event in item.events] + [(item.event, number)]
    await conn.execute_query(_WRITE_PG, [
        utcnow(), [r["action"] for r in rows],
        *([r[name] for r in rows] for name in ("actor_id", "subject_type", "subject_id")),
        [_json(r["before"]) for r in rows], [_json(r["after"]) for r in rows], [r["request_id"] for r in rows],
        [r["ip"] for r in rows], [e.event_id for e, _ in events], [e.stream for e, _ in events],
        [e.type for e, _ in events], [e.subject for e, _ in events], [JSON_DUMPS(e.wire()) for e, _ in events],
        [n for _, n in events], tracing.current_traceparent()])
    uow.recorded_by_statement(len(events))


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else JSON_DUMPS(value)
