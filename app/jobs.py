"""The one table of periodic background jobs. Every server process runs every job: each is
safe to overlap (compare-and-set, idempotent deletes, or an advisory lock decides), and a
failed run is logged and the schedule goes on (infra/periodic.py). Long-running loops (the
outbox relay, the sync ticker, the push worker) are lifecycles, not jobs: app/bootstrap.py."""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from aiohttp import web
from prometheus_client import Counter

from app.settings import Settings
from domain.accounts import invitations
from domain.bookings import services as bookings
from domain.disputes.service import DisputeService
from domain.feed import sequencer as feed_sequencer
from domain.finance.cases.services import PaymentCases
from domain.finance.ledger import chain as ledger_chain
from domain.finance.payouts.services import Payouts
from domain.finance.reconciliation.services import Reconciler
from domain.flags.services import FlagService
from domain.jobs import services as jobs
from domain.media import sweeps as media_sweeps
from domain.media.services import Media
from domain.notifications.devices import sweep_expired
from domain.privacy import retention
from domain.privacy.at_rest import AtRest
from domain.privacy.export_service import Exports
from domain.privacy.requests import PrivacyRequests
from domain.safety.decisions import Moderation
from domain.shared import idempotency
from domain.shared.alerts import Alert, OperatorAlerts
from domain.verification.timers import VerificationService
from infra.periodic import LIVENESS, Liveness, run_periodically
from push.email_worker import EmailWorker
from push.worker import PushWorker
from sync.compaction import compact_expired
from sync.dialect import SyncDialect

log = structlog.get_logger(__name__)
EXPIRED_IDEMPOTENCY_KEYS = Counter("fieldsync_idempotency_keys_expired_total",
                                   "Idempotency keys deleted 24 h after their first use")
AT_REST_REWRAPPED = Counter("fieldsync_at_rest_rewrapped_total",
                            "Sealed values moved to the active key-encryption key by the at-rest job")
AT_REST_BROKEN = Counter("fieldsync_at_rest_broken_total",
                         "Sealed values the at-rest job could not open (changed, moved or under an unknown key)")
EXPIRED_DEVICES = Counter("fieldsync_device_tokens_expired_total", "Device tokens removed for not being seen in time")

# Requested bookings, open jobs and crew invitations past their expiry are swept this often; a
# few seconds of lateness is invisible to people, and every replica may sweep.
EXPIRY_SWEEP_SECONDS = 5.0
# Idempotency keys older than 24 h are deleted this often (a late one is already ignored).
IDEMPOTENCY_SWEEP_SECONDS = 600.0
# Delivered and dead pushes older than PUSH_RETENTION_DAYS are deleted this often.
PUSH_RETENTION_SWEEP_SECONDS = 3600.0
# The retention purge (domain/privacy/retention.py: the registry's schedules) runs daily and at
# start-up; the FieldsyncRetentionPurgeStale alert fires when no replica finished one for 2 days.
RETENTION_PURGE_SECONDS = 86400.0
# Committed ledger entries are chained this often (domain/finance/ledger/chain.py: sealing after
# commit keeps writers from serializing on the chain); one replica seals, the others skip.
LEDGER_SEAL_SECONDS = 1.0
# Feed items committed but never numbered (their process died before publishing them, domain/
# feed/sequencer.py) are published this often; one replica moves them, the others skip.
FEED_PUBLISH_SECONDS = 1.0


@dataclass(frozen=True)
class PeriodicJob:
    name: str  # its task name and its `<name>_failed` log event
    interval_seconds: float
    run: Callable[[], Awaitable[Any]]
    at_start: bool = False  # run once at start-up too, not only after the first interval


