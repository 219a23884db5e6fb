"""Written-out SQL on hot paths (the ledger, payment cases, message sends, dashboards): the few
things it does differently on PostgreSQL and SQLite: placeholders (`$1` is written once, SQLite
gets `?1`) and how values travel (SQLite stores UUIDs, datetimes and booleans as Tortoise does:
text, text, integers); and a model's columns selected under an alias."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import connections

from domain.shared import uow as uow_module
from domain.shared.orm import Model

_PLACEHOLDER = re.compile(r"\$(\d+)")


def is_postgres(conn: BaseDBAsyncClient) -> bool:
    return bool(conn.capabilities.dialect == "postgres")


def reader() -> BaseDBAsyncClient:
    """The open unit of work's connection (to see its own writes), else the default one."""
    current = uow_module.current()
    return current.connection if current is not None else connections.get("default")


def _value(conn: BaseDBAsyncClient, value: Any) -> Any:
    if is_postgres(conn):
        return value
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(" ")
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list | tuple):
        return [_value(conn, v) for v in value]
    return value


def _text(conn: BaseDBAsyncClient, sql: str) -> str:
    return sql if is_postgres(conn) else _PLACEHOLDER.sub(r"?\1", sql)


async def rows(conn: BaseDBAsyncClient, sql: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
    return list(await conn.execute_query_dict(_text(conn, sql), [_value(conn, a) for a in args]))


async def records(conn: BaseDBAsyncClient, sql: str, args: Sequence[Any] = ()) -> list[Any]:
    """`rows` of a SELECT, read by column name (`row["name"]`, `row.get`, `row.items()`): on
    PostgreSQL asyncpg's records as they come, not each copied into a dict (hot paths reading
    hundreds of rows a batch)."""
    if not is_postgres(conn):
        return await rows(conn, sql, args)
    _, found = await conn.execute_query(sql, list(args))
    return list(found)


async def execute(conn: BaseDBAsyncClient, sql: str, args: Sequence[Any] = ()) -> int:
    """Run a statement; the rows it changed."""
    changed, _ = await conn.execute_query(_text(conn, sql), [_value(conn, a) for a in args])
    return int(changed)


def as_uuid(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))


def as_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.fromisoformat(str(value)).astimezone(UTC)


def columns(model: type[Model]) -> list[str]:
    # Known once Tortoise is initialised (foreign-key columns are resolved by Tortoise.init).
    return sorted(model._meta.db_fields)


def aliased(alias: str, model: type[Model]) -> str:
    """`alias."col" AS "alias.col", ...` for every column of the model: one statement can read
    several models' rows, split again by `split_aliased`."""
    return ", ".join(f'{alias}."{column}" AS "{alias}.{column}"' for column in columns(model))


def split_aliased(row: dict[str, Any], *aliases: str) -> dict[str, dict[str, Any]]:
    split: dict[str, dict[str, Any]] = {alias: {} for alias in aliases}
    for key, value in row.items():
        alias, column = key.split(".", 1)
        split[alias][column] = value
    return split


def placeholders(start: int, count: int) -> str:
    """`$start, $start+1, ...`: a row of `count` placeholders."""
    return ", ".join(f"${i}" for i in range(start, start + count))


# PostgreSQL plans a prepared statement afresh at each of its first five runs on a connection, and
# only from the sixth may it use one cached generic plan.
PLANS_BEFORE_GENERIC = 5


@dataclass(frozen=True)
class WarmUp:
    """A hot statement, with arguments that match no row, that each new pooled connection runs
    before it serves (infra/postgres_engine.py, in a transaction rolled back). A connection's first
    run of the message store took 15-20 ms (relations, indexes and functions loaded into its caches,
    planning), ~2 ms for the next five (planned each time), ~1 ms from then on: without this a
    burst after a start meets twenty cold connections. `runs`: past PLANS_BEFORE_GENERIC only for
    a statement whose plan does not depend on its arguments' values (arrays behind sub-selects,
    keys), so the values that match nothing do not choose its plan."""

    sql: str
    args: tuple[Any, ...]
    runs: int = PLANS_BEFORE_GENERIC + 1
