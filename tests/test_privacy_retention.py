"""The retention purge (domain/privacy/retention.py) on the real database: the dry run lists
exactly the rows the real run then deletes, with rows on both sides of every cutoff; the phones
hear about purged notifications through ordinary sync deletes; the CLI prints the rows; the
metrics exist. tests/test_privacy_retention_sqlite.py runs the same flows on the demo's SQLite."""

from __future__ import annotations

import asyncio
import subprocess
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient
from prometheus_client import REGISTRY as METRICS
from tortoise import connections

from app.jobs import periodic_jobs
from domain.accounts.models import RefreshToken
from domain.feed.models import FeedItem
from domain.finance.gateway.models import GatewayEventRecord, InboxState
from domain.notifications.models import Notification
from domain.privacy import retention
from domain.privacy.declarations import REGISTRY
from domain.shared.clock import utcnow
from domain.shared.inbox import ProcessedEvent
from domain.shared.outbox import OutboxEvent
from tests.support.identity import Account, register
from tests.support.notifications import notify
from tests.support.sync import flush, pull
from tests.support.waiting import wait_until
from tests.test_cli_ops import COMMAND, cli_env

HOUR = timedelta(hours=1)


def _cutoff(table: str, now: datetime) -> datetime:
    found = REGISTRY.table(table)
    assert found is not None and found.retention is not None
    return now - timedelta(days=found.retention.days)


async def _rows_on_both_sides(ana: Account, now: datetime) -> dict[str, set[str]]:
    """Two rows per purged table: one an hour past its cutoff (doomed), one an hour inside it;
    plus rows the rule's `where` spares although old. Returns the doomed keys per table."""
    doomed: dict[str, set[str]] = {t.name: set() for t in REGISTRY.purged()}
    tokens = await RefreshToken.filter(user_id=ana.id).values_list("id", flat=True)
    assert tokens, "registering logs in: one refresh token"
    old_token = await RefreshToken.create(user_id=ana.id, family_id=uuid.uuid4(), token_hash=uuid.uuid4().hex,
                                          expires_at=_cutoff("refresh_token", now) - HOUR, spent_at=now - 40 * HOUR,
                                          ip="203.0.113.7", user_agent="old phone")
    await RefreshToken.create(user_id=ana.id, family_id=uuid.uuid4(), token_hash=uuid.uuid4().hex,
                              expires_at=_cutoff("refresh_token", now) + HOUR, ip="203.0.113.8", user_agent="new")
    doomed["refresh_token"].add(str(old_token.id))

    for age, published in ((-HOUR, True), (HOUR, True)):
        row = await OutboxEvent.create(event_id=uuid.uuid4(), stream="test", type="retention.probe", key=ana.id,
                                       body={"who": ana.id}, published_at=_cutoff("outbox", now) + age)
        if age < timedelta(0) and published:
            doomed["outbox"].add(str(row.id))

    for age in (-HOUR, HOUR):
        row = await ProcessedEvent.create(consumer="retention-probe", event_id=uuid.uuid4())
        await ProcessedEvent.filter(id=row.id).update(processed_at=_cutoff("processed_event", now) + age)
        if age < timedelta(0):
            doomed["processed_event"].add(str(row.id))

    for age in (-HOUR, HOUR):
        row = await FeedItem.create(user_id=ana.id, event_id=uuid.uuid4(), kind="job.posted", entity_type="job",
                                    entity_id=uuid.uuid4(), summary={"title": "Fix the sink"}, rank=1,
                                    created_at=_cutoff("feed_item", now) + age)
        if age < timedelta(0):
            doomed["feed_item"].add(str(row.id))

    for age in (-HOUR, HOUR):
        nid = await notify(ana.id, title=f"aged {age}")
        await Notification.filter(id=nid).update(updated_at=_cutoff("notification", now) + age)
        if age < timedelta(0):
            doomed["notification"].add(nid)

    for age, state in ((-HOUR, InboxState.APPLIED), (HOUR, InboxState.APPLIED), (-HOUR, InboxState.FAILED)):
        row = await GatewayEventRecord.create(gateway="fake", event_id=uuid.uuid4().hex, type="charge.succeeded",
                                              object_id="ch_1", occurred_at=now, payload={"email": ana.email},
                                              state=state, next_attempt_at=now)
        await GatewayEventRecord.filter(id=row.id).update(received_at=_cutoff("gateway_event", now) + age)
        if age < timedelta(0) and state is InboxState.APPLIED:  # a failed one waits for a person
            doomed["gateway_event"].add(str(row.id))
    return doomed


