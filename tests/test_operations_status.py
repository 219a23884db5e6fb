"""The operator status summary (issue 20, GET /v1/admin/status): an admin sees every section
with the backlogs and incidents that are really there; anyone else gets 403; a dependency that
is down shows as down while the summary still answers at once. Real PostgreSQL and Redis."""

from __future__ import annotations

import asyncio
import os
import socket
import time
from datetime import timedelta
from typing import Any
from uuid import uuid4

from app.bootstrap import RELAY
from domain.disputes.models import Dispute
from domain.finance.gateway.models import GatewayEventRecord, InboxState
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.finance.payouts.models import Payout, PayoutState, PayoutTrigger
from domain.finance.reconciliation.models import ReconciliationRun
from domain.notifications.models import EmailSuppression, SuppressionReason
from domain.shared.clock import utcnow
from push.email_models import EmailJob, EmailState
from push.models import PushJob, PushState
from tests.conftest import app_of
from tests.support.bookings import book, build_market, ok
from tests.support.disputes import victim_dispute
from tests.support.identity import make_admin, register
from tests.support.smtp import smtp_server
from tests.support.waiting import wait_for_value, wait_until

STATUS = "/v1/admin/status"
# No worker may touch the rows the test plants (each still runs once at start, before them).
QUIET_WORKERS = {"payment_operations_interval_seconds": 3600.0, "dispute_timers_interval_seconds": 3600.0,
                 "payment_timers_interval_seconds": 3600.0}


async def status_of(client: Any, who: Any) -> dict[str, Any]:
    return dict(await ok(await client.get(STATUS, headers=who.headers)))


