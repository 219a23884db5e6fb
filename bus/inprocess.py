"""In-process event bus: the embedded default when no Kafka is configured."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import structlog

from bus import Envelope

log = structlog.get_logger(__name__)

Handler = Callable[[Envelope], Awaitable[None]]


class InProcessBus:
    def __init__(self) -> None:
        self._handlers: list[tuple[str | None, Handler]] = []

    def subscribe(self, handler: Handler, stream: str | None = None) -> None:
        """Receive every relayed event (of one stream, when given)."""
        self._handlers.append((stream, handler))

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None

    async def ping(self) -> None:
        return None

    async def publish(self, batch: list[Envelope]) -> None:
        for envelope in batch:
            for stream, handler in self._handlers:
                if stream is None or stream == envelope.stream:
                    # A failing subscriber must not stop the others nor replay the batch
                    # to those that already handled it; it logs and the event moves on.
                    try:
                        await handler(envelope)
                    except Exception:
                        log.exception("subscriber_failed", event_id=envelope.event_id, type=envelope.type)
