"""Group commit: the sends that arrive while one transaction is committing share the next one.

Each send waits for its own result. Under load there is one transaction in flight and one batch
gathering, so the per-transaction costs (BEGIN/COMMIT, the conversation locks, the outbox
statement, the sync cursor, the participants read) are paid per batch, not per message.

Deliveries run in batch order, each batch's after the previous batch's, so a conversation's
`message:new` leave in seq order; a batch is committing while the one before it is delivered.
A sender hears back once its message is delivered (as when it committed alone). A batch that
fails is retried one send at a time (each in its own transaction), so one bad send fails alone.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

MAX_BATCH = 200  # sends per transaction: bounds a transaction's locks and a batch's latency

Item = TypeVar("Item")
Result = TypeVar("Result")


class GroupCommit(Generic[Item, Result]):
    """`await submit(item)` returns `commit([...item...])`'s result for it, once `deliver` ran."""

    def __init__(
        self,
        commit: Callable[[list[Item]], Awaitable[list[Result]]],
        deliver: Callable[[list[Result]], Awaitable[None]],
        alone: Callable[[Item], Awaitable[Result]],
    ) -> None:
        self._commit = commit  # one transaction for the batch; results in the items' order
        self._deliver = deliver  # after the commit; must not raise (stored is stored)
        self._alone = alone  # one item in its own transaction, delivered: the retry of a failed batch
        self._queue: list[tuple[Item, asyncio.Future[Result]]] = []
        self._worker: asyncio.Task[None] | None = None
        self._delivering: asyncio.Task[None] | None = None

    async def submit(self, item: Item) -> Result:
        waiter: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._queue.append((item, waiter))
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self._drain(), name="messaging-group-commit")
        # shield: a sender that goes away (a disconnect) must not cancel the others' transaction
        return await asyncio.shield(waiter)

    async def _drain(self) -> None:
        while self._queue:
            batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
            items = [item for item, _ in batch]
            try:
                results = await self._commit(items)
            except asyncio.CancelledError:  # shutting down: nobody waits forever
                for _, waiter in batch + self._queue:
                    _set(waiter, error=RuntimeError("messaging stopped"))
                self._queue = []
                raise
            except Exception:
                log.warning("messaging_batch_retried_alone", extra={"sends": len(batch)}, exc_info=True)
                await self._after(self._delivering)  # the alone ones deliver after what came before
                for item, waiter in batch:
                    try:
                        result = await self._alone(item)
                    except Exception as error:
                        _set(waiter, error=error)
                    else:
                        _set(waiter, result)
                continue
            self._delivering = asyncio.create_task(
                self._deliver_in_turn(self._delivering, batch, results), name="messaging-deliver"
            )

    async def _deliver_in_turn(
        self,
        previous: asyncio.Task[None] | None,
        batch: list[tuple[Item, asyncio.Future[Result]]],
        results: list[Result],
    ) -> None:
        await self._after(previous)
        try:
            await self._deliver(results)
        except Exception:  # stored is stored: a lost emit is recovered by catch-up
            log.exception("messaging_deliver_failed")
        for (_, waiter), result in zip(batch, results, strict=True):
            _set(waiter, result)

    @staticmethod
    async def _after(task: asyncio.Task[None] | None) -> None:
        if task is not None:
            await asyncio.wait([task])


def _set(waiter: asyncio.Future[Result], result: Result | None = None, *, error: BaseException | None = None) -> None:
    if waiter.done():
        return
    if error is not None:
        waiter.set_exception(error)
        waiter.exception()  # retrieved: no "never retrieved" warning when the sender left
    else:
        waiter.set_result(result)  # type: ignore[arg-type]
