"""Appending to a dispute's timeline and moving its state, in the caller's unit of work.

The dispute row is locked (`SELECT ... FOR UPDATE` on PostgreSQL; SQLite serializes writers)
before an entry takes the next `seq`, so entries are numbered without gaps or races and the
state the caller read is the state it changes."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from domain.disputes.models import Dispute, DisputeEntry, DisputeState, EntryKind, Side
from domain.disputes.rules import DisputeRules
from domain.shared.clock import utcnow
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork


def upload_ids_of(values: list[str]) -> list[str]:
    ids = []
    for index, value in enumerate(values):
        uid = as_uuid(value)
        if uid is None:
            raise ValidationFailed(errors=[{"field": f"upload_ids.{index}", "message": "must be an upload id"}])
        ids.append(str(uid))
    return list(dict.fromkeys(ids))


async def locked(uow: UnitOfWork, dispute_id: UUID) -> Dispute:
    query = Dispute.filter(id=dispute_id).using_db(uow.connection)
    if uow.connection.capabilities.dialect == "postgres":
        query = query.select_for_update()
    found = await query.first()
    if found is None:
        raise NotFound()
    return found


def deadlines(state: DisputeState, rules: DisputeRules, now: datetime) -> dict[str, Any]:
    """The next SLA deadline and its reminder for a dispute entering `state`."""
    span = {DisputeState.AWAITING_RESPONSE: rules.response_time, DisputeState.NEGOTIATING: rules.negotiation_time,
            DisputeState.AWAITING_ADMIN: rules.decision_time}.get(state)
    if span is None:
        return {"due_at": None, "remind_at": None}
    due = now + span
    remind = due - rules.reminder_before
    return {"due_at": due, "remind_at": remind if remind > now else None,
            **({"decide_by": due} if state is DisputeState.AWAITING_ADMIN else {})}


async def append(uow: UnitOfWork, dispute: Dispute, kind: EntryKind, author_id: str | None, side: Side, *,
                 body: str = "", shared: bool = True, message_ids: list[str] | None = None,
                 upload_ids: list[str] | None = None, amount: int | None = None,
                 data: dict[str, Any] | None = None, client_key: str | None = None,
                 updates: dict[str, Any] | None = None) -> tuple[Dispute, DisputeEntry]:
    """Add the next entry to a dispute locked by the caller, with any changes to the dispute."""
    seq = dispute.last_seq + 1
    entry = await DisputeEntry.create(
        dispute_id=dispute.id, seq=seq, kind=kind, author_id=author_id, author_side=side, shared=shared, body=body,
        message_ids=message_ids or [], upload_ids=upload_ids or [], amount=amount, data=data or {},
        client_key=client_key, using_db=uow.connection)
    await Dispute.filter(id=dispute.id).using_db(uow.connection).update(
        last_seq=seq, version=dispute.version + 1, updated_at=utcnow(), **(updates or {}))
    fresh = await Dispute.get(id=dispute.id, using_db=uow.connection)
    return fresh, entry
