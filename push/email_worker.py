"""The email delivery worker: claims due jobs, sends each to its user's current address, records
what happened (docs/email.md).

- Claim: due queued jobs, `FOR UPDATE SKIP LOCKED`, leased by moving `next_attempt_at` ahead and
  counting the attempt, in one short transaction; sends happen outside any transaction, and an
  outcome is written only while the lease is still ours (`attempts` unchanged). A worker that
  dies mid-send leaves the job to be sent again after the lease (at least once).
- Before sending: an erased or missing account, or an address on the suppression list
  (domain/notifications/email.py), drops the job.
- Outcomes: sent; bounced (a 5xx to the address) → the address is suppressed and the job failed,
  and so is every later email to it; rejected → failed; retry → full-jitter exponential backoff
  until attempts or age run out (then failed).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import structlog
from opentelemetry.trace import SpanKind
from prometheus_client import Counter, Gauge
from tortoise.expressions import F

from domain.accounts.models import User, UserStatus
from domain.notifications.email import suppress, suppression_of
from domain.notifications.models import SuppressionReason
from domain.shared import tracing
from domain.shared.sealing import Pseudonyms
from domain.shared.uow import unit_of_work
from infra.aio import wait_event
from push.email_models import EmailJob, EmailState
from push.email_sender import EmailMessage, EmailOutcome, EmailSender

log = structlog.get_logger(__name__)

EMAIL_SENT = Counter("fieldsync_email_sent_total", "Emails the SMTP server accepted", ["kind"])
EMAIL_FAILED = Counter("fieldsync_email_failed_total", "Email attempts that failed, by outcome (retried or not)",
                       ["outcome"])  # bounced, rejected, retry, exhausted
EMAIL_DROPPED = Counter("fieldsync_email_dropped_total", "Emails not sent on purpose", ["reason"])
EMAIL_QUEUE_DEPTH = Gauge("fieldsync_email_queue_depth", "Queued emails (due or in retry backoff)")
EMAIL_QUEUE_LAG = Gauge("fieldsync_email_queue_lag_seconds", "How long the oldest queued email has been waiting")
FINISHED = (EmailState.SENT, EmailState.FAILED, EmailState.DROPPED)


@dataclass(frozen=True)
class EmailWorkerConfig:
    poll_interval: float = 1.0
    claim_batch: int = 50
    lease_seconds: float = 120.0
    max_attempts: int = 8
    max_age_seconds: float = 2 * 86400.0
    backoff_base: float = 30.0
    backoff_max: float = 3600.0
    retention_seconds: float = 7 * 86400.0

    def backoff(self, attempts: int) -> float:
        return random.uniform(0, min(self.backoff_max, self.backoff_base * 2 ** max(attempts - 1, 0)))


class EmailWorker:
    def __init__(self, sender: EmailSender, config: EmailWorkerConfig, pseudonyms: Pseudonyms) -> None:
        self.sender = sender
        self.config = config
        self._pseudonyms = pseudonyms
        self._wake = asyncio.Event()
        self.last_round_at: datetime | None = None  # the watchdog's sign of life (app/jobs.py)

    def wake(self) -> None:
        self._wake.set()

    def context(self) -> Callable[[Any], AsyncIterator[None]]:
        async def run(_app: Any) -> AsyncIterator[None]:
            await self.sender.start()
            task = asyncio.create_task(self.run_forever(), name="email-worker")
            try:
                yield
            finally:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
                await self.sender.close()

        return run

    async def run_forever(self) -> None:
        while True:
            try:
                claimed = await self.run_once()
                self.last_round_at = datetime.now(UTC)
                if claimed >= self.config.claim_batch:
                    continue
                await self._gauges()
            except asyncio.CancelledError:
                raise
            except Exception:  # the database may be away for a moment: try again at the next poll
                log.exception("email_worker_round_failed")
            await wait_event(self._wake, self.config.poll_interval)
            self._wake.clear()

    async def run_once(self) -> int:
        jobs = await self._claim(datetime.now(UTC))
        for job in jobs:
            with tracing.span("email deliver", parent=job.traceparent, kind=SpanKind.PRODUCER,
                              attributes={"fieldsync.email.kind": job.kind}):
                await self._deliver(job)
        return len(jobs)

    async def _claim(self, now: datetime) -> list[EmailJob]:
        lease_until = now + timedelta(seconds=self.config.lease_seconds)
        async with unit_of_work() as uow:
            conn = uow.connection
            jobs = await (EmailJob.filter(state=EmailState.QUEUED, next_attempt_at__lte=now)
                          .order_by("next_attempt_at", "id").limit(self.config.claim_batch)
                          .select_for_update(skip_locked=True).using_db(conn))
            if jobs:
                await EmailJob.filter(id__in=[job.id for job in jobs]).using_db(conn).update(
                    attempts=F("attempts") + 1, next_attempt_at=lease_until)
        for job in jobs:
            job.attempts += 1
        return list(jobs)

    async def _finish(self, job: EmailJob, **changes: Any) -> bool:
        """Write the outcome if our lease still holds (nobody claimed the job since)."""
        return bool(await EmailJob.filter(id=job.id, attempts=job.attempts).update(**changes))

    async def _deliver(self, job: EmailJob) -> None:
        user = await User.get_or_none(id=job.user_id)
        if user is None or user.status is UserStatus.ERASED or not user.email:
            EMAIL_DROPPED.labels("no_address").inc()
            await self._finish(job, state=EmailState.DROPPED, last_error="no address")
            return
        index = user.email_index or self._pseudonyms.email_index(user.email)
        if await suppression_of(index) is not None:
            EMAIL_DROPPED.labels("suppressed").inc()
            await self._finish(job, state=EmailState.DROPPED, last_error="address suppressed")
            return
        result = await self.sender.send(EmailMessage(to=user.email, subject=job.subject, text=job.text_body,
                                                     html=job.html_body, language=job.language))
        now = datetime.now(UTC)
        if result.outcome is EmailOutcome.SENT:
            EMAIL_SENT.labels(job.kind).inc()
            await self._finish(job, state=EmailState.SENT, sent_at=now, last_error=None)
            return
        EMAIL_FAILED.labels(result.outcome.value).inc()
        if result.outcome is EmailOutcome.BOUNCED:  # a hard bounce at send time: never again to it
            await suppress(index, SuppressionReason.HARD_BOUNCE, "smtp")
            log.info("email_bounced", user_id=str(job.user_id), kind=job.kind)
            await self._finish(job, state=EmailState.FAILED, last_error=result.detail)
        elif result.outcome is EmailOutcome.RETRY and not self._exhausted(job, now):
            await self._finish(job, next_attempt_at=now + timedelta(seconds=self.config.backoff(job.attempts)),
                               last_error=result.detail)
        else:
            if result.outcome is EmailOutcome.RETRY:
                EMAIL_FAILED.labels("exhausted").inc()
            await self._finish(job, state=EmailState.FAILED, last_error=result.detail)

    def _exhausted(self, job: EmailJob, now: datetime) -> bool:
        return job.attempts >= self.config.max_attempts or (
            now - job.created_at).total_seconds() > self.config.max_age_seconds

    async def sweep(self, batch: int = 5000) -> int:
        """Delete finished jobs older than the retention; returns how many."""
        cutoff = datetime.now(UTC) - timedelta(seconds=self.config.retention_seconds)
        total = 0
        while True:
            ids = await (EmailJob.filter(state__in=FINISHED, created_at__lt=cutoff).limit(batch)
                         .values_list("id", flat=True))
            if not ids:
                return total
            total += await EmailJob.filter(id__in=ids).delete()

    async def _gauges(self) -> None:
        now = datetime.now(UTC)
        queued = EmailJob.filter(state=EmailState.QUEUED)
        EMAIL_QUEUE_DEPTH.set(await queued.count())
        oldest = await queued.order_by("created_at").limit(1).values_list("created_at", flat=True)
        EMAIL_QUEUE_LAG.set(max((now - cast(datetime, oldest[0])).total_seconds(), 0.0) if oldest else 0.0)
