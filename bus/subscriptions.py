"""The application's own consumers of domain events (feed, notifications, ...), wired once.

A subscription names a consumer (its inbox dedupe key, and its Kafka consumer group), the
stream it reads and a transactional handler (`bus.dedupe.TxHandler`). With Kafka configured
each subscription runs a `KafkaEventConsumer` (every process joins the group, so each event is
handled by one of them); without, the in-process bus hands it every relayed event. Either way
each event is handled once per consumer name, and a handler's database effects commit with its
inbox claim.

Side effects that must not run before the handler's effects are visible (a socket emit that
carries a sync cursor, a wake-up of a delivery worker) are registered with `after_commit`:
they run once the transaction that holds the handler's effects committed, and never when it
rolled back.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import structlog

from bus.dedupe import TxHandler

log = structlog.get_logger(__name__)

KAFKA_REQUEST_TIMEOUT_MS = 60_000
AfterCommit = Callable[[], Awaitable[None]]
_after_commit: ContextVar[list[AfterCommit] | None] = ContextVar("bus_after_commit", default=None)


def after_commit(callback: AfterCommit) -> None:
    """Run `callback` after the current event handler's transaction commits.

    Outside an event handler (no collecting transaction) it is an error: the caller would
    otherwise emit for a change that may yet roll back."""
    pending = _after_commit.get()
    if pending is None:
        raise RuntimeError("after_commit() outside an event handler transaction")
    pending.append(callback)


class AfterCommitScope:
    """Collects `after_commit` callbacks for the outermost transaction around event handlers.

    Nested scopes (a deduped handler inside the relay's claim transaction, on the in-process
    bus) hand their callbacks to the outer one, which runs them after its own commit."""

    def __init__(self) -> None:
        self._token: Any = None
        self.callbacks: list[AfterCommit] = []
        self.outermost = False
        self._mark = 0

    def __enter__(self) -> AfterCommitScope:
        current = _after_commit.get()
        if current is None:
            self.outermost = True
            self._token = _after_commit.set(self.callbacks)
        else:
            self.callbacks, self._mark = current, len(current)
        return self

    def discard(self) -> None:
        """The work inside this scope rolled back: forget the callbacks it registered."""
        del self.callbacks[self._mark:]

    def __exit__(self, *exc: object) -> None:
        if self.outermost:
            _after_commit.reset(self._token)

    async def run(self) -> None:
        """Call after the transaction committed (outermost scope only)."""
        if not self.outermost:
            return
        callbacks, self.callbacks[:] = list(self.callbacks), []
        for callback in callbacks:
            try:
                await callback()
            except Exception:  # one failing side effect must not stop the others
                log.exception("after_commit_failed", callback=getattr(callback, "__qualname__", repr(callback)))


@dataclass(frozen=True)
class Subscription:
    name: str  # consumer name: inbox key and Kafka group; never rename a live one
    handler: TxHandler
    stream: str = "domain"


class Subscriptions:
    """The registry the composition root fills; `context` runs them for the app's lifetime."""

    def __init__(self) -> None:
        self._items: list[Subscription] = []

    def add(self, name: str, handler: TxHandler, stream: str = "domain") -> None:
        if any(item.name == name for item in self._items):
            raise ValueError(f"subscription {name!r} registered twice")
        self._items.append(Subscription(name, handler, stream))

    def __iter__(self) -> Any:
        return iter(self._items)

    def context(self, in_process_bus: Any, kafka_bootstrap: str | None, topic_prefix: str = "",
                security: dict[str, Any] | None = None) -> Callable[[Any], AsyncIterator[None]]:
        """An aiohttp cleanup context: in-process subscribers, or one Kafka consumer each."""

        async def run(_app: Any) -> AsyncIterator[None]:
            from bus.dedupe import deduped

            if not kafka_bootstrap:
                for item in self._items:
                    in_process_bus.subscribe(deduped(item.name, item.handler), item.stream)
                yield
                return
            from bus.consumer import KafkaEventConsumer

            # Joining a group waits for the rebalance: the request timeout must outlast it.
            consumers = [KafkaEventConsumer(kafka_bootstrap, item.stream, item.name, item.handler,
                                            topic_prefix=topic_prefix, request_timeout_ms=KAFKA_REQUEST_TIMEOUT_MS,
                                            security=security)
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
