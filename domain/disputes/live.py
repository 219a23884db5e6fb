"""Dispute changes on live sockets: the `dispute-live` reaction (app/subscriptions.py) reads each
dispute event of the `domain` stream (key `dispute:<id>`: in order per dispute, on Kafka too)
and, once its unit of work committed, hands `{dispute, entry}` to the live port
(realtime/emitters.py `DisputeEmitter`: `dispute:update` on every party's `/disputes` sockets,
with the sync cursor at which the change is visible). A private entry reaches only its author
and the assigned admin."""

from __future__ import annotations

from typing import Any, Protocol

from domain.disputes import events
from domain.disputes import policy as parties
from domain.disputes.models import Dispute
from domain.shared.events import EventEnvelope
from domain.shared.ids import as_uuid
from domain.shared.uow import UnitOfWork

CONSUMER = "dispute-live"  # its inbox key and Kafka group: never rename


class DisputeLive(Protocol):
    async def dispute_changed(self, user_ids: list[str], dispute: dict[str, Any],
                              entry: dict[str, Any] | None) -> None: ...


class DisputeNotices:
    def __init__(self, live: DisputeLive) -> None:
        self._live = live

    @staticmethod
    def wants(envelope: EventEnvelope) -> bool:
        """The events `handle` acts on (the others pass it by without an inbox claim)."""
        return envelope.type in events.TYPES and envelope.type != events.REMINDER

    async def handle(self, envelope: EventEnvelope, uow: UnitOfWork) -> None:
        data = envelope.body.get("data")
        if not self.wants(envelope) or not isinstance(data, dict):
            return
        dispute_id = as_uuid(str(data.get("dispute_id", "")))
        dispute = await Dispute.get_or_none(id=dispute_id, using_db=uow.connection) if dispute_id else None
        if dispute is None:
            return
        entry = data.get("entry")
        if isinstance(entry, dict) and not entry.get("shared", True):
            users = [str(entry.get("author_id"))]
        else:
            users = await parties.users_of(dispute, conn=uow.connection)
        if dispute.assignee_id:
            users.append(str(dispute.assignee_id))
        users = list(dict.fromkeys(users))
        snapshot = data.get("dispute") or {}

        async def tell() -> None:
            await self._live.dispute_changed(users, snapshot, entry if isinstance(entry, dict) else None)

        uow.after_commit(tell)
