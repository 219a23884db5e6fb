"""In-process event bus: the embedded default when no Kafka is configured.

Subscribers run inline, inside the relay's claim transaction: an event reaches them only
after the change that recorded it committed, and database work done through
`bus.dedupe.deduped` (a savepoint) commits together with the row being marked published.

Each subscriber gets the relay's batch in one go, subscriber after subscriber, each in id
order: one that can take a batch at once (`bus.dedupe.Deduped.batch`: one savepoint and one
inbox statement for its share) does; if that fails it gets the events one by one. Subscribers
do not see each other's effects of later events in the batch, as with Kafka, where each is a
consumer group of its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import structlog

from bus import Envelope

log = structlog.get_logger(__name__)

Handler = Callable[[Envelope], Awaitable[None]]


class InProcessBus:
    def __init__(self, attempts: int = 3, retry_delay: float = 0.05) -> None:
        self._handlers: list[tuple[str | None, Handler]] = []
        self._attempts = attempts
        self._retry_delay = retry_delay

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
        for stream, handler in self._handlers:
            share = [envelope for envelope in batch if stream is None or stream == envelope.stream]
            if not share or await self._deliver_batch(handler, share):
                continue
            for envelope in share:
                await self._deliver(handler, envelope)

    @staticmethod
    async def _deliver_batch(handler: Handler, share: list[Envelope]) -> bool:
        """True when the subscriber took the whole share at once (False: one by one, as after a
        failure of the batch, which left nothing behind)."""
        at_once = getattr(handler, "batch", None)
        if at_once is None:
            return False
        try:
            return bool(await at_once(share))
        except Exception as exc:
            log.warning("subscriber_batch_failed", subscriber=getattr(handler, "__qualname__", repr(handler)),
                        events=len(share), error=repr(exc))
            return False

    async def _deliver(self, handler: Handler, envelope: Envelope) -> None:
        # A failing subscriber gets a few quick retries (a deadlock or serialization failure
        # usually passes), then is logged and skipped: it must not stop the others nor
        # replay the batch to those that already handled it. Subscribers that cannot miss
        # an event consume from Kafka, where a failure holds their partition instead.
        for attempt in range(1, self._attempts + 1):
            try:
                await handler(envelope)
                return
            except Exception as exc:
                if attempt == self._attempts:
                    log.error(
                        "subscriber_gave_up", subscriber=getattr(handler, "__qualname__", repr(handler)),
                        event_id=envelope.event_id, type=envelope.type, attempts=attempt, error=repr(exc),
                        exc_info=True,
                    )
                    return
                await asyncio.sleep(self._retry_delay * 2 ** (attempt - 1))
