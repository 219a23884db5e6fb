"""The event bus port: where relayed outbox events go.

`InProcessBus` (bus/inprocess.py) hands them to subscribers in this process (embedded
default); `KafkaPublisher` (bus/kafka.py) sends them to Kafka. Both get the same rows, in
outbox id order, from the relay (bus/relay.py), and must raise if anything was not sent so
the relay retries the batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Envelope:
    """One outbox row as published: stream (finance/audit/domain), key, wire body."""

    event_id: str
    stream: str
    type: str
    key: str
    body: dict[str, Any]


class EventPublisher(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def publish(self, batch: list[Envelope]) -> None:
        """Deliver every envelope or raise; order within a key must be kept."""

    async def ping(self) -> None:
        """Raise when the destination cannot be reached (readiness probe)."""