def by(items: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {item[key]: item for item in items}


async def plant_incidents(client: Any) -> dict[str, str]:
    """One of each thing an operator must act on, written straight to the database."""
    now = utcnow()
    market = await build_market(client, crew_size=1)
    booking = await ok(await book(client, market), 201)
    dispute_id = await victim_dispute(booking["id"], str(uuid4()))
    await Dispute.filter(id=dispute_id).update(due_at=now - timedelta(hours=2))
    stuck = await FinanceOperation.create(case_id=uuid4(), op=OpKind.CAPTURE, params={}, status=OpStatus.PENDING,
                                          idempotency_key=f"fs:capture:{uuid4()}:1",
                                          next_attempt_at=now - timedelta(hours=1))
    failed = await FinanceOperation.create(case_id=uuid4(), op=OpKind.REFUND, params={}, status=OpStatus.FAILED,
                                           idempotency_key=f"fs:refund:{uuid4()}:1", next_attempt_at=now,
                                           last_error="declined")
    payout = await Payout.create(key=f"test:{uuid4()}", owner=f"user:{uuid4()}", currency="USD", amount=500,
                                 state=PayoutState.FAILED, trigger=PayoutTrigger.REQUESTED, destination="acct_1",
                                 operation_key=f"fs:payout:{uuid4()}", failure="declined")
    webhook = await GatewayEventRecord.create(gateway="sandbox", event_id=f"evt_{uuid4().hex}",
                                              type="payment_intent.succeeded", object_id="pi_status", occurred_at=now,
                                              payload={}, state=InboxState.FAILED, attempts=10, next_attempt_at=now)
    await ReconciliationRun.create(gateway="sandbox", window_start=now - timedelta(days=1), window_end=now,
                                   trigger="manual", mismatches=[{"kind": "amount", "object_id": "ch_status"}],
                                   events_not_received=[], clean=False)
    return {"dispute": dispute_id, "stuck": str(stuck.id), "failed": str(failed.id), "payout": str(payout.id),
            "webhook": str(webhook.id), "admin_token": market.admin.access_token,
            "provider_token": market.provider.access_token}


async def test_an_admin_sees_every_section_with_what_is_really_there(make_client):
    # Jobs run at start-up at once here (the suite delays them): the heartbeat and the purge are read below.
    one = await make_client(**QUIET_WORKERS, jobs_start_delay_seconds=0)
    two = await make_client(**QUIET_WORKERS, jobs_start_delay_seconds=0)
    admin, provider = await make_admin(one), await register(one, "provider")
    # The relays of both processes stop: the events of the bookings made next stay in the outbox.
    for client in (one, two):
        await app_of(client)[RELAY].stop()
    await asyncio.sleep(0.5)  # a batch claimed before the stop finishes
    planted = await plant_incidents(one)
    # A push past its quiet hours, waiting for a retry an hour away.
    await PushJob.create(user_id=admin.id, kind="test", category="account", title="t", body="b", data={},
                         not_before=utcnow() - timedelta(minutes=5), next_attempt_at=utcnow() + timedelta(hours=1),
                         state=PushState.QUEUED)

    # Both processes announce themselves at start; the daily purge runs at start too.
    body = await wait_for_value(
        lambda: status_of(one, admin),
        lambda b: len(b["versions"]["instances"]) >= 2
        and by(b["jobs"], "name")["retention_purge"]["last_finished_at"] is not None,
        timeout=20, what="both instances registered and the retention purge run")

    deps = by(body["dependencies"], "name")
    assert {"database", "redis", "socketio_redis", "media_store", "push_sender", "payment_gateway"} <= set(deps)
    for name in ("database", "redis", "media_store", "payment_gateway"):
        assert deps[name]["state"] in ("up", "slow"), deps[name]  # slow: the machine may be busy
        assert deps[name]["latency_ms"] >= 0
    assert deps["push_sender"]["state"] == "unchecked"

    backlogs = by(body["backlogs"], "name")
    assert backlogs["outbox"]["count"] >= 1 and backlogs["outbox"]["oldest_age_seconds"] >= 0
    assert backlogs["push_queue"]["count"] == 1 and backlogs["push_queue"]["oldest_age_seconds"] >= 290
    assert backlogs["finance_operations"]["count"] == 1
    assert backlogs["finance_operations"]["oldest_age_seconds"] >= 0
    assert backlogs["finance_webhook_inbox"]["count"] == 0
    assert isinstance(backlogs["sync_ticker"]["count"], int)
    assert not any(b["error"] for b in body["backlogs"]), body["backlogs"]

    incidents = by(body["incidents"], "kind")
    expected = {"finance_operations_stuck": planted["stuck"], "finance_operations_failed": planted["failed"],
                "finance_payouts_failed": planted["payout"], "finance_webhooks_failed": planted["webhook"],
                "finance_reconciliation_mismatches": "ch_status", "disputes_overdue": planted["dispute"]}
    for kind, sample in expected.items():
        assert incidents[kind]["count"] == 1, incidents[kind]
        assert incidents[kind]["sample_ids"] == [sample]
        assert incidents[kind]["oldest_at"] is not None
    assert body["open_incidents"] == 6

    jobs = by(body["jobs"], "name")
    assert {"retention_purge", "at_rest_rewrap", "instance_heartbeat", "finance_operations"} <= set(jobs)
    assert jobs["instance_heartbeat"]["last_finished_at"] is not None
    assert not jobs["retention_purge"]["overdue"]
    # Its last run may come from another app of this test process (the record is per process).
    assert not jobs["at_rest_rewrap"]["overdue"]

    versions = body["versions"]
    assert versions["registry"] == "redis"
    assert versions["migration_applied"] == versions["migration_shipped"] is not None
    other = (await status_of(two, admin))["this_instance"]
    instances = by(versions["instances"], "id")
    assert {body["this_instance"], other} <= set(instances)
    assert versions["instances"][0]["id"] == body["this_instance"]  # the one that answered first
    assert instances[other]["pid"] == os.getpid() and instances[other]["version"] == versions["version"]
    # Degraded exactly when a dependency answered slowly or not at all (a busy machine may make
    # one slow, as allowed above); every section was read.
    assert body["degraded"] is any(d["state"] in ("down", "slow") for d in body["dependencies"])

    # Not an admin: 403, and no section leaks.
    refused = await one.get(STATUS, headers=provider.headers)
    assert refused.status == 403
    assert (await refused.json())["code"] == "forbidden"
    assert (await one.get(STATUS)).status == 401


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_a_dependency_that_is_down_shows_as_down_and_the_summary_still_answers(make_client):
    healthy = await make_client()
    admin = await make_admin(healthy)
    cut_off = await make_client(redis_url=f"redis://127.0.0.1:{closed_port()}/0")

    started = time.monotonic()
    body = await status_of(cut_off, admin)
    took = time.monotonic() - started
    deps = by(body["dependencies"], "name")
    assert deps["redis"]["state"] == "down" and deps["redis"]["detail"], deps["redis"]
    assert deps["database"]["state"] in ("up", "slow")
    assert body["degraded"] is True
    assert body["versions"]["registry"] == "redis down: this process only"
    assert [i["id"] for i in body["versions"]["instances"]] == [body["this_instance"]]
    assert took < 5, f"the summary took {took:.2f} s with Redis down"
    assert body["took_ms"] < 3000


async def test_a_dependency_that_never_answers_costs_the_summary_one_probe_timeout(make_client):
    """A black hole (accepts, never answers) in place of Redis: the probe gives up at its timeout
    (1 s) and reports the latency, however long Redis's own socket timeout is."""
    held: list[asyncio.StreamWriter] = []

    async def swallow(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    hole = await asyncio.start_server(swallow, "127.0.0.1", 0)
    port = hole.sockets[0].getsockname()[1]
    try:
        healthy = await make_client()
        admin = await make_admin(healthy)
        stuck = await make_client(redis_url=f"redis://127.0.0.1:{port}/0", redis_socket_timeout_seconds=2)
        # The first request pays Redis's socket timeout in the middleware (rate limit, revocations)
        # until the breaker opens (infra/dependencies.py); the summary's own probes are bounded.
        first = await status_of(stuck, admin)
        assert by(first["dependencies"], "name")["redis"]["state"] == "down"
        started = time.monotonic()
        body = await status_of(stuck, admin)
        took = time.monotonic() - started
        redis = by(body["dependencies"], "name")["redis"]
        assert redis["state"] == "down" and redis["latency_ms"] >= 900, redis
        assert "no answer within 1 s" in redis["detail"], redis
        assert took < 3, f"the summary took {took:.2f} s with Redis silent"
        assert body["took_ms"] < 2000 and body["degraded"] is True
    finally:
        for writer in held:
            writer.close()
        hole.close()


async def test_the_email_path_shows_the_smtp_server_the_queue_and_the_suppressions(make_client):
    with smtp_server() as (_box, url):
        client = await make_client(email_sender="smtp", smtp_url=url)
        admin = await make_admin(client)
        # The admin's own security notices go out first (the last of them: the second factor enrolled;
        # it is queued by a reaction, after the request): the queue then holds only what is planted.
        await wait_until(lambda: _enrolment_notice_sent(), 15, "the security notices sent")
        now = utcnow()
        waiting = await EmailJob.create(user_id=uuid4(), kind="test", category="account", language="en",
                                        subject="s", text_body="t", html_body="h", state=EmailState.QUEUED,
                                        next_attempt_at=now + timedelta(hours=1))  # a retry an hour away
        await EmailJob.filter(id=waiting.id).update(created_at=now - timedelta(minutes=10))
        await EmailJob.create(user_id=uuid4(), kind="test", category="account", language="en", subject="s",
                              text_body="t", html_body="h", state=EmailState.FAILED, next_attempt_at=now,
                              last_error="550 no such user")
        await EmailSuppression.create(email_index="a" * 64, reason=SuppressionReason.HARD_BOUNCE, source="smtp")

        body = await status_of(client, admin)
        email = by(body["dependencies"], "name")["email_sender"]
        assert email["state"] in ("up", "slow") and email["detail"].startswith("SMTP smtp://127.0.0.1:"), email
        backlogs = by(body["backlogs"], "name")
        assert backlogs["email_queue"]["count"] == 1 and backlogs["email_queue"]["oldest_age_seconds"] >= 590
        assert "0 due now" in backlogs["email_queue"]["detail"]
        assert backlogs["email_failed"]["count"] == 1
        assert backlogs["email_suppressed"]["count"] == 1
        assert body["degraded"] is any(d["state"] in ("down", "slow") for d in body["dependencies"])
    # The server is gone, but the answer of a moment ago stands: the summary cannot hammer it.
    again = by((await status_of(client, admin))["dependencies"], "name")["email_sender"]
    assert (again["state"], again["detail"]) == (email["state"], email["detail"])


async def _enrolment_notice_sent() -> bool:
    return (await EmailJob.filter(kind="account.mfa_enrolled", state=EmailState.SENT).exists()
            and not await EmailJob.filter(state=EmailState.QUEUED).exists())


async def test_an_smtp_server_that_is_down_shows_the_email_path_degraded_not_an_error(make_client):
    client = await make_client(email_sender="smtp", smtp_url=f"smtp://127.0.0.1:{closed_port()}?starttls=false")
    admin = await make_admin(client)
    body = await status_of(client, admin)  # 200 (status_of asserts it)
    email = by(body["dependencies"], "name")["email_sender"]
    assert email["state"] == "down" and email["detail"], email
    assert body["degraded"] is True
    assert by(body["backlogs"], "name")["email_queue"]["error"] is None


async def test_the_log_sender_is_said_as_it_is(make_client):
    client = await make_client()
    admin = await make_admin(client)
    email = by((await status_of(client, admin))["dependencies"], "name")["email_sender"]
    assert email["state"] == "unchecked" and email["detail"].startswith("log sender"), email
