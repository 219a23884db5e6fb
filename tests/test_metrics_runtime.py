"""The operational metrics of issue 17 move with what they measure, on the real services:
the build, the event loop blocked, pooled connections checked out and waited for, Redis
pub/sub listeners reconnecting, sync pulls, 410s and compaction, and the money gauges."""

from __future__ import annotations

import asyncio
import gc
import subprocess
import time
from datetime import timedelta
from uuid import uuid4

import redis.asyncio as aioredis
from prometheus_client import REGISTRY
from tortoise.connection import connections

from app.build_info import commit
from domain.finance import metrics as finance_metrics
from domain.finance.gateway.models import GatewayEventRecord, InboxState
from domain.finance.operations.models import FinanceOperation, OpKind
from domain.finance.reconciliation.models import ReconciliationRun
from domain.shared.clock import utcnow
from sync.compaction import compact
from tests.support.identity import register
from tests.support.metrics import samples, scrape, value
from tests.support.sync import flush, pull, sync_head, sync_of
from tests.support.waiting import wait_for_value, wait_until


async def test_build_info_names_version_and_commit_and_no_created_series(client):
    text = await scrape(client)
    found = samples(text)
    build = [dict(labels) for (name, labels), v in found.items() if name == "fieldsync_build_info" and v == 1.0]
    assert len(build) == 1
    assert build[0]["version"] == "0.1.0"
    # Run from this checkout: the commit git reports (the image passes FIELDSYNC_COMMIT instead).
    head = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()  # noqa: ASYNC221
    assert build[0]["commit"] == head
    assert "_created" not in text


def test_the_commit_comes_from_the_environment_first_and_is_unknown_without_a_checkout(tmp_path):
    assert commit({"FIELDSYNC_COMMIT": "abc123"}) == "abc123"
    assert commit({}, checkout=tmp_path) == "unknown"


async def test_event_loop_lag_shows_a_blocked_loop(client):
    def slow_samples(text: str) -> float:
        found = samples(text)
        total = found[("fieldsync_event_loop_lag_seconds_count", frozenset())]
        return total - found[("fieldsync_event_loop_lag_seconds_bucket", frozenset({("le", "0.25")}))]

    await wait_for_value(
        lambda: value(client, "fieldsync_event_loop_lag_seconds_count"), lambda v: bool(v), 5, "the first lag sample"
    )
    before = slow_samples(await scrape(client))
    time.sleep(1.0)  # noqa: ASYNC251 - the point: block the loop the app runs on
    # A sample after the block finds its timer at least 0.5 s late (it wakes every 0.5 s).
    worst = await wait_for_value(
        lambda: value(client, "fieldsync_event_loop_lag_max_seconds"),
        lambda v: v is not None and v >= 0.45,
        5,
        "the lag gauge to show the block",
    )
    assert worst < 5
    assert slow_samples(await scrape(client)) >= before + 1


async def test_pool_gauges_show_connections_checked_out_and_callers_waiting(make_client):
    # The gauges sum every pool of this process: an earlier test's app in the same worker may
    # still hold one, so the figures are read relative to what was there before this app.
    gc.collect()
    base_max = REGISTRY.get_sample_value("fieldsync_db_pool_max") or 0
    base_in_use = REGISTRY.get_sample_value("fieldsync_db_pool_in_use") or 0
    client = await make_client(db_pool_min=1, db_pool_max=3, db_acquire_timeout_seconds=10)
    db = connections.get("default")
    assert await value(client, "fieldsync_db_pool_max") == base_max + 3
    held: list[object] = []
    release = asyncio.Event()

    async def hold() -> None:
        async with db.acquire_connection() as conn:
            held.append(conn)
            await release.wait()

    holders = [asyncio.create_task(hold()) for _ in range(3)]
    await wait_until(lambda: len(held) == 3, 10, "three connections checked out")
    assert await value(client, "fieldsync_db_pool_in_use") >= base_in_use + 3
    waiter = asyncio.create_task(hold())  # the pool is exhausted: this one waits
    await wait_for_value(
        lambda: value(client, "fieldsync_db_pool_waiters"), lambda v: v is not None and v >= 1, 5, "a waiter"
    )
    release.set()
    await asyncio.gather(*holders, waiter)
    assert len(held) == 4
    await wait_for_value(lambda: value(client, "fieldsync_db_pool_waiters"), lambda v: v == 0, 10, "no waiters")
    await wait_for_value(
        lambda: value(client, "fieldsync_db_pool_in_use"),
        lambda v: v is not None and v < base_in_use + 3,
        10,
        "connections back in the pool",
    )


