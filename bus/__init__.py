"""The event bus port: where relayed outbox events go.

`InProcessBus` (bus/inprocess.py) hands them to subscribers in this process (embedded
default); `KafkaPublisher` (bus/kafka.py) sends them to Kafka. Both get the same rows, in
outbox id order, from the relay (bus/relay.py), and must raise if anything was not sent so
the relay retries it. Delivery is at-least-once, so consumers dedupe by event id
(bus/dedupe.py): Kafka consumers through `KafkaEventConsumer` (bus/consumer.py), in-process
subscribers through `deduped(...)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Envelope:
    """One outbox row as published: stream (finance/audit/domain), key, wire body, and the
    W3C trace context of whoever recorded it (None: tracing off; domain/shared/tracing.py)."""

    event_id: str
    stream: str
    type: str
    key: str
    body: dict[str, Any]
    traceparent: str | None = None


class PublishError(Exception):
    """The failure concerns particular envelopes (one too large, say), not the destination.

    `delivered` holds the event ids that got through; `errors` maps each event id that was
    tried and failed to the reason. Envelopes in neither were held back because an earlier
    envelope with the same key failed, and are retried after it. Any other exception from
    `publish` means nothing is known to be delivered (the destination is down, say).
    """

    def __init__(self, delivered: set[str], errors: dict[str, str]) -> None:
        super().__init__(f"{len(errors)} events failed, {len(delivered)} delivered")
        self.delivered = delivered
        self.errors = errors


class EventPublisher(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def publish(self, batch: list[Envelope]) -> None:
        """Deliver every envelope or raise; order within a key must be kept."""

    async def ping(self) -> None:
        """Raise when the destination cannot be reached (readiness probe)."""
