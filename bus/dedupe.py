"""Exactly-once in effect on top of at-least-once delivery, for Kafka and in-process consumers.

A handler runs in a database transaction that also inserts (consumer, event_id) into the
inbox; a redelivered event finds the row and is skipped, and a failed handler rolls the
claim back with its effects, so the next delivery tries again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID

from opentelemetry.trace import SpanKind

from bus import Envelope
from bus.metrics import CONSUMER_HANDLED
from domain.shared import inbox, tracing
from domain.shared.uow import UnitOfWork, unit_of_work

# Receives the event and the unit of work its effects (and after-commit side effects) join.
TxHandler = Callable[[Envelope, UnitOfWork], Awaitable[None]]
# Whether a consumer's handler does anything with an event (None: every event). An event it does
# not want is passed over before any transaction: no savepoint, no inbox row, no handler call.
Wants = Callable[[Envelope], bool]


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


def deduped(consumer: str, handler: TxHandler, wants: Wants | None = None) -> Callable[[Envelope], Awaitable[None]]:
    """Wrap a handler for `InProcessBus.subscribe`, with the same dedupe as Kafka consumers."""

    async def handle(envelope: Envelope) -> None:
        await handle_once(consumer, envelope, handler, wants)

    handle.__qualname__ = f"deduped[{consumer}]"
    return handle
