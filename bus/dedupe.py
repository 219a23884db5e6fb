"""Exactly-once in effect on top of at-least-once delivery, for Kafka and in-process consumers.

A handler runs in a database transaction that also inserts (consumer, event_id) into the
inbox; a redelivered event finds the row and is skipped, and a failed handler rolls the
claim back with its effects, so the next delivery tries again.

The in-process bus hands a consumer its share of a relay batch at once (`handle_batch`): one
savepoint and one inbox statement for all of it, then the handler per event (or the consumer's
batch handler, once); any error rolls the whole share back and the bus falls back to
`handle_once` per event, so a failure stays the failing event's own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID

from opentelemetry.trace import SpanKind

from bus import Envelope
from bus.metrics import CONSUMER_HANDLED
from domain.shared import inbox, sql, tracing
from domain.shared.uow import UnitOfWork, unit_of_work, within

# Receives the event and the unit of work its effects (and after-commit side effects) join.
TxHandler = Callable[[Envelope, UnitOfWork], Awaitable[None]]
# Whether a consumer's handler does anything with an event (None: every event). An event it does
# not want is passed over before any transaction: no savepoint, no inbox row, no handler call.
Wants = Callable[[Envelope], bool]
# Handles several events at once (in id order; each is new to the consumer, its claim is in the
# same unit of work). It must do for each event what the TxHandler would, and raise rather than
# leave a part undone: the caller then retries event by event.
BatchHandler = Callable[[list[Envelope], UnitOfWork], Awaitable[None]]


async def handle_once(consumer: str, envelope: Envelope, handler: TxHandler, wants: Wants | None = None) -> bool:
    """Run the handler unless this consumer already handled the event; True when it ran.

    `wants` (the handler's own test of the event types it acts on) passes over an event the
    handler would return from without an effect: a claim of it would write an inbox row and
    two savepoint round trips per consumer for nothing (each message sent went to eight).

    Raises what the handler raised (nothing committed, its after-commit callbacks dropped).
    Inside an open unit of work (the in-process bus runs subscribers in the relay's) this
    nests as a savepoint and its after-commit callbacks wait for the relay's commit.
    """
    if wants is not None and not wants(envelope):
        CONSUMER_HANDLED.labels(consumer, "ignored").inc()
        return False
    try:
        # A child of the span that recorded the event (its traceparent travelled with it), so
        # this work, and the after-commit emits and push jobs it causes, join the request's trace.
        with tracing.span(f"consume {envelope.type}", parent=envelope.traceparent, kind=SpanKind.CONSUMER,
                          attributes={"messaging.consumer.group.name": consumer, "messaging.message.id":
                                      envelope.event_id, "fieldsync.event.type": envelope.type}):
            async with unit_of_work() as uow:
                first = await inbox.claim(consumer, UUID(envelope.event_id), uow.connection)
                if first:
                    await handler(envelope, uow)
    except Exception:
        CONSUMER_HANDLED.labels(consumer, "failed").inc()
        raise
    CONSUMER_HANDLED.labels(consumer, "handled" if first else "duplicate").inc()
    return first


async def handle_batch(consumer: str, envelopes: list[Envelope], handler: TxHandler, wants: Wants | None = None,
                       batch: BatchHandler | None = None) -> bool:
    """Handle a relay batch's events for one consumer in one savepoint, with one inbox statement
    for all of them; False when it cannot (SQLite, tracing on): the caller goes event by event.

    Raises what a handler raised, with nothing of the batch kept (claims and effects roll back
    together, after-commit callbacks dropped): the caller then retries event by event."""
    if tracing.enabled():
        return False  # each event's work in a span of its own, the child of its recording span
    wanted = [e for e in envelopes if wants is None or wants(e)]
    if len(envelopes) > len(wanted):
        CONSUMER_HANDLED.labels(consumer, "ignored").inc(len(envelopes) - len(wanted))
    if not wanted:
        return True
    current = sql.reader()
    if not sql.is_postgres(current):
        return False
    try:
        async with unit_of_work() as uow:
            claimed = await inbox.claim_many(consumer, [UUID(e.event_id) for e in wanted], uow.connection)
            fresh = [e for e in wanted if UUID(e.event_id) in claimed]
            if fresh and batch is not None:
                await batch(fresh, uow)
            else:
                for envelope in fresh:
                    async with within(uow) as inner:  # its callbacks kept apart until it succeeded
                        await handler(envelope, inner)
    except Exception:
        CONSUMER_HANDLED.labels(consumer, "batch_failed").inc()
        raise
    CONSUMER_HANDLED.labels(consumer, "handled").inc(len(fresh))
    if len(wanted) > len(fresh):
        CONSUMER_HANDLED.labels(consumer, "duplicate").inc(len(wanted) - len(fresh))
    return True


class Deduped:
    """A handler wrapped for `InProcessBus.subscribe`, with the same dedupe as Kafka consumers;
    `batch` takes a relay batch's events at once (`handle_batch`)."""

    def __init__(self, consumer: str, handler: TxHandler, wants: Wants | None = None,
                 batch: BatchHandler | None = None) -> None:
        self.consumer, self.handler, self.wants, self.batch_handler = consumer, handler, wants, batch
        self.__qualname__ = f"deduped[{consumer}]"

    async def __call__(self, envelope: Envelope) -> None:
        await handle_once(self.consumer, envelope, self.handler, self.wants)

    async def batch(self, envelopes: list[Envelope]) -> bool:
        return await handle_batch(self.consumer, envelopes, self.handler, self.wants, self.batch_handler)


def deduped(consumer: str, handler: TxHandler, wants: Wants | None = None,
            batch: BatchHandler | None = None) -> Deduped:
    """Wrap a handler for `InProcessBus.subscribe`, with the same dedupe as Kafka consumers."""
    return Deduped(consumer, handler, wants, batch)
