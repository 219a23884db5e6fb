"""A background job run every N seconds for the app's lifetime (an aiohttp cleanup context).

Sweeps and compactions use it: a failed run (a database blip) is logged and the schedule goes
on; stopping the app cancels the task."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import structlog

from domain.shared.clock import utcnow
from infra.errortracking import report_error
from infra.metrics import JOB_FAILURES

log = structlog.get_logger(__name__)


@dataclass
class Beat:
    """One job's signs of life in this process (monotonic seconds; the last success also on the
    wall clock, for the status summary)."""

    interval_seconds: float
    started_at: float
    last_success_at: float | None = None
    last_success_on: datetime | None = None  # the same moment as last_success_at, in UTC
    failures_in_a_row: int = 0
    running_since: float | None = None  # a run under way: one that never ends is a hung worker


class Liveness:
    """Every periodic job of this process: what the watchdog (app/jobs.py `worker_watchdog`) reads,
    and the last successes the instance heartbeat announces to the status summary
    (GET /v1/admin/status, app/status_wiring.py)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], datetime] = utcnow) -> None:
        self.clock = clock
        self.wall_clock = wall_clock
        self.beats: dict[str, Beat] = {}

    def started(self, name: str, interval_seconds: float) -> None:
        self.beats[name] = Beat(interval_seconds, self.clock())

    def running(self, name: str) -> None:
        if name in self.beats:
            self.beats[name].running_since = self.clock()

    def finished(self, name: str, ok: bool) -> None:
        beat = self.beats.get(name)
        if beat is None:
            return
        beat.running_since = None
        if ok:
            beat.last_success_at, beat.last_success_on, beat.failures_in_a_row = self.clock(), self.wall_clock(), 0
        else:
            beat.failures_in_a_row += 1

    def dead(self, grace_seconds: float = 120.0, failures: int = 3) -> dict[str, str]:
        """The jobs that look dead, with why: failing run after run, or no success (or a run
        that has not ended) for three intervals plus the grace."""
        now, found = self.clock(), {}
        for name, beat in self.beats.items():
            limit = 3 * beat.interval_seconds + grace_seconds
            if beat.failures_in_a_row >= failures:
                found[name] = f"failed {beat.failures_in_a_row} runs in a row"
            elif beat.running_since is not None and now - beat.running_since > limit:
                found[name] = f"one run has not ended for {int(now - beat.running_since)} s"
            elif now - (beat.last_success_at or beat.started_at) > limit:
                found[name] = f"no successful run for {int(now - (beat.last_success_at or beat.started_at))} s"
        return found

    def last_successes(self) -> dict[str, datetime]:
        """When each job last finished a run without error in this process (UTC)."""
        return {name: beat.last_success_on for name, beat in self.beats.items() if beat.last_success_on is not None}


LIVENESS = Liveness()  # this process's periodic jobs (one per process, like the metrics registry)


async def run_periodically(name: str, interval_seconds: float, job: Callable[[], Awaitable[Any]], *,
                           run_at_start: bool = False, start_delay_seconds: float = 0.0) -> None:
    """Run `job` every `interval_seconds` until cancelled; a failed run is logged as `<name>_failed`
    and counted (`fieldsync_job_failures_total{name=<name>}`). A job run at start waits
    `start_delay_seconds` first (its interval, if that is shorter)."""
    LIVENESS.started(name, interval_seconds)
    if not run_at_start:
        await asyncio.sleep(interval_seconds)
    elif start_delay_seconds > 0:
        await asyncio.sleep(min(start_delay_seconds, interval_seconds))
    while True:
        LIVENESS.running(name)
        try:
            await job()
            LIVENESS.finished(name, ok=True)
        except Exception as exc:  # one failed run must not end the schedule
            LIVENESS.finished(name, ok=False)
            JOB_FAILURES.labels(name).inc()
            log.exception(f"{name}_failed")
            report_error(exc, tags={"job": name})
        await asyncio.sleep(interval_seconds)


def periodic_context(name: str, interval_seconds: float, job: Callable[[], Awaitable[Any]], *,
                     run_at_start: bool = False,
                     start_delay_seconds: float = 0.0) -> Callable[[Any], AsyncIterator[None]]:
    async def context(_app: Any) -> AsyncIterator[None]:
        task = asyncio.create_task(run_periodically(name, interval_seconds, job, run_at_start=run_at_start,
                                                    start_delay_seconds=start_delay_seconds), name=name)
        try:
            yield
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    return context
