"""What an operator watches of delta sync: pulls (latency by mode, changes served, cursors sent
back to resync), the ticker (how long since it last ran, ops waiting for it) and compaction.

Pull modes: `initial` (no cursor: the first page of a snapshot), `snapshot` (a later page of
one) and `delta` (changes after a position)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from prometheus_client import Counter, Gauge, Histogram
from tortoise.connection import connections

if TYPE_CHECKING:
    from sync.dialect import SyncDialect

PULL_SECONDS = Histogram(
    "fieldsync_sync_pull_duration_seconds",
    "Sync pull latency (one page) by mode",
    ["mode"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
CHANGES_SERVED = Counter("fieldsync_sync_changes_served_total", "Changes sent in pull pages, by mode", ["mode"])
RESYNC_REQUIRED = Counter(
    "fieldsync_sync_resync_required_total",
    "Pulls answered 410 resync_required (a cursor older than the floor, or another epoch)",
)
TICKS = Counter("fieldsync_sync_ticks_total", "Ticks this process committed (pending ops made visible)")
PENDING_OPS = Gauge("fieldsync_sync_pending_ops", "Captured ops waiting for the ticker (sampled)")
COMPACTIONS = Counter("fieldsync_sync_compactions_total", "Compactions of the op log this process ran")
COMPACTED_OPS = Counter("fieldsync_sync_compacted_ops_total", "Ops deleted by compaction")
SYNC_FLOOR = Gauge("fieldsync_sync_floor_tick", "The floor after this process's last compaction: older cursors get 410")


class _TickerClock:
    """When a ticker of this process last finished a pass (a tick, or finding nothing to do)."""

    last_pass: float | None = None


def ticker_passed() -> None:
    _TickerClock.last_pass = time.monotonic()


def ticker_lag() -> float:
    last = _TickerClock.last_pass
    return 0.0 if last is None else time.monotonic() - last


# The ticker runs every few tens of milliseconds: seconds here mean it is stuck (a lock, a
# database outage) and nothing committed reaches pulls or pokes.
TICKER_LAG = Gauge("fieldsync_sync_ticker_lag_seconds", "Seconds since the sync ticker last finished a pass")
TICKER_LAG.set_function(ticker_lag)


async def sample_pending(dialect: SyncDialect) -> None:
    """Count the ops the ticker has not moved yet: the table holds a moment's ops only (the
    ticker vacuums its dead rows), so the count is cheap; run by a periodic job, not per scrape."""
    async with connections.get("default").acquire_connection() as raw:
        count = await dialect.conn(raw).fetchval("SELECT count(*) FROM sync_op_pending")
    PENDING_OPS.set(int(count or 0))


def compacted(floor: int, removed: int) -> None:
    COMPACTIONS.inc()
    COMPACTED_OPS.inc(removed)
    SYNC_FLOOR.set(floor)
