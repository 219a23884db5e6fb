"""Tortoise's asyncpg backend with a bounded wait for a pooled connection (issue 11, item 10).

asyncpg's `Pool.acquire()` waits forever by default, and Tortoise never passes a timeout: with
every connection held by statements stuck behind a lock, each new request would queue without
end. Here an acquire gives up after `acquire_timeout` seconds with `PoolExhausted` (a
TimeoutError), which the adapters answer as 503 with Retry-After (domain/shared/errors.py
`is_unavailable`). Statements are bounded by PostgreSQL's `statement_timeout` and, for a server
that stopped answering at all, by asyncpg's client-side `command_timeout` (app/db.py sets both).

A transaction gives its connection back even when its BEGIN fails or is cancelled. Tortoise
1.1.9 (`TransactionContextPooled.__aenter__`) acquires a connection, then sends BEGIN; a
cancellation in between (a background job stopped at shutdown, a request's task cancelled) or a
failed BEGIN leaves `__aenter__` by an exception, so `__aexit__` never runs and the connection
stays checked out for good: one fewer in the pool, and at shutdown `Tortoise.close_connections()`
waited 10 s for it (Tortoise's `wait_for(pool.close(), 10)`) before terminating the pool.

Each new connection runs the warm-ups it was given (app/lifecycle.py: the send path's statements)
before it serves, and the pool keeps DB_POOL_MIN connections open however long they idle (the pinned
asyncpg 0.32 closes only those above that floor), so a burst after a start or a quiet spell does not
meet cold connections: 20 warmed at start take ~0.4 s on 2 cores.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import asyncpg
import structlog
from tortoise.backends.asyncpg.client import AsyncpgDBClient, TransactionWrapper
from tortoise.backends.base.client import TransactionalDBClient, TransactionContext, TransactionContextPooled
from tortoise.connection import get_connections

from domain.shared.sql import WarmUp
from infra.metrics import acquire_ended, acquire_started, watch_pool

log = structlog.get_logger(__name__)


class PoolExhausted(TimeoutError):
    """No pooled database connection came free in time."""


class BoundedPool(asyncpg.Pool):  # type: ignore[misc]
    __slots__ = ("__weakref__", "acquire_timeout")  # weak: infra/metrics.py watches live pools

    async def _acquire(self, timeout: float | None) -> Any:
        bound = self.acquire_timeout if timeout is None else timeout
        acquire_started(self)  # a waiter until it holds a connection (fieldsync_db_pool_waiters)
        try:
            return await super()._acquire(bound)
        except TimeoutError:
            raise PoolExhausted(f"no database connection free within {bound} s") from None
        finally:
            acquire_ended(self)


async def keep_session(connection: asyncpg.Connection) -> None:
    """A connection goes back to the pool without asyncpg's default reset query (advisory
    unlock, CLOSE ALL, UNLISTEN, RESET ALL): one more round trip for every query run outside a
    transaction, a third of a payment release's. The project leaves no session state behind: its
    advisory locks are transaction-scoped, it never LISTENs, SETs a session variable or opens a
    cursor outside a transaction. An open transaction is still rolled back (asyncpg does that
    before calling this)."""


WarmUps = Callable[[], Sequence[WarmUp]]


async def warm_connection(warm_ups: WarmUps, connection: asyncpg.Connection) -> None:
    """The pool's `init`: run each hot statement (domain/shared/sql.py WarmUp) on a new connection,
    each in a transaction rolled back. A statement that fails is logged and passed over: a warm-up
    only saves time, and a connection that cannot run it serves the rest as before. `warm_ups` is
    asked at each connection: statements written from the models are known only once Tortoise is
    initialised, after the pool's configuration."""
    for warm_up in warm_ups():
        transaction = connection.transaction()
        await transaction.start()
        try:
            for _ in range(warm_up.runs):
                await connection.fetch(warm_up.sql, *warm_up.args)
        except asyncpg.PostgresError as error:
            log.warning("db_warm_up_failed", statement=warm_up.sql[:80], error=str(error))
        finally:
            await transaction.rollback()


class ReleasingTransactionContext(TransactionContextPooled):
    """Tortoise's pooled transaction, giving the connection back when BEGIN does not happen."""

    async def __aenter__(self) -> TransactionalDBClient:
        await self.ensure_connection()
        pool = self.client._parent._pool
        connection = await pool.acquire()
        self.client._connection = connection
        self.token = get_connections().set(self.connection_name, self.client)
        try:
            await self.client.begin()
        except BaseException:  # a cancellation too: the connection must not stay checked out
            get_connections().reset(self.token)
            await pool.release(connection)  # asyncpg shields it; the connection is reset (rolled back)
            raise
        return self.client


class Client(AsyncpgDBClient):
    def __init__(self, **kwargs: Any) -> None:
        acquire_timeout = kwargs.pop("acquire_timeout", None)
        self.warm_ups: WarmUps | None = kwargs.pop("warm_ups", None)
        super().__init__(**kwargs)
        self.acquire_timeout = float(acquire_timeout) if acquire_timeout else None

    def _in_transaction(self) -> TransactionContext:
        return ReleasingTransactionContext(TransactionWrapper(self), self._pool_init_lock)

    async def create_pool(self, **kwargs: Any) -> asyncpg.Pool:
        # asyncpg.create_pool's own defaults, on our subclass (create_pool takes no pool class).
        kwargs.setdefault("reset", keep_session)
        kwargs.setdefault("max_queries", 50000)
        kwargs.setdefault("max_inactive_connection_lifetime", 300.0)
        kwargs.setdefault("record_class", asyncpg.Record)
        if self.warm_ups:
            kwargs.setdefault("init", partial(warm_connection, self.warm_ups))
        pool = BoundedPool(None, **kwargs)
        pool.acquire_timeout = self.acquire_timeout
        watch_pool(pool)
        return await pool


client_class = Client


def get_client_class(db_info: dict[str, Any]) -> type[Client]:
    return Client
