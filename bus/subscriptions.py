"""The application's own consumers of domain events (feed, notifications, ...), wired once.

A subscription names a consumer (its inbox dedupe key, and its Kafka consumer group), the
stream it reads and a transactional handler (`bus.dedupe.TxHandler`). With Kafka configured
each subscription runs a `KafkaEventConsumer` (every process joins the group, so each event is
handled by one of them); without, the in-process bus hands it every relayed event. Either way
each event is handled once per consumer name, and a handler's database effects commit with its
inbox claim.

Side effects that must not run before the handler's effects are visible (a socket emit that
carries a sync cursor, a wake-up of a delivery worker) go to the handler's unit of work:
`uow.after_commit(callback)` (domain/shared/uow.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from bus.consumer import KafkaEventConsumer
from bus.dedupe import BatchHandler, TxHandler, Wants, deduped

KAFKA_REQUEST_TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class Subscription:
    name: str  # consumer name: inbox key and Kafka group; never rename a live one
    handler: TxHandler
    stream: str = "domain"
    # The handler's own test of the events it acts on (None: all): the others are passed over
    # without an inbox claim (bus/dedupe.handle_once).
    wants: Wants | None = None
    # Handles the events of a relay batch at once (in-process bus; bus/dedupe.handle_batch);
    # None: `handler` per event, still with one savepoint and inbox statement per batch.
    batch: BatchHandler | None = None


class Subscriptions:
    """The registry of the app's reactions (the table: app/subscriptions.py); `context` runs
    them for the app's lifetime. Tests may `add` one of their own before the app starts."""

    def __init__(self, table: Iterable[Subscription] = ()) -> None:
        self._items: list[Subscription] = []
        for item in table:
            self.add(item.name, item.handler, item.stream, item.wants, item.batch)

    def add(self, name: str, handler: TxHandler, stream: str = "domain", wants: Wants | None = None,
            batch: BatchHandler | None = None) -> None:
        if any(item.name == name for item in self._items):
            raise ValueError(f"subscription {name!r} registered twice")
        self._items.append(Subscription(name, handler, stream, wants, batch))

    def __iter__(self) -> Any:
        return iter(self._items)

    def context(self, in_process_bus: Any, kafka_bootstrap: str | None, topic_prefix: str = "",
                security: dict[str, Any] | None = None) -> Callable[[Any], AsyncIterator[None]]:
        """An aiohttp cleanup context: in-process subscribers, or one Kafka consumer each."""

        async def run(_app: Any) -> AsyncIterator[None]:
            if not kafka_bootstrap:
                for item in self._items:
                    in_process_bus.subscribe(deduped(item.name, item.handler, item.wants, item.batch),
                                             item.stream)
                yield
                return
            # Joining a group waits for the rebalance: the request timeout must outlast it.
            consumers = [KafkaEventConsumer(kafka_bootstrap, item.stream, item.name, item.handler,
                                            topic_prefix=topic_prefix, request_timeout_ms=KAFKA_REQUEST_TIMEOUT_MS,
                                            security=security, wants=item.wants)
                         for item in self._items]
            tasks = [asyncio.create_task(c.run(), name=f"consumer-{c.name}") for c in consumers]
            try:
                yield
            finally:
                for consumer in consumers:
                    await consumer.stop()
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)

        return run
