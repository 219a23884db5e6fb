"""HOOK: a chargeback (`charge.dispute.*`, booked on the payment case by the gateway work) shows
on the timeline of every open dispute of the same payment, as a system entry. Registered with
the payment cases' port at import (finance may not import disputes), with the lock taken before
the chargeback writes the case."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.disputes import events
from domain.disputes.models import Dispute, EntryKind, Side
from domain.disputes.states import OPEN
from domain.disputes.timeline import append, locked
from domain.finance.cases.disputes import register_chargeback_listener, register_chargeback_lock
from domain.shared.uow import UnitOfWork

_FIELDS = ("type", "steps", "dispute_id", "amount", "currency", "status", "reason", "outcome")


async def lock_open_disputes(uow: UnitOfWork, case_id: UUID) -> None:
    """Before the chargeback writes the case: its open disputes, in id order, as an outcome would."""
    for row in await Dispute.filter(case_id=case_id, state__in=list(OPEN)).using_db(uow.connection).order_by("id"):
        await locked(uow, row.id)


async def show_chargeback(uow: UnitOfWork, case_id: UUID, event: dict[str, Any]) -> None:
    found = await Dispute.filter(case_id=case_id, state__in=list(OPEN)).using_db(uow.connection)
    for row in found:
        dispute = await locked(uow, row.id)
        data = {k: event.get(k) for k in _FIELDS if k in event}
        dispute, entry = await append(uow, dispute, EntryKind.CHARGEBACK, None, Side.SYSTEM,
                                      body=str(event.get("type", "chargeback")), data=data)
        await events.record(uow, events.ENTRY_ADDED, dispute, entry, None, notify=[])


register_chargeback_listener(show_chargeback)
register_chargeback_lock(lock_open_disputes)
