"""Delta sync on SQLite (the embedded demo): trigger installation, the ticker and compaction in
SQLite's dialect, and a connection adapter that lets the puller run its per-dialect queries
(sync/queries_sqlite.py) through the same code as on PostgreSQL.

Commit order: SQLite has one writer at a time, and in the app every statement and transaction
runs on Tortoise's one connection under its lock. The ticker moves pending ops inside
`BEGIN IMMEDIATE` (the write lock) while holding that lock: no transaction is open then, so
every pending op belongs to a committed transaction, op ids are commit order (they were taken
one writer at a time), and the tick it stamps holds whole transactions. Ticks commit in
increasing order (read and written under the write lock), so a reader that sees head k sees
every op up to k: no gap, in any number of processes sharing the file.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import structlog
from tortoise.connection import connections

from domain.shared.uow import unit_of_work
from sync import queries_sqlite
from sync.sqlgen_sqlite import MARKER, backfill_statements, install_statements
from sync.ticker import TICK_TIME_EVERY_SECONDS, Ticker

log = structlog.get_logger(__name__)


async def install_capture() -> None:
    """Install (or refresh) the capture triggers on the default SQLite connection; a database
    that had none yet gets ops and grants for the rows it already holds."""
    conn = connections.get("default")
    _, rows = await conn.execute_query(
        f"SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE '{MARKER}%'")  # noqa: S608
    fresh = int(rows[0]["n"]) == 0
    async with unit_of_work() as uow:  # one statement at a time: executescript would commit first
        tx = uow.connection
        for statement in install_statements():
            await tx.execute_query(statement)
        if fresh:
            for statement in backfill_statements():
                await tx.execute_query(statement)


def _param(value: Any) -> Any:
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return json.dumps([_param(v) for v in value])
    return value


class SqliteConn:
    """The asyncpg calls the puller makes (fetch, fetchrow, fetchval), on an aiosqlite
    connection; `queries` is the dialect's query set."""

    queries = queries_sqlite

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    async def fetch(self, sql: str, *args: Any) -> list[Any]:
        return list(await self.raw.execute_fetchall(sql, [_param(a) for a in args]))

    async def fetchrow(self, sql: str, *args: Any) -> Any:
        rows = await self.fetch(sql, *args)
        return rows[0] if rows else None

    async def fetchval(self, sql: str, *args: Any) -> Any:
        row = await self.fetchrow(sql, *args)
        return row[0] if row is not None else None


def tick_time(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(" ")  # as Tortoise stores datetimes on SQLite


class SqliteTicker(Ticker):
    """One tick = every pending op (all committed: see the module doc), one transaction group
    (txpos = the tick's highest op id: SQLite has no transaction id to tell them apart)."""

    async def tick(self, wait: bool = False) -> int | None:
        started = time.monotonic()
        async with connections.get("default").acquire_connection() as raw:
            if await _scalar(raw, "SELECT max(id) FROM sync_op_pending") is None:
                self.covered(started)
                return None  # nothing to move: no write transaction every interval
            try:  # BEGIN too: cancelled while it is queued, it still runs, and must be rolled back
                await raw.execute("BEGIN IMMEDIATE")
                scopes, tick = await self._move(raw)
            except BaseException:
                await raw.rollback()
                raise
            await raw.commit()
        self.covered(started)
        if tick is None:
            return None
        self._announce(tick, scopes)
        return tick

    async def position(self) -> int:
        tick = await self.tick(wait=True)
        if tick is None:  # nothing pending: another ticker moved it, the head covers it
            async with connections.get("default").acquire_connection() as raw:
                tick = int(await _scalar(raw, queries_sqlite.STATE))
        return tick

    async def _move(self, raw: Any) -> tuple[list[str], int | None]:
        last = await _scalar(raw, "SELECT max(id) FROM sync_op_pending")
        if last is None:  # another process moved them meanwhile
            return [], None
        head = await _scalar(raw, queries_sqlite.STATE)
        tick = int(head) + 1
        await raw.execute("INSERT INTO sync_op (id, tick, txpos, collection, row_id, scope, op, version, data) "
                          "SELECT id, ?1, ?2, collection, row_id, scope, op, version, data FROM sync_op_pending "
                          "WHERE id <= ?2 ORDER BY id", [tick, last])
        scopes = [row[0] for row in await raw.execute_fetchall(
            "SELECT DISTINCT scope FROM sync_op_pending WHERE id <= ?1", [last])]
        await raw.execute("DELETE FROM sync_op_pending WHERE id <= ?1", [last])
        await raw.execute("INSERT INTO sync_state (name, value) VALUES ('head', ?1) "
                          "ON CONFLICT (name) DO UPDATE SET value = excluded.value", [tick])
        if time.monotonic() - self._last_time_log > TICK_TIME_EVERY_SECONDS:
            await raw.execute("INSERT OR IGNORE INTO sync_tick_time (tick, at) VALUES (?1, ?2)",
                              [tick, tick_time(datetime.now(UTC))])
            self._last_time_log = time.monotonic()
        return scopes, tick


async def _scalar(raw: Any, sql: str) -> Any:
    rows = await raw.execute_fetchall(sql)
    return rows[0][0] if rows else None


SET_FLOOR = """
INSERT INTO sync_state (name, value) VALUES ('floor', ?1)
ON CONFLICT (name) DO UPDATE SET value = max(sync_state.value, excluded.value)
RETURNING value
"""
PRUNE = """
DELETE FROM sync_op AS o
WHERE o.tick < ?1 AND (
    o.scope LIKE 'to:%' OR o.op <> 'u' OR EXISTS (
        SELECT 1 FROM sync_op AS n
        WHERE n.collection = o.collection AND n.row_id = o.row_id AND n.scope = o.scope AND n.tick < ?1 AND n.id > o.id
    )
)
"""
PRUNE_TICK_TIMES = "DELETE FROM sync_tick_time WHERE tick < (SELECT max(tick) FROM sync_tick_time WHERE tick <= ?1)"


async def compact(floor: int) -> tuple[int, int]:
    """Raise the floor and prune below it (sync/compaction.py says why it is safe): (floor, removed)."""
    async with connections.get("default").acquire_connection() as raw:
        try:  # BEGIN too (see SqliteTicker.tick)
            await raw.execute("BEGIN IMMEDIATE")
            floor = int((await raw.execute_fetchall(SET_FLOOR, [floor]))[0][0])
            removed = (await raw.execute(PRUNE, [floor])).rowcount
            await raw.execute(PRUNE_TICK_TIMES, [floor])
        except BaseException:
            await raw.rollback()
            raise
        await raw.commit()
    return floor, int(removed)


async def floor_for_age(retention_seconds: float) -> int | None:
    cutoff = tick_time(datetime.now(UTC) - timedelta(seconds=retention_seconds))
    async with connections.get("default").acquire_connection() as raw:
        rows: Sequence[Any] = await raw.execute_fetchall("SELECT max(tick) FROM sync_tick_time WHERE at < ?1",
                                                         [cutoff])
    value = rows[0][0] if rows else None
    return int(value) if value is not None else None

