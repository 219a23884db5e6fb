"""Tortoise's SQLite backend, counting a statement's own rows.

Tortoise reports `connection.total_changes` deltas as the rows a statement changed, which count
the rows written by triggers too: with delta sync's capture triggers (sync/sqlgen_sqlite.py) a
one-row `QuerySet.update()` would answer 3, and every "updated exactly one row" check (optimistic
versions, state transitions) would misread. The cursor's rowcount (sqlite3_changes) counts the
statement's own rows only, as PostgreSQL does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tortoise.backends.base.client import NestedTransactionContext, TransactionContext
from tortoise.backends.sqlite.client import (
    SqliteClient,
    SqliteTransactionContext,
    SqliteTransactionWrapper,
    translate_exceptions,
)


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


class Client(_OwnRowCount, SqliteClient):
    def _in_transaction(self) -> TransactionContext:
        return SqliteTransactionContext(TransactionWrapper(self), self._lock)


client_class = Client


def get_client_class(db_info: dict[str, Any]) -> type[Client]:
    return Client
