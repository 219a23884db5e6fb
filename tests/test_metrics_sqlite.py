"""The metric samplers on the SQLite demo (tests/sqlite_app.py): they run there too (no pool,
so the pool gauges stay 0), and the sync metrics count pulls the same way."""

from __future__ import annotations

from domain.finance import metrics as finance_metrics
from sync import metrics as sync_metrics
from tests.sqlite_app import client, make_client, sqlite_template
from tests.support.identity import register
from tests.support.metrics import samples, scrape
from tests.support.sync import flush, pull, sync_of

__all__ = ["client", "make_client", "sqlite_template"]


async def test_samplers_and_sync_metrics_on_sqlite(client) -> None:
    who = await register(client)
    await flush(client)
    before = samples(await scrape(client)).get(
        ("fieldsync_sync_pull_duration_seconds_count", frozenset({("mode", "initial")})), 0.0
    )
    await pull(client, who)
    await sync_metrics.sample_pending(sync_of(client).dialect)  # the jobs' work, run now
    await finance_metrics.refresh()
    found = samples(await scrape(client))
    assert found[("fieldsync_sync_pull_duration_seconds_count", frozenset({("mode", "initial")}))] == before + 1
    assert found[("fieldsync_sync_pending_ops", frozenset())] >= 0
    assert found[("fieldsync_finance_operations_pending", frozenset())] == 0
    assert found[("fieldsync_db_pool_in_use", frozenset())] == 0  # no asyncpg pool on SQLite
