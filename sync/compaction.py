"""Retention: after the window (SYNC_RETENTION_DAYS) the op log keeps, below a floor tick, only
what a snapshot still needs: the latest upsert of each row in each scope. Cursors below the
floor get 410 `resync_required`; everything a cursor at or above the floor needs stays.

Why it is safe: a pull from a cursor c >= floor reads ops with tick > c only, all kept. A
snapshot as of T >= floor needs, per (row, scope), the latest op with tick <= T: an op below the
floor is deleted only when a later op below the floor supersedes it, or when it is a tombstone
(a row absent from a scope and a row with no op there read the same), or when it sits in a
`to:<user>` delivery scope (read by deltas only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import structlog
from tortoise.connection import connections

from sync import metrics

if TYPE_CHECKING:
    from sync.dialect import SyncDialect

log = structlog.get_logger(__name__)

LOCK_KEY = 0x73796E63_636D7074  # "synccmpt"

FLOOR_FOR_AGE = "SELECT max(tick) FROM sync_tick_time WHERE at < now() - make_interval(secs => $1)"
SET_FLOOR = """
INSERT INTO sync_state (name, value) VALUES ('floor', $1)
ON CONFLICT (name) DO UPDATE SET value = greatest(sync_state.value, EXCLUDED.value)
RETURNING value
"""
PRUNE = """
DELETE FROM sync_op AS o
WHERE o.tick < $1 AND (
    o.scope LIKE 'to:%' OR o.op <> 'u' OR EXISTS (
        SELECT 1 FROM sync_op AS n
        WHERE n.collection = o.collection AND n.row_id = o.row_id AND n.scope = o.scope AND n.tick < $1 AND n.id > o.id
    )
)
"""
PRUNE_TICK_TIMES = "DELETE FROM sync_tick_time WHERE tick < (SELECT max(tick) FROM sync_tick_time WHERE tick <= $1)"


@dataclass(frozen=True)
class Compacted:
    floor: int
    removed: int


async def compact(dialect: SyncDialect, floor: int) -> Compacted | None:
    """Raise the floor to `floor` and prune below it; None when another process is compacting."""
    done = await dialect.compact(floor)
    if done is None:
        return None
    floor, removed = done
    metrics.compacted(floor, removed)
    log.info("sync_compacted", floor=floor, removed=removed)
    return Compacted(floor, removed)


async def compact_expired(dialect: SyncDialect, retention_seconds: float) -> Compacted | None:
    """Compact below the newest tick stamped more than `retention_seconds` ago, if any."""
    found = await dialect.floor_for_age(retention_seconds)
    return await compact(dialect, found) if found is not None else None


async def postgres_compact(floor: int) -> tuple[int, int] | None:
    """PostgreSQL: (floor, removed), or None while another process holds the compaction lock."""
    async with connections.get("default").acquire_connection() as conn:
        async with conn.transaction():
            if not await conn.fetchval("SELECT pg_try_advisory_xact_lock($1)", LOCK_KEY):
                return None
            floor = int(await conn.fetchval(SET_FLOOR, floor))
            removed = int((await conn.execute(PRUNE, floor)).split()[-1])
            await conn.execute(PRUNE_TICK_TIMES, floor)
    return floor, removed


async def postgres_floor_for_age(retention_seconds: float) -> int | None:
    async with connections.get("default").acquire_connection() as conn:
        floor = await conn.fetchval(FLOOR_FOR_AGE, float(retention_seconds))
    return int(floor) if floor is not None else None
