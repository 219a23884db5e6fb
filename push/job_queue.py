"""What the delivery queues share (push jobs: push/worker.py, emails: push/email_worker.py): a
table of jobs claimed with `FOR UPDATE SKIP LOCKED`, leased, retried and swept; and the loop that
works one. Each worker keeps its own table, its delivery code and its metrics.

- Claim: due queued jobs (`next_attempt_at` passed), oldest first, `FOR UPDATE SKIP LOCKED`,
  leased by moving `next_attempt_at` ahead and counting the attempt, in one short transaction;
  the sends happen outside any transaction. A worker that dies mid-send leaves the job to be
  sent again after the lease (at least once).
- Outcomes are written only while the lease is still ours (`attempts` unchanged), so a slow
  worker never overwrites a newer one.
- Retry: a full-jitter exponential backoff, until attempts or age run out.
- Retention: finished jobs older than the retention are deleted in batches.
- The loop: a full batch goes round again at once; otherwise it refreshes the queue's gauges and
  sleeps until woken or the next poll. Idle, a round is one plain statement (when is the next
  job due?): the claim's transaction, the gauges' counts and the sleep reuse its answer. A
  failed round (the database away for a moment) is logged as `<name>_round_failed` and the loop goes on.
"""

from __future__ import annotations

import asyncio
import random
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, Protocol, TypeVar, cast

import structlog
from prometheus_client import Gauge
from tortoise.expressions import F

from domain.shared.orm import Model
from domain.shared.uow import unit_of_work
from infra.aio import wait_event

log = structlog.get_logger(__name__)


class LeasedJob(Protocol):
    """The columns the claim and the lease use besides `id`, `state`, `next_attempt_at` and
    `created_at` (push/models.py, push/email_models.py)."""

    attempts: int


J = TypeVar("J", bound=Model)  # with the columns of LeasedJob


def _leased(job: Model) -> LeasedJob:
    return cast(LeasedJob, job)


class Lifecycle(Protocol):
    """A sender: started before the loop, closed after it."""

    async def start(self) -> None: ...

    async def close(self) -> None: ...


@dataclass(frozen=True)
class QueueConfig:
    poll_interval: float = 1.0
    claim_batch: int = 200
    lease_seconds: float = 120.0
    max_attempts: int = 10
    max_age_seconds: float = 86400.0
    backoff_base: float = 2.0
    backoff_max: float = 900.0
    retention_seconds: float = 7 * 86400.0

    def backoff(self, attempts: int) -> float:
        """Full jitter: uniform between 0 and the capped exponential step."""
        return random.uniform(0, min(self.backoff_max, self.backoff_base * 2 ** max(attempts - 1, 0)))

    def exhausted(self, attempts: int, since: datetime, now: datetime, max_age_seconds: float | None = None) -> bool:
        """No more retries: the attempts are used up, or the job is older than its maximum age."""
        max_age = self.max_age_seconds if max_age_seconds is None else max_age_seconds
        return attempts >= self.max_attempts or (now - since).total_seconds() > max_age


