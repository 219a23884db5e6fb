"""Group commit of sends (issue 19): sends that arrive while a store is in flight in this
process are stored together, in ONE statement and transaction (`sending.store_many`), when
that store returns. A send that finds no store in flight starts one at once (alone:
`sending.store`, the statement it always had), so nothing waits at low load; under load each
statement, its commit, its round trip and the sync tick that follows it serve many sends. A
second store starts beside one that has been in flight for `STALL_S` (a row lock it waits on
stalls only its own group).

What each send is promised does not change:
- its own answer: stored (its seq and recipients), stored before (its `client_msg_id`), or its
  own error (TargetChanged, NotFound) while the others of its group are stored;
- at most one send per conversation in a group (a second one waits for the next group, in
  arrival order); MessagingService holds the conversation's lock around it anyway, so a
  conversation's sends still store, commit and are delivered one after the other;
- when the grouped statement fails as a whole (a `client_msg_id` another process committed
  meanwhile trips the unique index, a deadlock, a lost connection), nothing of it was written
  and each send of the group is stored again on its own, so it gets the answer it would have
  had alone (one send's failure never fails another).

Only a send that would be a statement of its own transaction is grouped
(`uow.statement_is_transaction`: PostgreSQL, no caller's unit of work, no commit guard such as
the REST idempotency fence) and without an upload to claim; the others take `sending.store`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from domain.messaging import sending
from domain.shared.uow import one_statement

log = logging.getLogger(__name__)

MAX_GROUP = 64  # sends per statement
# Stores in flight at once. A second one starts only when the one in flight has taken STALL_S
# (waiting on a row lock, say): one slow group does not stall every send of the process, and
# otherwise the sends that arrive meanwhile wait for it and go together.
MAX_IN_FLIGHT = 2
STALL_S = 0.02

StoreMany = Callable[[Sequence[sending.Send]], Awaitable[list["sending.Stored | Exception"]]]
StoreOne = Callable[[sending.Send], Awaitable[sending.Stored]]


@dataclass
class _Waiting:
    send: sending.Send
    answer: asyncio.Future[sending.Stored] = field(default_factory=lambda: asyncio.get_running_loop().create_future())


async def _store_one(send: sending.Send) -> sending.Stored:
    async with one_statement() as uow:
        return await sending.store(uow, send.actor, send.target, send.draft_id, send.body, send.attachments,
                                   send.reasons, guarded=send.guarded)


async def _store_many(sends: Sequence[sending.Send]) -> list[sending.Stored | Exception]:
    async with one_statement() as uow:
        return await sending.store_many(uow, sends)


class SendGroups:
    """This process's group commit of sends (one per MessagingService)."""

    def __init__(self, max_group: int = MAX_GROUP, max_in_flight: int = MAX_IN_FLIGHT, stall: float = STALL_S,
                 one: StoreOne = _store_one, many: StoreMany = _store_many) -> None:
        self._max_group, self._max_in_flight, self._stall = max_group, max_in_flight, stall
        self._one, self._many = one, many
        self._waiting: list[_Waiting] = []
        self._in_flight = 0
        self._last_start = 0.0  # loop time the newest store in flight started
        self._recheck: asyncio.TimerHandle | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.groups = 0  # statements run for more than one send (for tests and benchmarks)

    async def store(self, send: sending.Send) -> sending.Stored:
        """Store `send` with whatever else is waiting; its answer (or its error) once committed."""
        waiting = _Waiting(send)
        # Its caller may be gone when the answer comes (nothing then reads an error set on it).
        waiting.answer.add_done_callback(lambda answer: answer.cancelled() or answer.exception())
        self._waiting.append(waiting)
        self._start()
        # Shielded: a caller that goes away (a closed socket) does not cancel the group's statement,
        # which may store its message anyway (as a cancelled lone statement may).
        return await asyncio.shield(waiting.answer)

    def _start(self) -> None:
        while self._waiting and self._may_start():
            group = self._take()
            self._in_flight += 1
            self._last_start = asyncio.get_running_loop().time()
            task = asyncio.get_running_loop().create_task(self._run(group), name="messaging-send-group")
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def _may_start(self) -> bool:
        if self._in_flight == 0:
            return True
        if self._in_flight >= self._max_in_flight:
            return False
        loop = asyncio.get_running_loop()
        stalled_at = self._last_start + self._stall
        if loop.time() >= stalled_at:
            return True
        if self._recheck is None:  # look again when the ones in flight would count as stalled
            self._recheck = loop.call_at(stalled_at, self._rechecked)
        return False

    def _rechecked(self) -> None:
        self._recheck = None
        self._start()

    def _take(self) -> list[_Waiting]:
        """The oldest waiting sends, one per conversation (a later one of a conversation stays, in order)."""
        group: list[_Waiting] = []
        rest: list[_Waiting] = []
        seen: set[object] = set()
        for waiting in self._waiting:
            key = waiting.send.target.conversation.id
            if len(group) < self._max_group and key not in seen:
                seen.add(key)
                group.append(waiting)
            else:
                seen.add(key)  # what comes later of it waits behind it
                rest.append(waiting)
        self._waiting = rest
        return group

    async def _run(self, group: list[_Waiting]) -> None:
        try:
            if len(group) == 1:
                await self._alone(group[0])
                return
            try:
                answers = await self._many([w.send for w in group])
            except Exception as error:  # nothing was written: each on its own, for its own answer
                log.info("messaging_send_group_failed", extra={"sends": len(group), "error": repr(error)})
                for waiting in group:
                    await self._alone(waiting)
                return
            self.groups += 1
            for waiting, answer in zip(group, answers, strict=True):
                _answer(waiting, answer)
        except BaseException:  # cancelled (shutdown): nobody is left without an answer
            for waiting in group:
                waiting.answer.cancel()
            raise
        finally:
            self._in_flight -= 1
            self._start()

    async def _alone(self, waiting: _Waiting) -> None:
        try:
            answer: sending.Stored | Exception = await self._one(waiting.send)
        except Exception as error:
            answer = error
        _answer(waiting, answer)


def _answer(waiting: _Waiting, answer: sending.Stored | Exception) -> None:
    if waiting.answer.done():
        return
    if isinstance(answer, Exception):
        waiting.answer.set_exception(answer)
    else:
        waiting.answer.set_result(answer)
