"""The status summary's composition (GET /v1/admin/status, domain/operations): a probe per
dependency (the readiness checks behind /readyz, then the media store, the push sender, the
payment gateway and the email sender), the backlogs of the push queue, the email queue and the sync
ticker on top of the domain's own, the instance registry (Redis, or this process alone), and the versions running."""

from __future__ import annotations

import os
import re
import secrets
import socket
from collections.abc import Sequence
from pathlib import Path

from tortoise.connection import connections

from app import build_info
from app.container import Container
from app.jobs import PeriodicJob
from app.migrate import MIGRATIONS_DIR
from app.service_checks import check_stripe
from app.settings import Settings
from domain.media.ports import ObjectStore
from domain.operations.backlogs import DOMAIN_BACKLOGS
from domain.operations.ports import (
    BacklogProbe,
    Check,
    DependencyProbe,
    InstanceRegistry,
    MemoryInstances,
    ScheduledJob,
    ThisProcess,
    cached,
)
from domain.operations.service import StatusPorts, StatusRules, StatusService
from domain.shared.clock import utcnow
from infra.instances import RedisInstances
from infra.media_s3 import S3Store
from infra.periodic import LIVENESS
from push.backlog import email_failed, email_queue, email_suppressed, push_queue
from push.smtp import SmtpSender
from rest.health import ReadinessCheck
from sync.backlog import ticker_backlog

# Each process announces itself this often; an announcement older than the TTL is a process gone.
HEARTBEAT_SECONDS = 15.0
INSTANCE_TTL_SECONDS = 3 * HEARTBEAT_SECONDS
PROBE_TIMEOUT_SECONDS = 1.0
# The SMTP probe opens a connection: at most one per this many seconds, whoever asks.
SMTP_PROBE_EVERY_SECONDS = 5.0
# An object key of the store's own shape (uploads are random UUIDs: the nil one is never taken).
PROBE_KEY = "objects/00000000-0000-0000-0000-000000000000"
MIGRATION_FILE = re.compile(r"^(\d+)_.+\.py$")


def make_status(settings: Settings, c: Container, readiness: Sequence[ReadinessCheck],
                jobs: Sequence[PeriodicJob]) -> StatusService:
    ports = StatusPorts(
        this_process=this_process(),
        instances=_registry(settings, c),
        dependencies=[*(_from_readiness(check) for check in readiness), *_edge_probes(settings, c)],
        backlogs=[*DOMAIN_BACKLOGS, BacklogProbe("push_queue", push_queue),
                  BacklogProbe("sync_ticker", ticker_backlog(c.sync.dialect)), *_email_backlogs(settings)],
        jobs=[*(ScheduledJob(job.name, job.interval_seconds) for job in jobs),
              ScheduledJob("instance_heartbeat", HEARTBEAT_SECONDS)],
        migration_applied=_migration_applied if settings.is_postgres else None,
        migration_shipped=shipped_migration(MIGRATIONS_DIR / "models"),
    )
    return StatusService(ports, StatusRules(probe_timeout=PROBE_TIMEOUT_SECONDS))


def heartbeat_job(status: StatusService) -> PeriodicJob:
    """Every process announces itself to the registry (and its jobs' last runs), at start too."""
    return PeriodicJob("instance_heartbeat", HEARTBEAT_SECONDS, status.heartbeat, at_start=True)


def this_process() -> ThisProcess:
    host, pid = socket.gethostname(), os.getpid()
    return ThisProcess(id=f"{host}-{pid}-{secrets.token_hex(3)}", version=build_info.version(),
                       commit=build_info.commit(), started_at=utcnow(), pid=pid, host=host,
                       job_runs=LIVENESS.last_successes)


def _registry(settings: Settings, c: Container) -> InstanceRegistry:
    if c.redis is None or c.redis_health is None:
        return MemoryInstances()
    return RedisInstances(c.redis, c.redis_health, settings.socket_redis_channel, INSTANCE_TTL_SECONDS)


def _from_readiness(readiness: ReadinessCheck) -> DependencyProbe:
    async def check() -> str | None:
        await readiness.check()
        return None

    return DependencyProbe(readiness.name, check)


def _edge_probes(settings: Settings, c: Container) -> list[DependencyProbe]:
    probes = [DependencyProbe("media_store", _store_check(c.media.store))]
    if settings.push_enabled:
        detail = ("FCM: not contacted (its only call is a send); see the push queue" if settings.push_sender == "fcm"
                  else "log sender: pushes are only logged")
        probes.append(DependencyProbe("push_sender", None, detail))
    probes.append(DependencyProbe("payment_gateway", _gateway_check(settings)))
    probes.append(_email_probe(settings, c))
    return probes


def _email_probe(settings: Settings, c: Container) -> DependencyProbe:
    """The email sender: SMTP asked (connect, EHLO, NOOP; cached a few seconds), the log sender
    and a switched-off email said as they are."""
    sender = c.email_worker.sender if c.email_worker is not None else None
    if sender is None:
        return DependencyProbe("email_sender", None, "email off (EMAIL_ENABLED=false): nothing is sent")
    if isinstance(sender, SmtpSender):
        smtp = sender

        async def probe() -> str:
            return await smtp.probe(timeout=PROBE_TIMEOUT_SECONDS * 0.8)  # fails by itself, so the failure is kept

        return DependencyProbe("email_sender", cached(probe, SMTP_PROBE_EVERY_SECONDS))
    if sender.name == "log":
        return DependencyProbe("email_sender", None, "log sender: emails are only logged, nothing is sent")
    return DependencyProbe("email_sender", None, f"{sender.name} sender: not contacted (see the email queue)")


def _email_backlogs(settings: Settings) -> list[BacklogProbe]:
    if not settings.email_enabled:
        return []
    return [BacklogProbe("email_queue", email_queue), BacklogProbe("email_failed", email_failed),
            BacklogProbe("email_suppressed", email_suppressed)]


def _store_check(store: ObjectStore) -> Check:
    where = f"S3 bucket {store.config.bucket}" if isinstance(store, S3Store) else "local disk"

    async def check() -> str:
        await store.read(PROBE_KEY, 1)  # a key no upload has: one round trip, nothing read
        return where

    return check


def _gateway_check(settings: Settings) -> Check:
    async def sandbox() -> str:
        return "sandbox (in process)"

    async def stripe() -> str:
        return await check_stripe(settings, PROBE_TIMEOUT_SECONDS)

    return stripe if settings.payment_gateway == "stripe" else sandbox


async def _migration_applied() -> str | None:
    rows = await connections.get("default").execute_query_dict(
        "SELECT version FROM aerich WHERE app = 'models' ORDER BY id DESC LIMIT 1")
    return str(rows[0]["version"]) if rows else None


def shipped_migration(folder: Path) -> str | None:
    numbered = [(int(m.group(1)), path.name) for path in folder.glob("*.py") if (m := MIGRATION_FILE.match(path.name))]
    return max(numbered)[1] if numbered else None
