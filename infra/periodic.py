"""A background job run every N seconds for the app's lifetime (an aiohttp cleanup context).

Sweeps and compactions use it: a failed run (a database blip) is logged and the schedule goes
on; stopping the app cancels the task."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from typing import Any

import structlog

from domain.shared.clock import utcnow
from infra.errortracking import report_error
from infra.metrics import JOB_FAILURES

log = structlog.get_logger(__name__)

# When each job last finished a run without error in this process: announced with the
# instance heartbeat, read by the status summary (GET /v1/admin/status).
_LAST_SUCCESS: dict[str, datetime] = {}


def last_successes() -> dict[str, datetime]:
    return dict(_LAST_SUCCESS)


async def run_periodically(name: str, interval_seconds: float, job: Callable[[], Awaitable[Any]], *,
                           run_at_start: bool = False) -> None:
    """Run `job` every `interval_seconds` until cancelled; a failed run is logged as `<name>_failed`
    and counted (`fieldsync_job_failures_total{name=<name>}`)."""
    if not run_at_start:
        await asyncio.sleep(interval_seconds)
    while True:
        try:
            await job()
            _LAST_SUCCESS[name] = utcnow()
        except Exception as exc:  # one failed run must not end the schedule
            JOB_FAILURES.labels(name).inc()
            log.exception(f"{name}_failed")
            report_error(exc, tags={"job": name})
        await asyncio.sleep(interval_seconds)


def periodic_context(name: str, interval_seconds: float, job: Callable[[], Awaitable[Any]], *,
                     run_at_start: bool = False) -> Callable[[Any], AsyncIterator[None]]:
    async def context(_app: Any) -> AsyncIterator[None]:
        task = asyncio.create_task(run_periodically(name, interval_seconds, job, run_at_start=run_at_start),
                                   name=name)
        try:
            yield
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    return context
