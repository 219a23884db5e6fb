"""Tortoise's SQLite backend, counting a statement's own rows.

Tortoise reports `connection.total_changes` deltas as the rows a statement changed, which count
the rows written by triggers too: with delta sync's capture triggers (sync/sqlgen_sqlite.py) a
one-row `QuerySet.update()` would answer 3, and every "updated exactly one row" check (optimistic
versions, state transitions) would misread. The cursor's rowcount (sqlite3_changes) counts the
statement's own rows only, as PostgreSQL does.

A transaction whose opening is cancelled (a background job stopped at shutdown while its unit of
work begins) lets go of the connection's lock: Tortoise's own context would keep it for ever, and
every later statement of the process (the outbox relay's last flush) would wait on it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import structlog
from tortoise.backends.base.client import NestedTransactionContext, TransactionalDBClient, TransactionContext
from tortoise.backends.sqlite.client import (
    SqliteClient,
    SqliteTransactionContext,
    SqliteTransactionWrapper,
    translate_exceptions,
)
from tortoise.connection import get_connections

log = structlog.get_logger(__name__)


class _OwnRowCount:
    @translate_exceptions
    async def execute_query(self, query: str, values: list[Any] | None = None) -> tuple[int, Sequence[dict[str, Any]]]:
        query = query.replace("\x00", "'||CHAR(0)||'")
        async with self.acquire_connection() as connection:  # type: ignore[attr-defined]
            self.log.debug("%s: %s", query, values)  # type: ignore[attr-defined]
            cursor = await connection.execute(query, values)
            try:
                rows = await cursor.fetchall()
                changed = max(cursor.rowcount, 0)
            finally:
                await cursor.close()
            return changed or len(rows), rows


class TransactionWrapper(_OwnRowCount, SqliteTransactionWrapper):
    def _in_transaction(self) -> TransactionContext:
        return NestedTransactionContext(TransactionWrapper(self))


class ReleasingTransactionContext(SqliteTransactionContext):
    """Tortoise's SQLite transaction, giving the connection's lock back when BEGIN does not
    happen. Tortoise takes the lock, then awaits BEGIN: a cancellation there skips `__aexit__`,
    so the lock stayed taken and BEGIN (already queued on aiosqlite's thread) left a transaction
    open. Here the transaction is rolled back, then the lock released, whatever else is cancelled."""

    async def __aenter__(self) -> TransactionalDBClient:
        await self._trxlock.acquire()
        token = None
        try:
            await self.ensure_connection()
            token = get_connections().set(self.connection_name, self.connection)
            await self.connection.begin()
        except BaseException:
            if token is not None:
                get_connections().reset(token)
            await self._abandon()
            raise
        self.token = token
        client: TransactionalDBClient = self.connection
        return client

    async def _abandon(self) -> None:
        raw = self.connection._connection
        if raw is None:
            self._trxlock.release()
            return
        # Queued behind the BEGIN on aiosqlite's one thread; a no-op when no transaction opened.
        rollback = asyncio.ensure_future(_rollback_quietly(raw))
        rollback.add_done_callback(lambda _: self._trxlock.release())
        await asyncio.shield(rollback)


async def _rollback_quietly(raw: Any) -> None:
    try:
        await raw.rollback()
    except Exception:  # a closed connection has nothing open; the caller's own error is the news
        log.warning("sqlite_abandoned_begin_rollback_failed", exc_info=True)


class Client(_OwnRowCount, SqliteClient):
    def _in_transaction(self) -> TransactionContext:
        return ReleasingTransactionContext(TransactionWrapper(self), self._lock)


client_class = Client


def get_client_class(db_info: dict[str, Any]) -> type[Client]:
    return Client
