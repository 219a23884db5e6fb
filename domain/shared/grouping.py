"""Group commit of one-row statements (issue 19): calls that arrive while a statement is in
flight in this process go together, in ONE statement and transaction, when it returns.

A call that finds nothing in flight starts its own statement at once (`one`, the statement it
always was), so nothing waits at low load. Calls that come meanwhile wait and then run as one
statement (`many`), which answers each of them in order (an answer may be that call's own
error); a second statement starts beside the one in flight once that has taken `stall` seconds
(a row lock it waits on stalls only its own group). When `many` fails as a whole (nothing of it
was written), each of its calls runs `one`, so it gets the answer it would have had alone. A
caller that goes away does not cancel the statement its call is in.

Use it only for statements that would be transactions of their own
(`uow.statement_is_transaction()`): grouped, a call's write commits with the others of its group.
Users: the message sends (domain/messaging/grouping.py, one send per conversation in a group),
the Idempotency-Key's claims and stored answers (domain/shared/idempotency.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

Many = Callable[[Sequence[T]], Awaitable[Sequence[R | Exception]]]  # an answer per call, in order

MAX_GROUP = 128
MAX_IN_FLIGHT = 2
STALL_S = 0.02


@dataclass
class Waiting(Generic[T, R]):
    item: T
    answer: asyncio.Future[R]


def _consume(answer: asyncio.Future[R]) -> None:
    """Its caller may be gone when the answer comes (nothing then reads an error set on it)."""
    if not answer.cancelled():
        answer.exception()


class StatementGroups(Generic[T, R]):
    """This process's group commit of one kind of statement."""

    def __init__(self, name: str, one: Callable[[T], Awaitable[R]], many: Many[T, R], *, max_group: int = MAX_GROUP,
                 max_in_flight: int = MAX_IN_FLIGHT, stall: float = STALL_S) -> None:
        self.name = name
        self._one, self._many = one, many
        self._max_group, self._max_in_flight, self._stall = max_group, max_in_flight, stall
        self._reset(None)
        self.groups = 0  # statements run for more than one call (for tests and benchmarks)

    def _reset(self, loop: asyncio.AbstractEventLoop | None) -> None:
        """State belongs to one event loop (a process serves on one; tests start several)."""
        self._loop: asyncio.AbstractEventLoop | None = loop
        self._waiting: list[Waiting[T, R]] = []
        self._in_flight = 0
        self._last_start = 0.0
        self._recheck: asyncio.TimerHandle | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def run(self, item: T) -> R:
        """`item`'s answer, from its own statement or from its group's."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self._reset(loop)
        waiting: Waiting[T, R] = Waiting(item, loop.create_future())
        waiting.answer.add_done_callback(_consume)
        self._waiting.append(waiting)
        self._start()
        # Shielded: a caller that goes away (a closed socket) does not cancel its group's statement,
        # which may write its row anyway (as a cancelled lone statement may).
        return await asyncio.shield(waiting.answer)

    def _take(self) -> list[Waiting[T, R]]:
        """The next group: the oldest waiting calls, up to `max_group`."""
        group, self._waiting = self._waiting[:self._max_group], self._waiting[self._max_group:]
        return group

    def _start(self) -> None:
        loop = self._loop
        while loop is not None and self._waiting and self._may_start(loop):
            group = self._take()
            self._in_flight += 1
            self._last_start = loop.time()
            task = loop.create_task(self._run(group), name=f"{self.name}-group")
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def _may_start(self, loop: asyncio.AbstractEventLoop) -> bool:
        if self._in_flight == 0:
            return True
        if self._in_flight >= self._max_in_flight:
            return False
        stalled_at = self._last_start + self._stall
        if loop.time() >= stalled_at:
            return True
        if self._recheck is None:  # look again when the ones in flight would count as stalled
            self._recheck = loop.call_at(stalled_at, self._rechecked)
        return False

    def _rechecked(self) -> None:
        self._recheck = None
        self._start()

    async def _run(self, group: list[Waiting[T, R]]) -> None:
        try:
            if len(group) > 1:
                try:
                    answers = await self._many([w.item for w in group])
                except Exception as error:  # nothing was written: each on its own, for its own answer
                    log.info("statement_group_failed", extra={"group": self.name, "calls": len(group),
                                                              "error": repr(error)})
                else:
                    self.groups += 1
                    for waiting, answer in zip(group, answers, strict=True):
                        _answer(waiting, answer)
                    return
            for waiting in group:
                await self._alone(waiting)
        except BaseException:  # cancelled (shutdown): nobody is left without an answer
            for waiting in group:
                waiting.answer.cancel()
            raise
        finally:
            self._in_flight -= 1
            self._start()

    async def _alone(self, waiting: Waiting[T, R]) -> None:
        try:
            answer: R | Exception = await self._one(waiting.item)
        except Exception as error:
            answer = error
        _answer(waiting, answer)


def _answer(waiting: Waiting[T, R], answer: R | Exception) -> None:
    if waiting.answer.done():
        return
    if isinstance(answer, Exception):
        waiting.answer.set_exception(answer)
    else:
        waiting.answer.set_result(answer)