def periodic_jobs(settings: Settings, sync_dialect: SyncDialect, push_worker: PushWorker | None,
                  payments: PaymentCases | None = None, reconciler: Reconciler | None = None,
                  payouts: Payouts | None = None, disputes: DisputeService | None = None,
                  moderation: Moderation | None = None,
                  verification: VerificationService | None = None,
                  privacy: PrivacyRequests | None = None) -> list[PeriodicJob]:
    table = [
        expiry_sweep(),
        PeriodicJob("device_sweep", settings.device_sweep_interval_seconds,
                    lambda: expire_device_tokens(settings.device_token_ttl_days), at_start=True),
        PeriodicJob("sync_compaction", settings.sync_compaction_interval_seconds,
                    lambda: compact_expired(sync_dialect, settings.sync_retention_days * 86400)),
        PeriodicJob("idempotency_sweep", IDEMPOTENCY_SWEEP_SECONDS, expire_idempotency_keys, at_start=True),
        PeriodicJob("ledger_seal", LEDGER_SEAL_SECONDS, ledger_chain.seal),
        PeriodicJob("feed_publish", FEED_PUBLISH_SECONDS, feed_sequencer.sweep, at_start=True),
        PeriodicJob("retention_purge", RETENTION_PURGE_SECONDS, retention.run_daily, at_start=True),
    ]
    if payments is not None:
        table.extend(payment_jobs(settings, payments))
    if reconciler is not None:  # the ledger against the gateway's balance transactions (a report, never a fix)
        table.append(PeriodicJob("finance_reconciliation", settings.reconciliation_interval_seconds,
                                 reconciler.run_daily))
    if payouts is not None:  # daily and weekly payouts (each keyed by its period: replicas make one)
        table.append(PeriodicJob("payout_schedule", settings.payment_timers_interval_seconds,
                                 payouts.run_scheduled, at_start=True))
    if disputes is not None:  # SLA deadlines and reminders: claimed FOR UPDATE SKIP LOCKED, once per deadline
        table.append(PeriodicJob("dispute_timers", settings.dispute_timers_interval_seconds, disputes.run_timers,
                                 at_start=True))
    if verification is not None:  # document expiry: reminders at 30/7/0 days, the lapse; once per due moment
        table.append(PeriodicJob("verification_timers", settings.verification_timers_interval_seconds,
                                 verification.run_timers, at_start=True))
    if moderation is not None:  # temporary suspensions end (each lifted once: a claim on the row)
        table.append(PeriodicJob("moderation_timers", settings.moderation_timers_interval_seconds,
                                 moderation.lift_due, at_start=True))
    if privacy is not None:  # erasures past their grace period: each claimed SKIP LOCKED, run once
        table.append(PeriodicJob("erasure_executor", settings.erasure_interval_seconds, privacy.run_due,
                                 at_start=True))
    if push_worker is not None:
        table.append(PeriodicJob("push_retention_sweep", PUSH_RETENTION_SWEEP_SECONDS, push_worker.sweep,
                                 at_start=True))
    return table


def flag_jobs(settings: Settings, flags: FlagService) -> list[PeriodicJob]:
    """Scheduled flag changes whose time came (each applied once: a compare-and-set on its
    state, so every replica may run it), also at start-up (a change that fell due while no
    process ran waits for nobody), and the cache's catch-up on missed broadcasts."""
    return [PeriodicJob("flag_schedules", settings.flags_schedule_interval_seconds, flags.apply_due,
                        at_start=True),
            PeriodicJob("flags_refresh", settings.flags_refresh_interval_seconds, flags.refresh)]


def media_jobs(settings: Settings, media: Media) -> list[PeriodicJob]:
    """Uploads never attached within MEDIA_ORPHAN_HOURS, and attached ones past their kind's
    retention, lose their bytes (domain/media/sweeps.py); every replica may sweep."""
    return [PeriodicJob("media_sweep", settings.media_sweep_interval_seconds, lambda: media_sweeps.sweep(media),
                        at_start=True)]


def export_jobs(settings: Settings, exports: Exports) -> list[PeriodicJob]:
    """Data-subject exports (domain/privacy/export_service.py): build the requested ones (each
    claimed by a compare-and-set, so replicas build each once), delete bundles past their time."""
    return [PeriodicJob("privacy_exports", settings.privacy_export_interval_seconds, exports.run_due, at_start=True)]
