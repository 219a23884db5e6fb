"""The email delivery worker: claims due jobs, sends each to its user's current address, records
what happened (docs/email.md).

- Claim, lease, retry, retention and the loop: push/job_queue.py (shared with the push worker).
- Before sending: an erased or missing account, or an address on the suppression list
  (domain/notifications/email.py), drops the job.
- Outcomes: sent; bounced (a 5xx to the address) → the address is suppressed and the job failed,
  and so is every later email to it; rejected → failed; retry → full-jitter exponential backoff
  until attempts or age run out (then failed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import structlog
from opentelemetry.trace import SpanKind
from prometheus_client import Counter, Gauge

from domain.accounts.models import User, UserStatus
from domain.notifications.email import suppress, suppression_of
from domain.notifications.models import SuppressionReason
from domain.shared import tracing
from domain.shared.sealing import Pseudonyms
from push.email_models import EmailJob, EmailState
from push.email_sender import EmailMessage, EmailOutcome, EmailSender
from push.job_queue import JobTable, QueueConfig, QueueWorker

log = structlog.get_logger(__name__)

EMAIL_SENT = Counter("fieldsync_email_sent_total", "Emails the SMTP server accepted", ["kind"])
EMAIL_FAILED = Counter("fieldsync_email_failed_total", "Email attempts that failed, by outcome (retried or not)",
                       ["outcome"])  # bounced, rejected, retry, exhausted
EMAIL_DROPPED = Counter("fieldsync_email_dropped_total", "Emails not sent on purpose", ["reason"])
EMAIL_QUEUE_DEPTH = Gauge("fieldsync_email_queue_depth", "Queued emails (due or in retry backoff)")
EMAIL_QUEUE_LAG = Gauge("fieldsync_email_queue_lag_seconds", "How long the oldest queued email has been waiting")
FINISHED = (EmailState.SENT, EmailState.FAILED, EmailState.DROPPED)


@dataclass(frozen=True)
class EmailWorkerConfig(QueueConfig):
    claim_batch: int = 50
    max_attempts: int = 8
    max_age_seconds: float = 2 * 86400.0
    backoff_base: float = 30.0
    backoff_max: float = 3600.0


class EmailWorker(QueueWorker[EmailJob]):
    """Its retention sweep (`sweep`) is a periodic job, and the watchdog reads `last_round_at` (app/jobs.py)."""

    def __init__(self, sender: EmailSender, config: EmailWorkerConfig, pseudonyms: Pseudonyms) -> None:
        super().__init__("email_worker", JobTable(EmailJob, EmailState.QUEUED, FINISHED), config, sender)
        self.sender = sender
        self._pseudonyms = pseudonyms

    async def run_once(self) -> int:
        jobs = await self._claim(datetime.now(UTC))
        for job in jobs:
            with tracing.span("email deliver", parent=job.traceparent, kind=SpanKind.PRODUCER,
                              attributes={"fieldsync.email.kind": job.kind}):
                await self._deliver(job)
        return len(jobs)

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
        return self.config.exhausted(job.attempts, job.created_at, now)

    async def idle(self) -> float:
        """Refresh depth and lag; then sleep a poll interval (or until woken)."""
        await self.table.measure(datetime.now(UTC), EMAIL_QUEUE_DEPTH, EMAIL_QUEUE_LAG, "created_at")
        return self.config.poll_interval
