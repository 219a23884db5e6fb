"""Operator alerts (issue 20): a reconciliation mismatch reaches a Slack incoming webhook (a fake
one served here, the real HTTP path) once, the same mismatch found again is deduplicated; a
background job that keeps failing is reported dead by the watchdog; an escalated dispute
decided by default at its deadline is told too."""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from app.jobs import watch_workers
from app.status_wiring import this_process
from domain.finance.cases.models import PaymentCase
from domain.shared.alerts import Alert, Deduplicated, LogAlerts, MemoryGate
from domain.shared.clock import utcnow
from domain.shared.money import Money
from infra.periodic import LIVENESS, Liveness, run_periodically
from tests.support import disputes as dispute_support
from tests.support.bookings import build_market, ok
from tests.support.finance_world import build_world, paid_booking, webhooks_settled
from tests.support.payments import FAST
from tests.support.waiting import wait_until


class FakeSlack:
    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.server: TestServer | None = None

    async def hook(self, request: web.Request) -> web.Response:
        self.received.append(await request.json())
        return web.Response(text="ok")

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/services/T000/B000/secret"))


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    app = web.Application()
    app.router.add_post("/services/T000/B000/secret", fake.hook)
    fake.server = TestServer(app, host="127.0.0.1")
    await fake.server.start_server()
    try:
        yield fake
    finally:
        await fake.server.close()


async def test_a_reconciliation_mismatch_reaches_slack_once(make_client: Callable[..., Any], slack: FakeSlack) -> None:
    w = await build_world(functools.partial(make_client, slack_webhook_url=slack.url))
    _booking, case_id = await paid_booking(w, "KWD", 12345)
    url = "/v1/admin/finance/reconciliations"
    clean = await ok(await w.client.post(url, headers=w.admin.headers, json={}), 201)
    assert clean["clean"] is True and slack.received == []

    # A refund made at the gateway whose webhook is lost: the ledger misses it.
    await wait_until(lambda: webhooks_settled(w), 10, "the payment's webhooks delivered and applied")
    case = await PaymentCase.get(id=case_id)
    assert case.payment_id is not None
    await w.sandbox.refund(case.payment_id, Money(2345, "KWD"), idempotency_key="dashboard-refund-alert")
    w.sandbox._webhooks._pending.pop()
    found = await ok(await w.client.post(url, headers=w.admin.headers, json={}), 201)
    assert found["clean"] is False
    await wait_until(lambda: len(slack.received) == 1, 10, "the Slack alert")
    [message] = slack.received
    assert "Money does not reconcile" in message["text"] and found["id"] in message["text"]
    assert any(block["type"] == "section" for block in message["blocks"])

    # The same mismatch on the next run: the same alert, not sent again within the window.
    again = await ok(await w.client.post(url, headers=w.admin.headers, json={}), 201)
    assert again["clean"] is False and again["id"] != found["id"]
    assert len(slack.received) == 1


async def test_the_watchdog_reports_a_job_that_keeps_failing_once_per_window() -> None:
    now = [0.0]
    liveness = Liveness(clock=lambda: now[0])
    liveness.started("finance_reconciliation", 60.0)
    liveness.started("ledger_seal", 1.0)
    for _ in range(3):
        liveness.running("finance_reconciliation")
        liveness.finished("finance_reconciliation", ok=False)
    liveness.running("ledger_seal")
    liveness.finished("ledger_seal", ok=True)
    assert set(liveness.dead()) == {"finance_reconciliation"}
    now[0] = 500.0  # the seal job's last success is 500 s old: three intervals and the grace are past
    assert set(liveness.dead()) == {"finance_reconciliation", "ledger_seal"}

    log = LogAlerts()
    alerts = Deduplicated(log, MemoryGate(clock=lambda: now[0]), 3600)
    await watch_workers(alerts, None, 60.0, liveness)
    await watch_workers(alerts, None, 60.0, liveness)  # the same dead jobs: deduplicated
    assert sorted(a.fields["worker"] for a in log.raised) == ["finance_reconciliation", "ledger_seal"]
    assert {a.kind for a in log.raised} == {"worker_dead"}


async def test_the_status_and_the_watchdog_read_one_record_of_job_runs() -> None:
    now, wall = [0.0], [utcnow()]
    liveness = Liveness(clock=lambda: now[0], wall_clock=lambda: wall[0])
    liveness.started("ledger_seal", 1.0)
    assert liveness.last_successes() == {}
    liveness.running("ledger_seal")
    liveness.finished("ledger_seal", ok=True)
    succeeded = wall[0]
    assert liveness.last_successes() == {"ledger_seal": succeeded}
    now[0], wall[0] = 500.0, succeeded + timedelta(seconds=500)
    liveness.running("ledger_seal")
    liveness.finished("ledger_seal", ok=False)  # a failed run is no success for either reader
    assert liveness.last_successes() == {"ledger_seal": succeeded}
    assert liveness.dead() == {"ledger_seal": "no successful run for 500 s"}

    # The real schedule: a run recorded once, read by the watchdog and by the heartbeat's job runs.
    ran = asyncio.Event()

    async def job() -> None:
        ran.set()

    before = utcnow()
    task = asyncio.create_task(run_periodically("probe_job_runs", 3600.0, job, run_at_start=True))
    try:
        await asyncio.wait_for(ran.wait(), 5)
        await wait_until(lambda: "probe_job_runs" in LIVENESS.last_successes(), 5, "the run recorded")
        assert this_process().job_runs()["probe_job_runs"] >= before
        assert LIVENESS.beats["probe_job_runs"].last_success_at is not None
        assert "probe_job_runs" not in LIVENESS.dead()
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        LIVENESS.beats.pop("probe_job_runs", None)  # the process-wide record: leave no job behind


async def test_deduplication_lets_a_new_key_through_and_the_same_key_after_its_window() -> None:
    now = [0.0]
    log = LogAlerts()
    alerts = Deduplicated(log, MemoryGate(clock=lambda: now[0]), 60)
    alert = Alert("dispute_overdue", "d1", "t", "x")
    await alerts.raise_alert(alert)
    await alerts.raise_alert(alert)
    await alerts.raise_alert(Alert("dispute_overdue", "d2", "t", "x"))
    now[0] = 61.0
    await alerts.raise_alert(alert)
    assert [a.key for a in log.raised] == ["d1", "d2", "d1"]


async def test_an_escalated_dispute_decided_by_default_is_told_to_slack(make_client: Callable[..., Any],
                                                                         slack: FakeSlack) -> None:
    client = await make_client(**FAST, dispute_timers_interval_seconds=3600.0, slack_webhook_url=slack.url)
    m = await build_market(client)
    booking, _case_id = await dispute_support.paid_booking(client, m)
    dispute = await dispute_support.open_dispute(client, m.customer, booking["id"], amount=1000)
    await ok(await client.post(f"/v1/disputes/{dispute['id']}/escalate", headers=m.customer.headers))
    timers = dispute_support.disputes_of(client)
    assert await timers.run_timers(utcnow() + timedelta(days=7, minutes=1)) >= 1  # no admin decided in time
    await wait_until(lambda: len(slack.received) == 1, 10, "the overdue dispute alert")
    assert "Dispute decided by default" in slack.received[0]["text"]
    assert dispute["id"] in json.dumps(slack.received[0]["blocks"])
