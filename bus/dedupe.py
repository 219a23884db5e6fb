"""Exactly-once in effect on top of at-least-once delivery, for Kafka and in-process consumers.

A handler runs in a database transaction that also inserts (consumer, event_id) into the
inbox; a redelivered event finds the row and is skipped, and a failed handler rolls the
claim back with its effects, so the next delivery tries again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from bus import Envelope
from bus.metrics import CONSUMER_HANDLED
from domain.shared import inbox, outbox

# Receives the event and the transaction its database effects must use.
TxHandler = Callable[[Envelope, BaseDBAsyncClient], Awaitable[None]]


async def handle_once(consumer: str, envelope: Envelope, handler: TxHandler) -> bool:
    """Run the handler unless this consumer already handled the event; True when it ran.

    Raises what the handler raised (nothing committed). Inside an open transaction (the
    in-process bus runs subscribers in the relay's) this nests as a savepoint.
    """
    from bus.subscriptions import AfterCommitScope

    scope = AfterCommitScope()
    try:
        with scope:
            async with in_transaction() as conn:
                first = await inbox.claim(consumer, UUID(envelope.event_id), conn)
                if first:
                    await handler(envelope, conn)
    except Exception:
        scope.discard()  # rolled back: its side effects must not happen
        CONSUMER_HANDLED.labels(consumer, "failed").inc()
        raise
    CONSUMER_HANDLED.labels(consumer, "handled" if first else "duplicate").inc()
    if first:
        outbox.announce_commit()  # the handler may have recorded events of its own
    await scope.run()  # outermost only; nested in the relay's transaction, the relay runs them
    return first


def deduped(consumer: str, handler: TxHandler) -> Callable[[Envelope], Awaitable[None]]:
    """Wrap a handler for `InProcessBus.subscribe`, with the same dedupe as Kafka consumers."""

    async def handle(envelope: Envelope) -> None:
        await handle_once(consumer, envelope, handler)

    handle.__qualname__ = f"deduped[{consumer}]"
    return handle
