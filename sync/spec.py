"""The vocabulary of the sync registry: a collection is a table, the scopes a row belongs to
and the JSON fields it syncs, all as SQL expressions over the row (written `{r}`), so one
generator (sync/sqlgen.py) turns them into triggers, backfill and documentation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sync.shapes import SyncMoney

ROW = "{r}"


@dataclass(frozen=True)
class Field:
    key: str  # the JSON key clients see
    sql: str  # an SQL expression over {r}
    columns: tuple[str, ...]  # the row's columns it reads (a change of one of them is a change of the row)
    doc: str = ""
    # The JSON value's Python type (sync/rows.py makes the row model from it). None: the ORM
    # column's own type and nullability; required for anything else than a plain column.
    type: Any = None


@dataclass(frozen=True)
class Scope:
    sql: str  # an SQL text expression over {r}; NULL means "not in this scope"
    columns: tuple[str, ...]
    doc: str = ""


@dataclass(frozen=True)
class Collection:
    name: str  # wire name
    table: str
    scopes: tuple[Scope, ...]
    fields: tuple[Field, ...]
    id_column: str = "id"
    # Tables with a `version` column (bumped on every write, by the database if the writer
    # forgot); others get a version from a database sequence, still growing per row.
    versioned: bool = True
    doc: str = ""
    conflict: str = "server-only"  # the policy for offline writes, published in docs/sync.md
    writable: tuple[str, ...] = field(default_factory=tuple)  # fields clients may change offline

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column the synced data or the scopes read, in a stable order."""
        seen: dict[str, None] = {}
        groups: list[tuple[str, ...]] = [f.columns for f in self.fields] + [s.columns for s in self.scopes]
        for columns in groups:
            for column in columns:
                seen.setdefault(column, None)
        if self.versioned:
            seen.setdefault("version", None)
        return tuple(seen)


@dataclass(frozen=True)
class GrantRule:
    """Users who hold a scope because of a row of `table`: `pairs` is an SQL query over {r}
    yielding (user_id uuid, scope text, source text). The same (user, scope, source) must come
    out of every table the reason depends on, so either side's change adds or removes it."""

    table: str
    pairs: str
    columns: tuple[str, ...]  # the row's columns the pairs depend on
    doc: str = ""


def q(name: str) -> str:
    return f'"{name}"'


def col(*names: str) -> tuple[Field, ...]:
    return tuple(Field(name, f"{ROW}.{q(name)}", (name,)) for name in names)


def typed(name: str, kind: Any, doc: str = "") -> Field:
    """A plain column whose JSON value is more precise than its ORM type (a JSON column's shape,
    a text column holding an enum)."""
    return Field(name, f"{ROW}.{q(name)}", (name,), doc, kind)


def ts(*names: str) -> tuple[Field, ...]:
    """Timestamps as RFC 3339 UTC text with a Z (as the REST API writes them)."""
    return tuple(Field(name, f"sync_ts({ROW}.{q(name)})", (name,)) for name in names)


def money(key: str, amount: str, currency: str = "currency") -> Field:
    sql = (f"CASE WHEN {ROW}.{q(amount)} IS NULL THEN NULL ELSE json_build_object('amount', {ROW}.{q(amount)}, "
           f"'currency', {ROW}.{q(currency)}) END")
    return Field(key, sql, (amount, currency), "", SyncMoney)


def rating(key: str = "rating") -> Field:
    sql = (f"CASE WHEN {ROW}.\"rating_count\" > 0 THEN round({ROW}.\"rating_sum\"::numeric / "
           f"{ROW}.\"rating_count\", 2) END")
    return Field(key, sql, ("rating_sum", "rating_count"), "mean stars; null before the first review", float | None)


def expr(key: str, sql: str, *columns: str, kind: Any, doc: str = "") -> Field:
    return Field(key, sql.replace("$", ROW), columns, doc, kind)


def scope(prefix: str, column: str, doc: str = "") -> Scope:
    """`prefix:<column value>` (no scope when the column is NULL)."""
    return Scope(f"'{prefix}:' || {ROW}.{q(column)}", (column,), doc)


def scope_of_parent(prefix: str, table: str, key: str, column: str, doc: str = "") -> Scope:
    """`prefix:<column of the parent row>`, read when the row is written: only for a parent
    column that never changes (a booking's provider), or children would keep a stale scope."""
    sql = f"(SELECT '{prefix}:' || p.{q(column)} FROM {q(table)} AS p WHERE p.id = {ROW}.{q(key)})"  # noqa: S608
    return Scope(sql, (key,), doc)


def scope_if(condition: str, value: str, *columns: str, doc: str = "") -> Scope:
    return Scope(f"CASE WHEN {condition.replace('$', ROW)} THEN {value.replace('$', ROW)} END", columns, doc)


PUBLIC = Scope("'public'", (), "everyone")
