"""The push delivery worker: claims due jobs, sends them to every device of their user, records
what happened (docs/events.md "Push delivery").

- Claim, lease, retry, retention and the loop: push/job_queue.py (shared with the email worker).
  A job sent again after its lease ran out (at least once) is kept from showing twice by its
  collapse key; a slow send keeps its lease alive.
- Coalescing: a job whose user has a newer job with the same collapse key is superseded.
- Rate limit: at most `user_rate_per_minute` pushes per user; beyond it a collapsible job waits a
  window (and collapses into newer ones), others are dropped. Account and security notices pass.
- Outcomes per device: sent; dead token (unregistered / invalid) → the Device row is deleted at
  once; retryable (unavailable, quota, internal, network) → the job is retried for just those
  tokens after a full-jitter exponential backoff, until attempts or age run out (then failed).
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from opentelemetry.trace import SpanKind
from tortoise.functions import Count, Max

from domain.notifications.models import Device
from domain.shared import tracing
from push import metrics
from push.job_queue import JobTable, QueueConfig, QueueWorker
from push.models import PushJob, PushState
from push.sender import MAX_BATCH, Outcome, PushMessage, PushSender, SendResult

log = structlog.get_logger(__name__)

RATE_WINDOW = timedelta(minutes=1)
UNLIMITED_CATEGORIES = frozenset({"account_security"})
FINISHED = (PushState.SENT, PushState.FAILED, PushState.DROPPED)
CursorSource = Callable[[], Awaitable[str | None]]


@dataclass(frozen=True)
class WorkerConfig(QueueConfig):
    volatile_max_age_seconds: float = 300.0
    user_rate_per_minute: int = 12


@dataclass
class _Delivery:
    """What happened to one job in this round."""

    job: PushJob
    targets: list[dict[str, Any]] = field(default_factory=list)  # device rows: token, platform
    results: list[SendResult] = field(default_factory=list)


class PushWorker(QueueWorker[PushJob]):
    """Its retention sweep (`sweep`) is a periodic job (app/jobs.py)."""

    config: WorkerConfig

    def __init__(self, sender: PushSender, config: WorkerConfig, cursor: CursorSource) -> None:
        super().__init__("push_worker", JobTable(PushJob, PushState.QUEUED, FINISHED), config, sender)
        self.sender = sender
        self._cursor = cursor

    async def run_once(self) -> int:
        """Claim one batch of due jobs and deliver it; returns how many were claimed."""
        now = datetime.now(UTC)
        jobs = await self._claim(now)
        claimed = len(jobs)
        if not jobs:
            return 0
        jobs = await self._coalesce(jobs)
        jobs = await self._rate_limit(jobs, now)
        deliveries = await self._targets(jobs)
        await self._send(deliveries)
        for delivery in deliveries:
            # In the trace of the consumer that queued it (and so of the request behind that).
            with tracing.span("push deliver", parent=delivery.job.traceparent, kind=SpanKind.PRODUCER,
                              attributes={"fieldsync.push.kind": delivery.job.kind,
                                          "fieldsync.push.devices": len(delivery.targets)}):
                await self._record(delivery)
        log.info("push_round", claimed=claimed, jobs=len(deliveries),
                 messages=sum(len(delivery.targets) for delivery in deliveries))
        return claimed

    # -- coalescing and rate limits -----------------------------------------------------------
    async def _coalesce(self, jobs: list[PushJob]) -> list[PushJob]:
        keyed = [job for job in jobs if job.collapse_key]
        if not keyed:
            return jobs
        rows = await (PushJob.filter(user_id__in={job.user_id for job in keyed},
                                     collapse_key__in={job.collapse_key for job in keyed},
                                     state__in=[PushState.QUEUED, PushState.SENT])
                      .annotate(newest=Max("id")).group_by("user_id", "collapse_key")
                      .values("user_id", "collapse_key", "newest"))
        newest = {(str(row["user_id"]), row["collapse_key"]): row["newest"] for row in rows}
        kept = []
        for job in jobs:
            latest = newest.get((str(job.user_id), job.collapse_key)) if job.collapse_key else None
            if latest is not None and latest > job.id:
                metrics.PUSH_DROPPED.labels("superseded").inc()
                # Partly sent before (a retry for some devices): it did go out, to those.
                await self._finish(job, state=PushState.SENT if job.sent_at else PushState.DROPPED,
                                   retry_tokens=None, last_error="superseded by a newer push")
            else:
                kept.append(job)
        return kept

    async def _rate_limit(self, jobs: list[PushJob], now: datetime) -> list[PushJob]:
        limit = self.config.user_rate_per_minute
        limited = {job.user_id for job in jobs if job.category not in UNLIMITED_CATEGORIES}
        if not limited:
            return jobs
        rows = await (PushJob.filter(user_id__in=limited, sent_at__gte=now - RATE_WINDOW)
                      .annotate(n=Count("id")).group_by("user_id").values("user_id", "n"))
        allowance: dict[str, int] = defaultdict(lambda: limit)
        allowance.update({str(row["user_id"]): limit - row["n"] for row in rows})
        kept = []
        for job in jobs:
            user = str(job.user_id)
            if job.category in UNLIMITED_CATEGORIES:
                kept.append(job)
            elif allowance[user] > 0:
                allowance[user] -= 1
                kept.append(job)
            elif job.collapse_key:  # wait out the window; newer pushes of the key supersede it
                metrics.PUSH_RATE_LIMITED.labels("deferred").inc()
                await self._finish(job, next_attempt_at=now + RATE_WINDOW, attempts=job.attempts - 1,
                                   last_error="rate limited: deferred")
            else:
                metrics.PUSH_RATE_LIMITED.labels("dropped").inc()
                metrics.PUSH_DROPPED.labels("rate_limited").inc()
                await self._finish(job, state=PushState.DROPPED, last_error="rate limited")
        return kept

    # -- sending -----------------------------------------------------------------------------
    async def _targets(self, jobs: list[PushJob]) -> list[_Delivery]:
        devices: dict[str, list[dict[str, Any]]] = defaultdict(list)
        if jobs:
            for row in await Device.filter(user_id__in={job.user_id for job in jobs}).values(
                    "token", "platform", "user_id"):
                devices[str(row["user_id"])].append(row)
        deliveries = []
        for job in jobs:
            targets = devices.get(str(job.user_id), [])
            if job.retry_tokens is not None:
                owed = set(job.retry_tokens)
                targets = [device for device in targets if device["token"] in owed]
            deliveries.append(_Delivery(job, targets))
        return deliveries

    async def _send(self, deliveries: list[_Delivery]) -> None:
        pairs = [(delivery, device) for delivery in deliveries for device in delivery.targets]
        if not pairs:
            return
        cursor = await self._cursor()  # after the jobs' own commit: covers the rows behind them
        messages = [self._message(delivery.job, device, cursor) for delivery, device in pairs]
        # A slow FCM must not let the lease run out mid-send (another worker would send again).
        heartbeat = asyncio.create_task(self._keep_leased([delivery.job for delivery in deliveries]))
        try:
            for start in range(0, len(messages), MAX_BATCH):
                results = await self.sender.send(messages[start:start + MAX_BATCH])
                for (delivery, _device), result in zip(pairs[start:start + MAX_BATCH], results, strict=True):
                    delivery.results.append(result)
        finally:
            heartbeat.cancel()
            await asyncio.gather(heartbeat, return_exceptions=True)

    async def _keep_leased(self, jobs: list[PushJob]) -> None:
        while True:
            await asyncio.sleep(self.config.lease_seconds / 3)
            await self.table.extend(jobs, self.config.lease_seconds)

    @staticmethod
    def _message(job: PushJob, device: dict[str, Any], cursor: str | None) -> PushMessage:
        data = {key: str(value) for key, value in (job.data or {}).items()}
        data["kind"] = job.kind
        data.setdefault("entity_id", "")
        if job.notification_id is not None:
            data["notification_id"] = str(job.notification_id)
        if cursor is not None:
            data["cursor"] = cursor
        return PushMessage(token=device["token"], platform=str(device["platform"]), title=job.title,
                           body=job.body, data=data, collapse_key=job.collapse_key)

    # -- outcomes ----------------------------------------------------------------------------
    async def _record(self, delivery: _Delivery) -> None:
        job, now = delivery.job, datetime.now(UTC)
        sent = [r for r in delivery.results if r.outcome == Outcome.SENT]
        retry: list[str] = []
        errors: list[str] = []
        wait_at_least = 0.0
        for device, result in zip(delivery.targets, delivery.results, strict=True):
            if result.outcome == Outcome.SENT:
                continue
            metrics.PUSH_FAILED.labels(result.outcome.value).inc()
            errors.append(f"{result.outcome.value}: {result.detail}"[:300])
            if result.outcome.prunes_token:
                await self._prune(job, device["token"], result.outcome)
            elif result.outcome.retryable:
                retry.append(device["token"])
                wait_at_least = max(wait_at_least, min(result.retry_after or 0.0, self.config.backoff_max))
        metrics.PUSH_SENT.inc(len(sent))
        sent_at = job.sent_at or (now if sent else None)
        last_error = "; ".join(errors)[:2000] or None
        if retry and not self._exhausted(job, now):
            delay = max(self.config.backoff(job.attempts), wait_at_least)
            await self._finish(job, next_attempt_at=now + timedelta(seconds=delay), retry_tokens=retry,
                               sent_at=sent_at, last_error=last_error)
        elif sent_at is not None:
            await self._finish(job, state=PushState.SENT, sent_at=sent_at, retry_tokens=None, last_error=last_error)
        elif retry or any(r.outcome == Outcome.REJECTED for r in delivery.results):
            reason = "exhausted" if retry else "rejected"
            metrics.PUSH_JOBS_FAILED.labels(reason).inc()
            await self._finish(job, state=PushState.FAILED, last_error=last_error)
        else:  # no device, or every device's token was dead
            metrics.PUSH_DROPPED.labels("no_devices").inc()
            await self._finish(job, state=PushState.DROPPED, last_error=last_error or "no devices")

    def _exhausted(self, job: PushJob, now: datetime) -> bool:
        max_age = self.config.volatile_max_age_seconds if job.volatile else self.config.max_age_seconds
        return self.config.exhausted(job.attempts, job.not_before, now, max_age)

    async def _prune(self, job: PushJob, token: str, outcome: Outcome) -> None:
        # Only this user's row: the token may have moved to another account since it was read.
        deleted = await Device.filter(token=token, user_id=job.user_id).delete()
        if deleted:
            metrics.PUSH_TOKENS_PRUNED.labels(outcome.value).inc()
            log.info("push_token_pruned", user_id=str(job.user_id), reason=outcome.value)

    # -- gauges and sleeping -----------------------------------------------------------------
    async def idle(self) -> float:
        """Refresh depth and lag; seconds until the next job is due (at most the poll interval)."""
        now = datetime.now(UTC)
        # Waiting to be delivered: past its not_before (quiet hours), whether due now or in backoff,
        # so an FCM outage shows as a growing lag.
        await self.table.measure(now, metrics.PUSH_QUEUE_DEPTH, metrics.PUSH_QUEUE_LAG, "not_before",
                                 not_before__lte=now)
        upcoming = await self.table.next_due()
        if upcoming is None:
            return self.config.poll_interval
        return min(max((upcoming - now).total_seconds(), 0.0), self.config.poll_interval)