def at_rest_job(settings: Settings, at_rest: AtRest) -> PeriodicJob:
    """Protection at rest (domain/privacy/at_rest.py): values sealed under an older key are
    rewrapped under the active one in batches (compare-and-set: replicas may overlap), and the
    email blind index is filled for accounts older than it. Not at start-up: replicas rolling
    out together would all scan at once; the first run is one interval later."""

    async def run() -> None:
        progress = await at_rest.run()
        AT_REST_REWRAPPED.inc(progress.rewrapped)
        AT_REST_BROKEN.inc(len(progress.broken))

    return PeriodicJob("at_rest_rewrap", settings.at_rest_interval_seconds, run)


def email_jobs(settings: Settings, email_worker: EmailWorker | None, alerts: OperatorAlerts) -> list[PeriodicJob]:
    """Finished emails past EMAIL_RETENTION_DAYS are deleted; the watchdog looks for dead workers."""
    table = [PeriodicJob("worker_watchdog", settings.worker_watchdog_interval_seconds,
                         lambda: watch_workers(alerts, email_worker, settings.worker_watchdog_interval_seconds))]
    if email_worker is not None:
        table.append(PeriodicJob("email_retention_sweep", PUSH_RETENTION_SWEEP_SECONDS, email_worker.sweep,
                                 at_start=True))
    return table


async def watch_workers(alerts: OperatorAlerts, email_worker: EmailWorker | None, interval_seconds: float,
                        liveness: Liveness = LIVENESS) -> None:
    """An operator alert for each background job of this process that looks dead (failing run after
    run, hung, or not run for three intervals: infra/periodic.Liveness), and for an email worker
    whose loop stopped going round."""
    dead = liveness.dead()
    if email_worker is not None and email_worker.last_round_at is not None:
        idle = (datetime.now(UTC) - email_worker.last_round_at).total_seconds()
        if idle > 3 * max(email_worker.config.poll_interval, interval_seconds) + 120:
            dead["email_worker"] = f"no round for {int(idle)} s"
    for name, why in sorted(dead.items()):
        await alerts.raise_alert(Alert("worker_dead", f"{socket.gethostname()}:{os.getpid()}:{name}",
                                       f"Background worker {name} looks dead", f"{name} on this process: {why}.",
                                       fields={"worker": name, "host": socket.gethostname(),
                                               "pid": str(os.getpid())}))


def expiry_sweep(interval_seconds: float = EXPIRY_SWEEP_SECONDS) -> PeriodicJob:
    async def sweep() -> None:
        await bookings.expire_overdue()
        await jobs.expire_overdue()
        await invitations.expire_overdue()

    return PeriodicJob("expiry_sweep", interval_seconds, sweep)


def payment_jobs(settings: Settings, payments: PaymentCases) -> list[PeriodicJob]:
    """The operations worker (stored gateway calls; SKIP LOCKED lets every replica run it) and the
    payment timers (release after the window, void before the authorization lapses): each move
    is a compare-and-set, so replicas racing on one case move it once."""

    async def timers() -> None:
        await payments.expire_due()
        await payments.release_due()

    return [PeriodicJob("finance_operations", settings.payment_operations_interval_seconds, payments.run_operations,
                        at_start=True),
            PeriodicJob("payment_timers", settings.payment_timers_interval_seconds, timers, at_start=True)]


async def expire_device_tokens(ttl_days: float) -> None:
    removed = await sweep_expired(timedelta(days=ttl_days))
    if removed:
        EXPIRED_DEVICES.inc(removed)
        log.info("device_tokens_expired", count=removed)


async def expire_idempotency_keys() -> int:
    removed = await idempotency.sweep()
    if removed:
        EXPIRED_IDEMPOTENCY_KEYS.inc(removed)
        log.info("idempotency_keys_expired", count=removed)
    return removed


def jobs_context(table: list[PeriodicJob],
                 start_delay_seconds: float = 0.0) -> Callable[[web.Application], AsyncIterator[None]]:
    """One cleanup context running every job of the table for the app's lifetime (the ones run at
    start after `start_delay_seconds`, JOBS_START_DELAY_SECONDS)."""

    async def context(_app: web.Application) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(run_periodically(job.name, job.interval_seconds, job.run,
                                                      run_at_start=job.at_start,
                                                      start_delay_seconds=start_delay_seconds), name=job.name)
                 for job in table]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    return context
