"""The events disputes record (stream `domain`, key `dispute:<id>`: Kafka keeps one dispute's
events in order). `data` carries the dispute as the parties see it and, for a timeline change,
the entry (a private one: the live reaction tells its author and admins only)."""

from __future__ import annotations

from typing import Any

from domain.disputes.models import Dispute, DisputeEntry, Side
from domain.disputes.views import dispute_dict, entry_dict
from domain.shared.events import DomainEvent
from domain.shared.uow import UnitOfWork

OPENED = "dispute.opened"
ENTRY_ADDED = "dispute.entry_added"
ESCALATED = "dispute.escalated"
ASSIGNED = "dispute.assigned"
RESOLVED = "dispute.resolved"
WITHDRAWN = "dispute.withdrawn"
REMINDER = "dispute.reminder"

TYPES = (OPENED, ENTRY_ADDED, ESCALATED, ASSIGNED, RESOLVED, WITHDRAWN, REMINDER)


async def record(uow: UnitOfWork, type_: str, dispute: Dispute, entry: DisputeEntry | None,
                 actor_id: str | None, **extra: Any) -> None:
    data: dict[str, Any] = {"dispute_id": str(dispute.id), "booking_id": str(dispute.booking_id),
                            "state": dispute.state.value, "seq": dispute.last_seq,
                            "dispute": dispute_dict(dispute), "entry": entry_dict(entry) if entry else None,
                            "author_side": entry.author_side.value if entry else Side.SYSTEM.value, **extra}
    await uow.record(DomainEvent(stream="domain", type=type_, subject=f"dispute:{dispute.id}", actor_id=actor_id,
                                 data=data))
