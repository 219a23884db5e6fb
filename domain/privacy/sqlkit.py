"""The database as the personal-data registry names it: tables and columns by their database
names, their kinds read from the database itself (information_schema, or SQLite's PRAGMA), and
the few dialect differences the erasure's generic SQL meets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")


class Kind:
    TEXT = "text"
    JSON = "json"
    NUMBER = "number"
    UUID = "uuid"
    OTHER = "other"


@dataclass(frozen=True)
class ColumnInfo:
    kind: str
    nullable: bool


class Sql:
    """The few dialect differences: placeholders, casts, the text of any column."""

    def __init__(self, connection: BaseDBAsyncClient) -> None:
        self.pg = connection.capabilities.dialect == "postgres"
        self.conn = connection

    def p(self, n: int) -> str:
        return f"${n}" if self.pg else "?"

    def as_text(self, column: str) -> str:
        return f'CAST("{column}" AS TEXT)'

    def value(self, n: int, info: ColumnInfo) -> str:
        if not self.pg:
            return "?"
        if info.kind == Kind.JSON:
            return f"${n}::jsonb"
        if info.kind == Kind.UUID:
            return f"${n}::uuid"
        return f"${n}"

    async def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        _, rows = await self.conn.execute_query(sql, list(params))
        return [dict(row) for row in rows]

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        count, _ = await self.conn.execute_query(sql, list(params))
        return int(count or 0)


async def columns_of(sql: Sql, tables: Iterable[str]) -> dict[str, dict[str, ColumnInfo]]:
    """table -> column -> its kind and nullability, read from the database itself."""
    names = sorted(set(tables))
    found: dict[str, dict[str, ColumnInfo]] = {name: {} for name in names}
    if sql.pg:
        rows = await sql.rows("SELECT table_name, column_name, data_type, udt_name, is_nullable "
                              "FROM information_schema.columns WHERE table_schema = current_schema() "
                              "AND table_name = ANY($1::text[])", [names])
        for row in rows:
            found[row["table_name"]][row["column_name"]] = ColumnInfo(
                _pg_kind(str(row["data_type"]), str(row["udt_name"])), row["is_nullable"] == "YES")
        return found
    for name in names:
        for row in await sql.rows(f'PRAGMA table_info("{ident(name)}")'):
            found[name][row["name"]] = ColumnInfo(_sqlite_kind(str(row["type"])), not row["notnull"] and not row["pk"])
    return found


ID = ColumnInfo(Kind.UUID, False)  # a uuid primary key


def _pg_kind(data_type: str, udt: str) -> str:
    if udt in ("json", "jsonb"):
        return Kind.JSON
    if udt == "uuid":
        return Kind.UUID
    if data_type in ("text", "character varying", "character"):
        return Kind.TEXT
    if data_type in ("integer", "bigint", "smallint", "numeric", "double precision", "real"):
        return Kind.NUMBER
    return Kind.OTHER


def _sqlite_kind(declared: str) -> str:
    t = declared.upper()
    if "JSON" in t:
        return Kind.JSON
    if t.startswith("CHAR(36)"):
        return Kind.UUID
    if any(part in t for part in ("CHAR", "TEXT", "CLOB")):
        return Kind.TEXT
    if any(part in t for part in ("INT", "REAL", "FLOA", "DOUB", "DEC", "NUMERIC")):
        return Kind.NUMBER
    return Kind.OTHER


def ident(name: str) -> str:
    if not _IDENT.match(name):
        raise ValueError(f"not a plain identifier: {name!r}")
    return name
