"""JOBS_START_DELAY_SECONDS: a job run at start-up waits the delay first, or its interval if that
is shorter; 0 (production's default) runs it at once."""

from __future__ import annotations

import asyncio

from app.settings import load_settings
from infra.periodic import LIVENESS, run_periodically


async def _first_run_after(delay: float, interval: float, watch: float) -> list[float]:
    """The moments (seconds after the start) of the runs seen within `watch` seconds."""
    loop = asyncio.get_running_loop()
    started, runs = loop.time(), []

    async def job() -> None:
        runs.append(loop.time() - started)

    task = asyncio.create_task(run_periodically("probe_start_delay", interval, job, run_at_start=True,
                                                start_delay_seconds=delay))
    try:
        await asyncio.sleep(watch)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        LIVENESS.beats.pop("probe_start_delay", None)  # the process-wide record: leave no job behind
    return runs


async def test_without_a_delay_the_job_runs_at_once():
    runs = await _first_run_after(delay=0.0, interval=3600.0, watch=0.3)
    assert len(runs) == 1 and runs[0] < 0.3


async def test_a_delay_holds_the_first_run_back_then_it_comes():
    assert await _first_run_after(delay=1.0, interval=3600.0, watch=0.4) == []
    runs = await _first_run_after(delay=0.5, interval=3600.0, watch=2.0)
    assert len(runs) == 1 and runs[0] >= 0.5


async def test_an_interval_shorter_than_the_delay_wins():
    runs = await _first_run_after(delay=3600.0, interval=0.3, watch=1.5)
    assert runs and runs[0] >= 0.3


def test_production_runs_start_up_jobs_at_once_by_default():
    assert load_settings(app_env="development").jobs_start_delay_seconds == 0.0
