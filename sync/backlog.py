"""Delta sync for the status summary (GET /v1/admin/status): ops captured but not yet made
visible by the ticker (sync/ticker.py), and how long since this process's ticker last finished
a pass. The pending table holds a moment's ops only, so its COUNT is cheap (sync/metrics.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from tortoise.connection import connections

from domain.operations.views import Backlog
from sync.dialect import SyncDialect
from sync.metrics import ticker_lag


def ticker_backlog(dialect: SyncDialect) -> Callable[[datetime], Awaitable[Backlog]]:
    async def measure(_now: datetime) -> Backlog:
        async with connections.get("default").acquire_connection() as raw:
            count = await dialect.conn(raw).fetchval("SELECT count(*) FROM sync_op_pending")
        lag = ticker_lag()
        detail = (f"ops captured, not yet ticked (some may belong to transactions still running); "
                  f"this process's ticker last finished a pass {lag:.1f} s ago")
        return Backlog("sync_ticker", int(count or 0), None, detail)

    return measure
