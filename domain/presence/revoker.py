"""The `presence-revoke` reaction (app/subscriptions.py): after an event that may end
relationships (a booking closed, crew changed, a membership ended, a participant removed), each
user is told whom they may no longer see, once that commits, so their live presence
subscriptions end (realtime/emitters.py sends `presence:revoked`)."""

from __future__ import annotations

from typing import Protocol

from domain.presence.visibility import ENDING, lost_sight
from domain.shared.events import EventEnvelope
from domain.shared.uow import UnitOfWork

CONSUMER = "presence-revoke"


class PresenceNotices(Protocol):
    async def revoked(self, lost: dict[str, set[str]]) -> None: ...


class PresenceRevoker:
    def __init__(self, notices: PresenceNotices) -> None:
        self._notices = notices

    @staticmethod
    def wants(envelope: EventEnvelope) -> bool:
        """The events `handle` acts on (the others pass it by without an inbox claim)."""
        return envelope.type in ENDING

    async def handle(self, envelope: EventEnvelope, uow: UnitOfWork) -> None:
        data = envelope.body.get("data")
        lost = await lost_sight(envelope.type, data if isinstance(data, dict) else {})
        if lost:
            uow.after_commit(lambda: self._notices.revoked(lost))
