"""`fieldsync check-config`: reach every service the settings configure, without serving.

One check per service, each bounded by a short timeout, each answering "ok" with what it saw or
the reason it failed in words an operator can act on. Only what the settings configure is
checked: no REDIS_URL, no Redis check."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import asyncpg
from aiokafka.admin import AIOKafkaAdminClient

from app.lifecycle import make_redis
from app.media_wiring import make_store
from app.migrate_lock import connect_arguments
from app.settings import Settings
from app.vacuum import VACUUM_STATE, vacuum_problem
from infra.media_s3 import S3Store


@dataclass(frozen=True)
class CheckResult:
    service: str
    ok: bool
    detail: str


Check = Callable[[Settings, float], Awaitable[str]]


async def run_checks(settings: Settings, timeout: float) -> list[CheckResult]:
    """Every configured service's check, concurrently; each fails alone."""
    checks = configured_checks(settings)
    results = await asyncio.gather(*(_bounded(name, check, settings, timeout) for name, check in checks.items()))
    return list(results)


def configured_checks(settings: Settings) -> dict[str, Check]:
    checks: dict[str, Check] = {"database": check_postgres if settings.is_postgres else check_sqlite}
    if settings.redis_url:
        checks["redis"] = check_redis
    if settings.kafka_bootstrap:
        checks["kafka"] = check_kafka
    if settings.media_storage == "s3":
        checks["s3"] = check_s3
    if settings.payment_gateway == "stripe":
        checks["stripe"] = check_stripe
    if settings.push_enabled and settings.push_sender == "fcm":
        checks["fcm"] = check_fcm
    return checks


async def _bounded(name: str, check: Check, settings: Settings, timeout: float) -> CheckResult:
    try:
        return CheckResult(name, True, await asyncio.wait_for(check(settings, timeout), timeout))
    except TimeoutError:
        return CheckResult(name, False, f"no answer within {timeout:g} s")
    except Exception as exc:  # any failure is this service's answer, reported, never raised
        return CheckResult(name, False, _reason(exc))


def _reason(exc: Exception) -> str:
    kind, text = type(exc).__name__, str(exc).strip()
    return text if text.startswith(kind) else f"{kind}: {text}" if text else kind


class DatabaseMisconfigured(Exception):
    """The database answers, but as configured it would degrade the app."""


async def check_postgres(settings: Settings, timeout: float) -> str:
    conn = await asyncpg.connect(**connect_arguments(settings.database_url), timeout=timeout)
    try:
        version = await conn.fetchval("SHOW server_version")
        problem = vacuum_problem(*await conn.fetchrow(VACUUM_STATE))
        if problem:
            raise DatabaseMisconfigured(problem)
        return f"PostgreSQL {version}, autovacuum on"
    finally:
        await conn.close()


async def check_sqlite(settings: Settings, timeout: float) -> str:
    return _sqlite_writable(settings.database_url.removeprefix("sqlite://").split("?", 1)[0])


def _sqlite_writable(path: str) -> str:
    if path in ("", ":memory:"):
        return "SQLite in memory"
    target = Path(path).resolve()
    # The file, or the nearest folder that exists (`fieldsync migrate` creates the rest).
    existing = next(candidate for candidate in (target, *target.parents) if candidate.exists())
    if not os.access(existing, os.W_OK):
        raise PermissionError(f"cannot create or write {path} (no write access to {existing})")
    return f"SQLite file {path}"


async def check_redis(settings: Settings, timeout: float) -> str:
    client = make_redis(settings)
    try:
        await client.ping()
        info = await client.info("server")
        return f"Redis {info.get('redis_version', '?')}"
    finally:
        await client.aclose()


async def check_kafka(settings: Settings, timeout: float) -> str:
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap, request_timeout_ms=int(timeout * 1000), **settings.kafka_security()
    )
    try:
        await admin.start()
        topics = await admin.list_topics()
        return f"{len(topics)} topics"
    finally:
        with contextlib.suppress(Exception):  # closing a client that never connected
            await admin.close()


async def check_s3(settings: Settings, timeout: float) -> str:
    store = make_store(settings)
    assert isinstance(store, S3Store)
    await store.open()
    try:
        await store.client.head_bucket(Bucket=store.config.bucket)
        return f"bucket {store.config.bucket} reachable"
    finally:
        await store.close()


async def check_stripe(settings: Settings, timeout: float) -> str:
    assert settings.stripe_secret_key is not None  # PAYMENT_GATEWAY=stripe requires it (settings)
    headers = {"Authorization": f"Bearer {settings.stripe_secret_key.get_secret_value()}"}
    async with (
        aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session,
        session.get(f"{settings.stripe_api_base}/v1/balance", headers=headers) as response,
    ):
        if response.status in (401, 403):
            raise PermissionError(f"{settings.stripe_api_base} refused STRIPE_SECRET_KEY (HTTP {response.status})")
        if response.status != 200:
            raise ConnectionError(f"{settings.stripe_api_base}/v1/balance answered HTTP {response.status}")
        return f"{settings.stripe_api_base} accepted the key"


async def check_fcm(settings: Settings, timeout: float) -> str:
    # Not contacted: FCM's only cheap call is a send. The key itself was validated with the settings.
    source = "FCM_CREDENTIALS_JSON" if settings.fcm_credentials_json else "FCM_CREDENTIALS_FILE"
    if source == "FCM_CREDENTIALS_FILE" and not (
        settings.fcm_credentials_file and os.access(settings.fcm_credentials_file, os.R_OK)
    ):
        raise FileNotFoundError(f"cannot read FCM_CREDENTIALS_FILE {settings.fcm_credentials_file!r}")
    return f"credentials from {source} (not contacted)"