def _keys(report: retention.Report) -> dict[str, set[str]]:
    return {t.table: {str(i) for i in t.ids} for t in report.tables}


def _purged_count(table: str) -> float:
    return METRICS.get_sample_value("fieldsync_retention_purged_rows_total", {"table": table}) or 0.0


async def test_the_dry_run_lists_exactly_what_the_run_deletes(client: TestClient) -> None:
    ana = await register(client, "customer")
    await flush(client)
    now = utcnow()
    doomed = await _rows_on_both_sides(ana, now)
    before = {name: await _count(name) for name in doomed}
    counted = {name: _purged_count(name) for name in doomed}

    await flush(client)
    cursor = (await pull(client, ana, collections=["notifications"]))["cursor"]  # Ana's phone holds both

    dry = await retention.plan(now)
    assert _keys(dry) == doomed
    assert {name: await _count(name) for name in doomed} == before, "a dry run deletes nothing"
    lines = dry.lines()
    assert lines[0].endswith(f"would delete {sum(len(v) for v in doomed.values())} rows")
    for table, keys in doomed.items():
        assert f"{table}: {len(keys)} rows older than {_cutoff(table, now).isoformat()}" in lines
        assert all(f"  {table} id={key}" in lines for key in keys)

    real = await retention.purge(now, collect=True, batch=1)  # batches of one: the loop, not one statement
    assert _keys(real) == _keys(dry)
    for name, keys in doomed.items():
        assert await _count(name) == before[name] - len(keys), name
        assert _purged_count(name) - counted[name] == len(keys)
    last_run = METRICS.get_sample_value("fieldsync_retention_last_run_timestamp_seconds")
    assert last_run is not None and abs(last_run - utcnow().timestamp()) < 60
    assert _keys(await retention.plan(now)) == {name: set() for name in doomed}, "nothing left to purge"

    # The purged notification leaves Ana's phone through an ordinary sync delete; the young one stays.
    await flush(client)
    changes = (await pull(client, ana, cursor, collections=["notifications"]))["changes"]
    assert {c["id"] for c in changes if c["op"] == "delete"} == doomed["notification"]
    changes = (await pull(client, ana, collections=["notifications"]))["changes"]
    assert {c["data"]["title"] for c in changes if c["op"] == "upsert"} == {f"aged {HOUR}"}


def test_the_purge_job_is_in_the_table_of_background_jobs(settings_factory: Any) -> None:
    jobs = {job.name: job for job in periodic_jobs(settings_factory(), None, None)}  # type: ignore[arg-type]
    assert jobs["retention_purge"].interval_seconds == 86400.0 and jobs["retention_purge"].at_start


async def _count(table: str) -> int:
    rows: Any = await connections.get("default").execute_query_dict(f"SELECT count(*) AS n FROM {table}")
    return int(rows[0]["n"])


async def test_the_cli_prints_the_rows_then_deletes_them(make_client: Any, database_url: str,
                                                         tmp_path: Path) -> None:
    started = time.time()
    client = await make_client(jobs_start_delay_seconds=0)  # the suite delays start-up runs; not here
    # The app's own purge runs at start-up: let it finish first, or it could take the stale row.
    await wait_until(lambda: retention.LAST_RUN._value.get() >= started, what="the start-up purge")
    ana = await register(client, "customer")
    old = utcnow() - timedelta(days=40)
    stale = await OutboxEvent.create(event_id=uuid.uuid4(), stream="test", type="retention.probe", key=ana.id,
                                     body={}, published_at=old)
    fresh = await OutboxEvent.create(event_id=uuid.uuid4(), stream="test", type="retention.probe", key=ana.id,
                                     body={}, published_at=utcnow())
    env = cli_env(tmp_path, DATABASE_URL=database_url, LOG_LEVEL="WARNING")

    def run(*args: str) -> list[str]:
        done = subprocess.run([*COMMAND, "retention", *args], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    dry = await asyncio.to_thread(run, "--dry-run")
    assert "outbox: 1 rows older than" in " ".join(dry) and f"  outbox id={stale.id}" in dry
    assert await OutboxEvent.filter(id=stale.id).exists()
    real = await asyncio.to_thread(run)
    assert f"  outbox id={stale.id}" in real and real[0].startswith("retention run as of")
    assert not await OutboxEvent.filter(id=stale.id).exists() and await OutboxEvent.filter(id=fresh.id).exists()
