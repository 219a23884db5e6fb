# ruff: noqa: S608 - SQL built from the static registry (table, key, anchor and where are declarations)
"""The daily retention purge, driven by the registry's Retention rules (declarations.py).

A table whose retention names no other job (`Retention.by`) loses the rows whose `anchor` is
older than the period and that match the rule's `where`. `plan()` lists exactly those rows (the
dry run: `fieldsync retention --dry-run`); `purge()` deletes them, batch by batch, each batch
one unit of work with one statement that selects by the same condition, so for one `now` the
dry run and the real run name the same rows. Deletes are plain SQL DELETEs: the sync capture
triggers (PostgreSQL and SQLite alike) turn deletes of synced rows (notifications, feed items)
into ordinary sync deletes, so phones drop them too.

Both dialects: parameters are `$n` on PostgreSQL and `?` on SQLite, timestamps are bound as
datetimes (stored by the same driver adapter on SQLite, so they compare as stored).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from prometheus_client import Counter, Gauge
from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from domain.privacy.declarations import REGISTRY
from domain.privacy.registry import Registry, Table
from domain.shared.clock import utcnow
from domain.shared.uow import unit_of_work

PURGED = Counter("fieldsync_retention_purged_rows_total", "Rows the retention purge deleted, per table", ["table"])
LAST_RUN = Gauge("fieldsync_retention_last_run_timestamp_seconds",
                 "When the retention purge last finished a run (Unix time; 0: not since this process started)")

BATCH = 1000


@dataclass(frozen=True)
class TablePlan:
    table: str
    key: str
    cutoff: datetime
    ids: tuple[Any, ...] = ()
    count: int = 0


@dataclass(frozen=True)
class Report:
    now: datetime
    dry_run: bool
    tables: tuple[TablePlan, ...] = field(default=())

    @property
    def total(self) -> int:
        return sum(t.count for t in self.tables)

    def lines(self) -> list[str]:
        """What the CLI prints: one line per table, then one per row (`table key=id`)."""
        verb = "would delete" if self.dry_run else "deleted"
        out = [f"retention {'dry run' if self.dry_run else 'run'} as of {self.now.isoformat()}: "
               f"{verb} {self.total} rows"]
        for t in self.tables:
            out.append(f"{t.table}: {t.count} rows older than {t.cutoff.isoformat()}")
            out.extend(f"  {t.table} {t.key}={row_id}" for row_id in t.ids)
        return out


def _postgres(connection: BaseDBAsyncClient) -> bool:
    return connection.capabilities.dialect == "postgres"


def _condition(t: Table, postgres: bool) -> str:
    assert t.retention is not None
    mark = "$1" if postgres else "?"
    where = f"{t.retention.anchor} < {mark}"
    return where + (f" AND ({t.retention.where})" if t.retention.where else "")


def cutoff_of(t: Table, now: datetime) -> datetime:
    assert t.retention is not None
    return now - timedelta(days=t.retention.days)


async def _doomed(t: Table, now: datetime, connection: BaseDBAsyncClient) -> list[Any]:
    sql = f"SELECT {t.key} FROM {t.name} WHERE {_condition(t, _postgres(connection))} ORDER BY {t.key}"
    rows = await connection.execute_query_dict(sql, [cutoff_of(t, now)])
    return [row[t.key] for row in rows]


async def plan(now: datetime | None = None, registry: Registry = REGISTRY) -> Report:
    """The dry run: every row the purge would delete at `now`, per table."""
    now = now or utcnow()
    connection = connections.get("default")
    tables = []
    for t in registry.purged():
        ids = await _doomed(t, now, connection)
        tables.append(TablePlan(t.name, t.key, cutoff_of(t, now), tuple(ids), len(ids)))
    return Report(now, True, tuple(tables))


async def _purge_table(t: Table, now: datetime, batch: int, collect: bool) -> TablePlan:
    deleted: list[Any] = []
    count = 0
    while True:
        async with unit_of_work() as uow:
            postgres = _postgres(uow.connection)
            limit = "$2" if postgres else "?"
            sql = (f"DELETE FROM {t.name} WHERE {t.key} IN (SELECT {t.key} FROM {t.name} "
                   f"WHERE {_condition(t, postgres)} ORDER BY {t.key} LIMIT {limit}) RETURNING {t.key}")
            rows = await uow.connection.execute_query_dict(sql, [cutoff_of(t, now), batch])
        count += len(rows)
        if collect:
            deleted.extend(row[t.key] for row in rows)
        if rows:
            PURGED.labels(t.name).inc(len(rows))
        if len(rows) < batch:
            return TablePlan(t.name, t.key, cutoff_of(t, now), tuple(sorted(deleted, key=str)), count)


async def purge(now: datetime | None = None, registry: Registry = REGISTRY, *, batch: int = BATCH,
                collect: bool = False) -> Report:
    """Delete what `plan(now)` lists; `collect` keeps the deleted keys in the report (the CLI, tests)."""
    now = now or utcnow()
    tables = tuple([await _purge_table(t, now, batch, collect) for t in registry.purged()])
    LAST_RUN.set(time.time())
    return Report(now, False, tables)


async def run_daily() -> Report:
    """The periodic job (app/jobs.py)."""
    return await purge()
