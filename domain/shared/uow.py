"""The unit of work: the one commit path of every write.

    async with unit_of_work() as uow:
        await Booking.filter(...).using_db(uow.connection).update(...)
        await uow.record(BookingAccepted(...))        # the outbox row, in this transaction
        uow.after_commit(tell_the_sockets)            # runs once the transaction committed

A unit of work owns one database transaction and collects what it produced. On a clean exit
it commits, then runs its after-commit callbacks in order; on an error it rolls back and
forgets them. Opened inside another unit of work (a consumer's handler inside the relay's
claim transaction, a service called by an offline push) it is a savepoint, and a clean exit
hands its callbacks to the outer one: nothing runs before the outermost commit.

Append-only rows that nothing reads before the commit (audit records and their events) may be
buffered with `uow.defer(flush, row)`: the outermost unit of work writes each kind in one
statement just before it commits (a savepoint that rolls back drops its rows).

A callback that raises is logged and counted; it never undoes the commit nor stops the
callbacks after it (stored is stored: clients catch up through sync).

Infrastructure that must hear about every commit that recorded events (the outbox relay, the
sync ticker) registers once with `observe_commits`: that is the only global hook.

An adapter that must put its own row into whatever a request commits (the Idempotency-Key
fence, rest/idempotency.py) wraps the request in `guard_commits(guard)`: every outermost unit
of work opened in that context calls `guard(uow)` as its last statement before committing, and
a guard that raises rolls the whole unit of work back.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from typing import Any

from prometheus_client import Counter
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.connection import connections
from tortoise.transactions import in_transaction

from domain.shared import outbox, tracing
from domain.shared.events import DomainEvent

log = logging.getLogger(__name__)

AFTER_COMMIT_FAILED = Counter("fieldsync_after_commit_failures_total",
                              "After-commit callbacks that raised (the commit stands)")

Callback = Callable[[], Awaitable[None] | None]
# Writes rows buffered with `UnitOfWork.defer` (all of one kind, in the order given), in the transaction.
Flush = Callable[["UnitOfWork", list[Any]], Awaitable[None]]

_current: ContextVar[UnitOfWork | None] = ContextVar("unit_of_work", default=None)
_observers: list[Callable[[], None]] = []
CommitGuard = Callable[["UnitOfWork"], Awaitable[None]]
_guards: ContextVar[tuple[CommitGuard, ...]] = ContextVar("commit_guards", default=())


class UnitOfWork:
    """What one transaction produced; use it only inside its `async with` block."""

    def __init__(self, connection: BaseDBAsyncClient, outer: UnitOfWork | None) -> None:
        self.connection = connection
        self.outer = outer
        self._callbacks: list[Callback] = []
        self._deferred: dict[Flush, list[Any]] = {}
        self._recorded = 0
        self._open = True
        self._joinable = False  # the next unit of work opened in it joins its savepoint (`within`)
        self._joined_failed = False
        # `within(..., savepoint=...)`: sets the caller's savepoint, awaited when a joining unit of
        # work opens unless it needs none (`unit_of_work(single_write=True)`).
        self._set_savepoint: Callable[[], Awaitable[None]] | None = None
        self.unprotected_write = False  # a single-write unit of work joined without a savepoint and committed
        self._buffer_events = False  # `buffer_events`: set on the outermost one
        self._one_statement = False  # `one_statement`: no transaction of its own, one statement

    async def record(self, event: DomainEvent) -> outbox.OutboxEvent:
        """Write the event to the outbox in this transaction; it leaves after the commit. In a
        unit of work that buffers events (`buffer_events`) the row is written just before the
        commit, with the others (the row returned is then not saved: it has no id)."""
        self._check_open()
        self._check_statements()
        self._recorded += 1
        if self._outermost()._buffer_events:
            row = outbox.pending(event)
            self.defer(outbox.write_many, row)
            return row
        return await outbox.write(event, self.connection)

    def buffer_events(self) -> None:
        """Write the events this unit of work records (`record`, in it and in the units of work
        opened inside it) in one statement just before its commit, in the order recorded, rather
        than one round trip each (an offline push of 100 booking actions): for a use case whose
        events nothing reads before the commit and that writes no outbox row of its own with
        the same key (PostgreSQL; elsewhere the rows are written one by one at the same point)."""
        assert self.outer is None, "only the outermost unit of work buffers events"
        self._buffer_events = True

    def _outermost(self) -> UnitOfWork:
        uow = self
        while uow.outer is not None:
            uow = uow.outer
        return uow

    def recorded_by_statement(self, count: int) -> None:
        """`count` outbox rows the caller wrote in its own statement (an audit record and its
        events in one round trip): the relay is woken after the commit as for `record`."""
        self._check_open()
        self._recorded += count

    def defer(self, flush: Flush, row: Any) -> None:
        """Buffer an append-only row that nothing reads before the commit (an audit record with
        its events): the outermost unit of work calls `flush(uow, rows)` once per kind, in its
        transaction, just before committing, so many rows cost one statement. A savepoint that
        rolls back drops its rows, as it drops what it wrote."""
        self._check_open()
        self._check_statements()
        self._deferred.setdefault(flush, []).append(row)

    async def _flush_deferred(self) -> None:
        while self._deferred:  # a flush may defer more (it should not; then they go too)
            deferred, self._deferred = self._deferred, {}
            # Buffered outbox rows first (`buffer_events`): unbuffered, they are written at once,
            # before any audit record's events, and one key's events must leave in the same order
            # whichever way they were written.
            events = deferred.pop(outbox.write_many, None)
            if events:
                await outbox.write_many(self, events)
            for flush, rows in deferred.items():
                await flush(self, rows)

    def after_commit(self, callback: Callback) -> None:
        """Run `callback` (sync or async, no arguments) once the outermost transaction committed."""
        self._check_open()
        # It runs in the trace of whoever registered it (a request, a consumer), not the committer's.
        self._callbacks.append(tracing.bind(callback))

    def _check_open(self) -> None:
        if not self._open:  # its transaction is over: nothing would ever run or commit this
            raise RuntimeError("this unit of work has ended")

    def _check_statements(self) -> None:
        if self._one_statement:  # a second statement would commit apart from the first
            raise RuntimeError("a one-statement unit of work writes its events in its statement")

    def _hand_over(self) -> None:
        assert self.outer is not None
        self.outer._callbacks.extend(self._callbacks)
        for flush, rows in self._deferred.items():
            self.outer._deferred.setdefault(flush, []).extend(rows)
        self.outer._recorded += self._recorded

    async def _committed(self) -> None:
        if self._recorded:
            for observer in list(_observers):
                _run_observer(observer)
        for callback in self._callbacks:
            try:
                result = callback()
                if inspect.isawaitable(result):
                    await result
            except Exception:
                AFTER_COMMIT_FAILED.inc()
                log.exception("after_commit_failed: %s", getattr(callback, "__qualname__", repr(callback)))


@asynccontextmanager
async def unit_of_work(*, single_write: bool = False) -> AsyncIterator[UnitOfWork]:
    """Open a unit of work (a savepoint when one is already open in this task).

    `single_write`: the caller promises that nothing it wrote ever needs undoing short of the
    whole transaction: it refuses (raises a domain error) only before its first write or when
    that write changed nothing (a compare-and-set that matched no row), and what follows its
    first write fails only as the database does (which aborts the caller's transaction anyway).
    Only a unit of work joining a caller's lazy savepoint (`within(..., savepoint=...)`) uses
    it: it then sets no savepoint. Everywhere else it is an ordinary unit of work."""
    outer = _current.get()
    if outer is not None and outer._one_statement:
        raise RuntimeError("a one-statement unit of work opens no other inside it")
    if outer is not None and outer._joinable:
        if outer._set_savepoint is not None and not single_write:
            await outer._set_savepoint()
        async with _joined(outer, protected=outer._set_savepoint is None or not single_write) as uow:
            yield uow
        return
    async with in_transaction() as connection:
        uow = UnitOfWork(connection, outer)
        token = _current.set(uow)
        try:
            yield uow
            if outer is None:
                await uow._flush_deferred()
                for guard in _guards.get():  # inside the transaction: a raise rolls it all back
                    await guard(uow)
        finally:
            _current.reset(token)
            uow._open = False
    # Only a clean exit gets here: the transaction (or savepoint) is committed (released).
    if outer is not None:
        uow._hand_over()
    else:
        await uow._committed()


def statement_is_transaction() -> bool:
    """Whether `one_statement()` here would be a statement of its own transaction (PostgreSQL, no
    unit of work, transaction or commit guard open in this task): only then may a caller hand its
    write to another task's statement (the group commit of sends, domain/messaging/grouping.py)."""
    connection = connections.get("default")
    return not (_current.get() is not None or _guards.get() or isinstance(connection, TransactionalDBClient)
                or connection.capabilities.dialect != "postgres")


@asynccontextmanager
async def one_statement() -> AsyncIterator[UnitOfWork]:
    """A unit of work whose writes are ONE statement of the caller's, outbox rows included
    (counted with `recorded_by_statement`; `record` and `defer` refuse). On PostgreSQL, with no
    unit of work, transaction or commit guard open, that statement is its own transaction: no
    BEGIN and no COMMIT (two round trips of three), and the observers and after-commit callbacks
    run once the block ended cleanly. The statement commits when it returns, so the block must
    not fail after it (an error there drops the callbacks; the write stands). Anywhere else
    (inside a caller's unit of work, under `guard_commits`, on SQLite) it is `unit_of_work()`."""
    connection = connections.get("default")
    if not statement_is_transaction():
        async with unit_of_work() as uow:
            yield uow
        return
    uow = UnitOfWork(connection, None)
    uow._one_statement = True
    token = _current.set(uow)
    try:
        yield uow
    finally:
        _current.reset(token)
        uow._open = False
    await uow._committed()


@asynccontextmanager
async def within(outer: UnitOfWork, *, join: bool = False,
                 savepoint: Callable[[], Awaitable[None]] | None = None) -> AsyncIterator[UnitOfWork]:
    """A unit of work inside `outer`, on its transaction, for a caller that sets its own
    savepoint around it and rolls back to it on an error (an offline push: one statement per
    mutation, `RELEASE SAVEPOINT s; SAVEPOINT s`, instead of two). A clean exit hands its
    callbacks, deferred rows and events to `outer`, as a savepoint's does; an error drops them.

    Units of work opened inside it are savepoints as usual, except with `join`: then the first
    one opened directly inside it takes the caller's savepoint as its own (two round trips
    saved). Only for a use case that lets an error of that unit of work propagate (the caller's
    savepoint is then what undoes it): if the error is swallowed and the block still ends
    cleanly, this raises RuntimeError rather than keep a half-written unit of work.

    With `join` and `savepoint` the caller has not set its savepoint yet: the joining unit of
    work sets it (`await savepoint()`) as it opens, unless it is `single_write` (nothing it
    writes is ever undone on its own); it then sets `unprotected_write` on this one once it ended
    cleanly, and a caller whose block then fails must not keep the transaction (it has no
    savepoint to roll back to)."""
    uow = UnitOfWork(outer.connection, outer)
    uow._joinable = join
    uow._set_savepoint = savepoint if join else None
    token = _current.set(uow)
    try:
        yield uow
    finally:
        _current.reset(token)
        uow._open = False
    if uow._joined_failed:
        raise RuntimeError("a unit of work that joined the caller's savepoint failed, and its error was swallowed")
    uow._hand_over()


@asynccontextmanager
async def _joined(outer: UnitOfWork, *, protected: bool = True) -> AsyncIterator[UnitOfWork]:
    """A unit of work on `outer`'s savepoint (see `within`): no statement of its own. Not
    `protected`: a single-write unit of work with no savepoint at all."""
    outer._joinable = False
    uow = UnitOfWork(outer.connection, outer)
    token = _current.set(uow)
    try:
        yield uow
    except BaseException:
        outer._joined_failed = True
        raise
    finally:
        _current.reset(token)
        uow._open = False
    uow._hand_over()
    if not protected:
        outer.unprotected_write = True


def current() -> UnitOfWork | None:
    """The unit of work open in this task, if any (for helpers that must join it)."""
    return _current.get()


@contextmanager
def guard_commits(guard: CommitGuard) -> Iterator[None]:
    """Within this block (this task, and tasks it starts), every outermost unit of work awaits
    `guard(uow)` just before it commits; a guard that raises rolls that unit of work back. The
    guard may write through `uow.connection` and register `uow.after_commit` callbacks."""
    token = _guards.set((*_guards.get(), guard))
    try:
        yield
    finally:
        _guards.reset(token)


def observe_commits(observer: Callable[[], None]) -> Callable[[], None]:
    """Call `observer` (cheap, synchronous: a wake-up) after every outermost commit that
    recorded events. Returns a function that unregisters it."""
    _observers.append(observer)
    return lambda: _observers.remove(observer)


def _run_observer(observer: Callable[[], None]) -> None:
    try:
        observer()
    except Exception:
        AFTER_COMMIT_FAILED.inc()
        log.exception("commit_observer_failed")
