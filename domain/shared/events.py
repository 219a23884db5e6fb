"""Domain events: typed, immutable records of something that happened.

They leave the process only through the outbox (domain/shared/outbox.py), written in the
same transaction as the change, so a rolled-back change never announces itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, Protocol
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field

from domain.shared.clock import isoformat, utcnow

# finance and audit events go to Kafka per PROTOCOL section 6; domain events feed the
# realtime feed, push and sync consumers.
Stream = Literal["finance", "audit", "domain"]


class DomainEvent(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    stream: Stream
    type: str = Field(min_length=1, max_length=128)
    subject: str = Field(min_length=1, max_length=128)
    data: dict[str, Any] = Field(default_factory=dict)
    actor_id: str | None = None
    event_id: UUID = Field(default_factory=uuid4)
    occurred_at: datetime = Field(default_factory=utcnow)

    def wire(self) -> dict[str, Any]:
        """The JSON body consumers see (PROTOCOL section 6)."""
        body: dict[str, Any] = {
            "event_id": str(self.event_id),
            "type": self.type,
            "occurred_at": isoformat(self.occurred_at),
            "subject": self.subject,
            "data": self.data,
        }
        if self.actor_id is not None:
            body["actor_id"] = self.actor_id
        return body


class EventEnvelope(Protocol):
    """An event as a reaction receives it (bus/Envelope): its id, type and wire body."""

    @property
    def event_id(self) -> str: ...

    @property
    def type(self) -> str: ...

    @property
    def body(self) -> dict[str, Any]: ...
