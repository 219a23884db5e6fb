"""The metrics that need wiring (the rest are counted where things happen): the build, the
event-loop lag monitor, and the periodic samplers of the gauges that need a query (run on a
schedule by every replica, never per scrape). docs/metrics.md lists them all."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from aiohttp import web
from prometheus_client import disable_created_metrics

from app import build_info
from app.jobs import PeriodicJob
from domain.finance import metrics as finance_metrics
from infra.loop_lag import watch_loop_lag
from sync import metrics as sync_metrics
from sync.dialect import SyncDialect

# Gauges that need a query are sampled this often (a typical scrape interval).
SAMPLE_SECONDS = 15.0


def publish_process_metrics() -> None:
    # `_created` series double the counters' series and no dashboard or alert reads them.
    disable_created_metrics()  # type: ignore[no-untyped-call]
    build_info.publish()


def metrics_jobs(sync_dialect: SyncDialect, interval: float = SAMPLE_SECONDS) -> list[PeriodicJob]:
    return [
        PeriodicJob("sync_metrics", interval, lambda: sync_metrics.sample_pending(sync_dialect), at_start=True),
        PeriodicJob("finance_metrics", interval, finance_metrics.refresh, at_start=True),
    ]


async def loop_lag_context(_app: web.Application) -> AsyncIterator[None]:
    task = asyncio.create_task(watch_loop_lag(), name="event-loop-lag")
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