class JobTable(Generic[J]):
    """One queue's table: `queued` is the state of a job waiting (first attempt or a retry),
    `finished` the states the retention sweep deletes."""

    def __init__(self, model: type[J], queued: str, finished: Iterable[str]) -> None:
        self._model = model
        self.queued = queued
        self.finished = tuple(finished)
        # What the last claim's probe saw when nothing was due: (when the next job is due,
        # None for an empty queue). `measure` and `next_due` of the same round reuse it.
        self._probed: tuple[datetime | None] | None = None

    async def claim(self, now: datetime, batch: int, lease_seconds: float) -> list[J]:
        """Lease up to `batch` due jobs. First one plain statement asks when the next job is due:
        idle (nearly always), no transaction and no locking read."""
        self._probed = None
        upcoming = await self._next_due()
        if upcoming is None or upcoming > now:
            self._probed = (upcoming,)
            return []
        lease_until = now + timedelta(seconds=lease_seconds)
        async with unit_of_work() as uow:
            conn = uow.connection
            jobs = await (self._model.filter(state=self.queued, next_attempt_at__lte=now)
                          .order_by("next_attempt_at", "id").limit(batch)
                          .select_for_update(skip_locked=True).using_db(conn))
            if jobs:
                await self._model.filter(id__in=[job.pk for job in jobs]).using_db(conn).update(
                    attempts=F("attempts") + 1, next_attempt_at=lease_until)
        for job in jobs:
            _leased(job).attempts += 1
        return list(jobs)

    async def finish(self, job: J, **changes: Any) -> bool:
        """Write the job's outcome if our lease still holds (nobody claimed it since)."""
        return bool(await self._model.filter(id=job.pk, attempts=_leased(job).attempts).update(**changes))

    async def extend(self, jobs: Iterable[J], lease_seconds: float) -> None:
        """Move the lease of jobs still ours and still queued ahead (a send that takes long)."""
        until = datetime.now(UTC) + timedelta(seconds=lease_seconds)
        for job in jobs:
            await self._model.filter(id=job.pk, attempts=_leased(job).attempts, state=self.queued).update(
                next_attempt_at=until)

    async def sweep(self, retention_seconds: float, batch: int) -> int:
        """Delete finished jobs older than the retention; returns how many."""
        cutoff = datetime.now(UTC) - timedelta(seconds=retention_seconds)
        total = 0
        while True:
            ids = await (self._model.filter(state__in=self.finished, created_at__lt=cutoff).limit(batch)
                         .values_list("id", flat=True))
            if not ids:
                return total
            total += await self._model.filter(id__in=ids).delete()

    async def measure(self, now: datetime, depth: Gauge, lag: Gauge, waiting_since: str, **filters: Any) -> None:
        """Set `depth` to the queued jobs matching `filters`, and `lag` to how long the oldest of
        them has waited (by its `waiting_since` column)."""
        if self._probed is not None and self._probed[0] is None:  # the claim just found the queue empty
            depth.set(0)
            lag.set(0.0)
            return
        queued = self._model.filter(state=self.queued, **filters)
        depth.set(await queued.count())
        oldest = await queued.order_by(waiting_since).limit(1).values_list(waiting_since, flat=True)
        lag.set(max((now - cast(datetime, oldest[0])).total_seconds(), 0.0) if oldest else 0.0)

    async def next_due(self) -> datetime | None:
        """When the next queued job is due (a retry's backoff, a lease, quiet hours)."""
        if self._probed is not None:  # the claim of this round asked just now
            return self._probed[0]
        return await self._next_due()

    def end_round(self) -> None:
        """The worker's round is over: later calls ask the database again."""
        self._probed = None

    async def _next_due(self) -> datetime | None:
        upcoming = await (self._model.filter(state=self.queued).order_by("next_attempt_at").limit(1)
                          .values_list("next_attempt_at", flat=True))
        return cast(datetime, upcoming[0]) if upcoming else None


class QueueWorker(ABC, Generic[J]):
    """The loop of one delivery worker: `run_once` claims and delivers a batch; `idle` refreshes
    the gauges and says how long to sleep when the batch was not full."""

    def __init__(self, name: str, table: JobTable[J], config: QueueConfig, sender: Lifecycle) -> None:
        self.name = name  # push_worker: the task push-worker, the log event push_worker_round_failed
        self.table = table
        self.config = config
        self._lifecycle = sender
        self._wake = asyncio.Event()
        self.last_round_at: datetime | None = None  # the watchdog's sign of life (app/jobs.py)

    def wake(self) -> None:
        self._wake.set()

    def context(self) -> Callable[[Any], AsyncIterator[None]]:
        """aiohttp cleanup context: start the sender and the loop; stop both on shutdown."""

        async def run(_app: Any) -> AsyncIterator[None]:
            await self._lifecycle.start()
            task = asyncio.create_task(self.run_forever(), name=self.name.replace("_", "-"))
            try:
                yield
            finally:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
                await self._lifecycle.close()

        return run

    async def run_forever(self) -> None:
        while True:
            try:
                claimed = await self.run_once()
                self.last_round_at = datetime.now(UTC)
                if claimed >= self.config.claim_batch:
                    continue  # more are due: no sleep
                delay = await self.idle()
            except asyncio.CancelledError:
                raise
            except Exception:  # the database may be away for a moment: try again at the next poll
                log.exception(f"{self.name}_round_failed")
                delay = self.config.poll_interval
            finally:
                self.table.end_round()
            await wait_event(self._wake, delay)
            self._wake.clear()

    @abstractmethod
    async def run_once(self) -> int:
        """Claim one batch of due jobs and deliver it; returns how many were claimed."""

    @abstractmethod
    async def idle(self) -> float:
        """Refresh the queue's gauges; the seconds to sleep (at most the poll interval)."""

    async def _claim(self, now: datetime) -> list[J]:
        return await self.table.claim(now, self.config.claim_batch, self.config.lease_seconds)

    async def _finish(self, job: J, **changes: Any) -> bool:
        return await self.table.finish(job, **changes)

    async def sweep(self, batch: int = 5000) -> int:
        """Delete finished jobs older than the retention; returns how many."""
        return await self.table.sweep(self.config.retention_seconds, batch)