async def test_pubsub_reconnects_are_counted(make_client, new_redis):
    server = new_redis()
    client = await make_client(redis_url=f"redis://127.0.0.1:{server.port}/0")

    async def reconnects(listener: str) -> float:
        return await value(client, "fieldsync_redis_pubsub_reconnects_total", listener=listener) or 0.0

    admin = aioredis.Redis(port=server.port)
    try:
        await wait_until(lambda: _pubsub_clients(admin, 2), 10, "both listeners subscribed")
        before = {name: await reconnects(name) for name in ("socketio", "revocations")}
        await admin.client_kill_filter(_type="pubsub")
        for name in ("socketio", "revocations"):
            await wait_for_value(
                lambda name=name: reconnects(name),
                lambda v, name=name: v >= before[name] + 1,
                15,
                f"the {name} listener's reconnect counted",
            )
    finally:
        await admin.aclose()


async def _pubsub_clients(admin: aioredis.Redis, at_least: int) -> bool:
    listed = await admin.client_list(_type="pubsub")
    return len(listed) >= at_least


async def test_sync_pulls_resyncs_and_compaction_are_counted(client):
    def by_mode(text: str, name: str, mode: str) -> float:
        return samples(text).get((name, frozenset({("mode", mode)})), 0.0)

    start = await scrape(client)
    who = await register(client)
    await flush(client)
    first = await pull(client, who)
    assert first["changes"], "a new user's own rows"
    second = await pull(client, who, first["cursor"])
    text = await scrape(client)
    assert (
        by_mode(text, "fieldsync_sync_pull_duration_seconds_count", "initial")
        == by_mode(start, "fieldsync_sync_pull_duration_seconds_count", "initial") + 1
    )
    assert (
        by_mode(text, "fieldsync_sync_pull_duration_seconds_count", "delta")
        == by_mode(start, "fieldsync_sync_pull_duration_seconds_count", "delta") + 1
    )
    assert by_mode(text, "fieldsync_sync_changes_served_total", "initial") == by_mode(
        start, "fieldsync_sync_changes_served_total", "initial"
    ) + len(first["changes"])
    ticks = ("fieldsync_sync_ticks_total", frozenset())
    assert samples(text)[ticks] > samples(start).get(ticks, 0.0)  # the registration's rows were ticked
    assert 0 <= samples(text)[("fieldsync_sync_ticker_lag_seconds", frozenset())] < 5  # the ticker runs

    await register(client)  # a change after the cursor, then a floor above it
    await flush(client)
    head = await sync_head(client)
    done = await compact(sync_of(client).dialect, head)
    assert done is not None
    resyncs = samples(await scrape(client)).get(("fieldsync_sync_resync_required_total", frozenset()), 0.0)
    await pull(client, who, second["cursor"], status=410)
    text = await scrape(client)
    assert samples(text)[("fieldsync_sync_resync_required_total", frozenset())] == resyncs + 1
    assert samples(text)[("fieldsync_sync_floor_tick", frozenset())] == head
    assert samples(text)[("fieldsync_sync_compactions_total", frozenset())] >= 1


async def test_money_gauges_count_pending_operations_webhooks_and_mismatches(make_client):
    # The workers run at start and then rarely: the rows below stay as written.
    client = await make_client(payment_operations_interval_seconds=3600)
    later = utcnow() + timedelta(hours=1)  # not due: no worker claims them
    for attempt in (1, 2):
        await FinanceOperation.create(
            case_id=uuid4(),
            op=OpKind.CAPTURE,
            params={},
            attempt=attempt,
            idempotency_key=f"fs:test:{uuid4()}",
            next_attempt_at=later,
        )
    for n, state in enumerate((InboxState.PENDING, InboxState.FAILED, InboxState.FAILED, InboxState.APPLIED)):
        await GatewayEventRecord.create(
            gateway="sandbox",
            event_id=f"evt_{n}",
            type="charge.updated",
            object_id="ch_1",
            occurred_at=utcnow(),
            payload={},
            state=state,
            next_attempt_at=later,
        )
    await ReconciliationRun.create(
        gateway="sandbox",
        window_start=utcnow(),
        window_end=utcnow(),
        trigger="daily",
        mismatches=[{"kind": "amount"}, {"kind": "amount"}, {"kind": "currency"}],
        events_not_received=[],
        clean=False,
    )
    await finance_metrics.refresh()  # what the finance_metrics job runs every 15 s
    text = samples(await scrape(client))
    assert text[("fieldsync_finance_operations_pending", frozenset())] == 2
    assert text[("fieldsync_finance_operations_overdue_seconds", frozenset())] == 0
    assert text[("fieldsync_finance_webhook_inbox", frozenset({("state", "pending")}))] == 1
    assert text[("fieldsync_finance_webhook_inbox", frozenset({("state", "failed")}))] == 2
    mismatches = "fieldsync_finance_reconciliation_open_mismatches"
    assert text[(mismatches, frozenset({("kind", "amount")}))] == 2
    assert text[(mismatches, frozenset({("kind", "currency")}))] == 1
    assert text[(mismatches, frozenset({("kind", "fee_not_booked")}))] == 0

    await FinanceOperation.all().update(next_attempt_at=utcnow() - timedelta(minutes=10))
    await finance_metrics.refresh()
    overdue = samples(await scrape(client))[("fieldsync_finance_operations_overdue_seconds", frozenset())]
    assert 590 <= overdue < 3600
