"""Reconciliation (issue 13 item 8) on real PostgreSQL and the sandbox gateway, driven through
the payment cases over HTTP: it finds a refund whose webhook never came and is clean once the
event is applied; a mismatch is fixed only by an admin's correcting entry; the daily run is a job."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
from prometheus_client import REGISTRY

from app.bootstrap import CONTAINER
from app.jobs import periodic_jobs
from domain.audit.models import AuditRecord
from domain.finance.cases.models import PaymentCase
from domain.finance.reconciliation.models import ReconciliationRun
from domain.shared.clock import utcnow
from domain.shared.money import Money
from tests.support.bookings import iso, ok
from tests.support.finance_world import World, build_world, get, paid_booking, webhooks_settled
from tests.support.waiting import wait_until


@pytest.fixture
async def world(make_client: Callable[..., Any]) -> World:
    return await build_world(make_client)


def mismatches_metric(kind: str) -> float:
    return REGISTRY.get_sample_value("fieldsync_finance_reconciliation_mismatches_total", {"kind": kind}) or 0.0


async def test_reconciliation_finds_a_refund_whose_webhook_never_came_and_is_clean_after_backfill(world):
    w = world
    _booking, case_id = await paid_booking(w, "KWD", 12345)
    url = "/v1/admin/finance/reconciliations"
    first = await ok(await w.client.post(url, headers=w.admin.headers, json={}), 201)
    assert first["clean"] is True and first["mismatches"] == [] and first["matched"] >= 1, first

    # Every webhook of the payment so far delivered and applied first: a late one refetches the
    # payment and applies it by its state, which would book the refund below by itself.
    await wait_until(lambda: webhooks_settled(w), 10, "the payment's webhooks delivered and applied")
    # A refund made at the gateway directly (its dashboard, say); its webhook is lost on the way.
    case = await PaymentCase.get(id=case_id)
    assert case.payment_id is not None
    pending_before = len(w.sandbox._webhooks._pending)
    refund = await w.sandbox.refund(case.payment_id, Money(2345, "KWD"), idempotency_key="dashboard-refund-1")
    assert len(w.sandbox._webhooks._pending) == pending_before + 1
    w.sandbox._webhooks._pending.pop()  # lost in transit: never delivered (no await between: the sender never saw it)

    before = mismatches_metric("missing_in_ledger")
    found = await ok(await w.client.post(url, headers=w.admin.headers, json={}), 201)
    assert found["clean"] is False
    assert [(m["kind"], m["object_id"]) for m in found["mismatches"]] == [("missing_in_ledger", refund.id)]
    assert found["mismatches"][0]["gateway"]["amount"] == -2345
    assert found["mismatches"][0]["gateway"]["currency"] == "KWD"
    assert found["events_not_received"] == [refund.id]
    assert mismatches_metric("missing_in_ledger") == before + 1
    audited = await AuditRecord.filter(action="finance.reconciliation_mismatch", subject_id=found["id"]).all()
    assert len(audited) == 1 and audited[0].after["object_id"] == refund.id
    # Never corrected by the run itself: the case and the ledger are as they were.
    assert (await PaymentCase.get(id=case_id)).refunded_amount == 0
    again = await get(w, w.admin, f"{url}/{found['id']}")
    assert again["mismatches"] == found["mismatches"]

    # Backfill: the missing event is applied (the payment refetched, applied by its state).
    await w.payments.apply_payment_state(await w.sandbox.payment(case.payment_id))
    assert (await PaymentCase.get(id=case_id)).refunded_amount == 2345
    clean = await ok(await w.client.post(url, headers=w.admin.headers, json={}), 201)
    assert clean["clean"] is True and clean["mismatches"] == [], clean

    # Only admins reconcile; a bad window is a 422.
    assert (await w.client.post(url, headers=w.provider.headers, json={})).status == 403
    start, end = utcnow(), utcnow() - timedelta(days=1)
    bad = await w.client.post(url, headers=w.admin.headers, json={"start": iso(start), "end": iso(end)})
    assert bad.status == 422 and bad.content_type == "application/problem+json"
    await get(w, w.admin, f"{url}/{UUID(int=0)}", 404)


async def test_a_mismatch_is_fixed_only_by_an_admins_correcting_entry(world):
    w = world
    url = "/v1/admin/finance/corrections"
    legs = [{"kind": "gateway_balance", "owner": "platform", "currency": "JPY", "side": "credit", "amount": 7},
            {"kind": "gateway_fees", "owner": "platform", "currency": "JPY", "side": "debit", "amount": 7}]
    body = {"reason": "gateway fee booked by reconciliation", "legs": legs, "key": "correction:test-fee-1"}
    assert (await w.client.post(url, headers=w.provider.headers, json=body)).status == 403
    unbalanced = {**body, "legs": [legs[0], {**legs[1], "amount": 6}], "key": "correction:test-fee-2"}
    refused = await w.client.post(url, headers=w.admin.headers, json=unbalanced)
    assert refused.status == 422, await refused.text()
    posted = await ok(await w.client.post(url, headers=w.admin.headers, json=body), 201)
    assert posted["created"] is True
    replay = await ok(await w.client.post(url, headers=w.admin.headers, json=body), 201)
    assert replay == {"entry_id": posted["entry_id"], "created": False}
    reversed_ = await ok(await w.client.post(url, headers=w.admin.headers,
                                             json={"reason": "booked twice", "reverses": posted["entry_id"]}), 201)
    assert reversed_["created"] is True
    neither = await w.client.post(url, headers=w.admin.headers, json={"reason": "nothing"})
    assert neither.status == 422
    # The ledger audits both, with the admin as actor and the reason given.
    corrections = await AuditRecord.filter(action="ledger.entry", actor_id=f"user:{w.admin.id}").all()
    assert sorted(r.after["reason"] for r in corrections) == ["booked twice", "gateway fee booked by reconciliation"]


async def test_the_daily_reconciliation_is_a_job_of_the_table_and_stores_its_run(world):
    w = world
    c = w.client.server.app[CONTAINER]
    jobs = {job.name: job for job in periodic_jobs(c.settings, c.sync.dialect, None, c.payments, c.reconciler)}
    assert jobs["finance_reconciliation"].interval_seconds == 86_400.0
    await paid_booking(w, "JPY", 5000, release=False)
    await jobs["finance_reconciliation"].run()
    run = await ReconciliationRun.filter(trigger="daily").first()
    assert run is not None and run.clean and run.mismatches == []
    # Its window ends a little before now: webhooks still on their way are not reported as missing.
    assert run.window_end < utcnow() and (run.window_end - run.window_start) == timedelta(hours=48)
