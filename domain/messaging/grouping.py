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

The mechanism is domain/shared/grouping.py's (`StatementGroups`); this adds the one-send-per-
conversation rule of a group.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from domain.messaging import sending
from domain.shared.grouping import StatementGroups, Waiting
from domain.shared.uow import one_statement

MAX_GROUP = 64  # sends per statement
# Stores in flight at once. A second one starts only when the one in flight has taken STALL_S
# (waiting on a row lock, say): one slow group does not stall every send of the process, and
# otherwise the sends that arrive meanwhile wait for it and go together.
MAX_IN_FLIGHT = 2
STALL_S = 0.02

StoreMany = Callable[[Sequence[sending.Send]], Awaitable[list["sending.Stored | Exception"]]]
StoreOne = Callable[[sending.Send], Awaitable[sending.Stored]]


async def _store_one(send: sending.Send) -> sending.Stored:
    async with one_statement() as uow:
        return await sending.store(uow, send.actor, send.target, send.draft_id, send.body, send.attachments,
                                   send.reasons, guarded=send.guarded)


async def _store_many(sends: Sequence[sending.Send]) -> list[sending.Stored | Exception]:
    async with one_statement() as uow:
        return await sending.store_many(uow, sends)


class SendGroups(StatementGroups[sending.Send, sending.Stored]):
    """This process's group commit of sends (one per MessagingService): domain/shared/grouping.py
    with at most one send per conversation in a group."""

    def __init__(self, max_group: int = MAX_GROUP, max_in_flight: int = MAX_IN_FLIGHT, stall: float = STALL_S,
                 one: StoreOne = _store_one, many: StoreMany = _store_many) -> None:
        super().__init__("messaging-send", one, many, max_group=max_group, max_in_flight=max_in_flight, stall=stall)

    async def store(self, send: sending.Send) -> sending.Stored:
        """Store `send` with whatever else is waiting; its answer (or its error) once committed."""
        return await self.run(send)

    def _take(self) -> list[Waiting[sending.Send, sending.Stored]]:
        """The oldest waiting sends, one per conversation (a later one of a conversation stays, in order)."""
        group: list[Waiting[sending.Send, sending.Stored]] = []
        rest: list[Waiting[sending.Send, sending.Stored]] = []
        seen: set[object] = set()
        for waiting in self._waiting:
            key = waiting.item.target.conversation.id
            if len(group) < self._max_group and key not in seen:
                seen.add(key)
                group.append(waiting)
            else:
                seen.add(key)  # what comes later of it waits behind it
                rest.append(waiting)
        self._waiting = rest
        return group
