"""Disputes (issue 14, acceptance 1): opening one freezes the release at once, the SLA timers
escalate and apply the default outcome (the clock is moved, never slept), outcomes book refund +
release = what was held exactly, on a balanced ledger; offers settle the same way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from domain.audit.models import AuditRecord
from domain.bookings.models import Transition
from domain.disputes.models import Dispute
from domain.finance import ledger
from domain.finance.cases.models import PaymentCase
from domain.shared.clock import utcnow
from domain.shared.outbox import OutboxEvent
from tests.support.bookings import Market, build_market, ok
from tests.support.disputes import add_entry, disputes_of, get_dispute, open_dispute, paid_booking
from tests.support.payments import FAST, balance, case_of, payments_of, problem


@pytest.fixture
async def world(make_client: Callable[..., Any]) -> tuple[TestClient, Market]:
    client = await make_client(**FAST, dispute_timers_interval_seconds=3600.0)
    return client, await build_market(client)


async def test_a_dispute_freezes_the_release_escalates_and_an_admin_split_books_exactly(world):
    client, m = world
    booking, case_id = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"], amount=2000)
    assert dispute["state"] == "awaiting_response" and dispute["your_side"] == "customer"
    assert (await PaymentCase.get(id=case_id)).dispute_open
    # The release window passes: the release timer fires and nothing is released.
    later = utcnow() + timedelta(days=3)
    assert await payments_of(client).release_due(later) == 0
    assert (await case_of(client, m, booking["id"]))["state"] == "release_pending"
    assert await balance(ledger.AccountKind.CASE_HELD, f"case:{case_id}") == 4725
    # The provider does not answer within 3 days: the dispute escalates, once.
    timers = disputes_of(client)
    assert await timers.run_timers(utcnow() + timedelta(days=3, minutes=1)) == 1
    assert await timers.run_timers(utcnow() + timedelta(days=3, minutes=2)) == 0
    escalated = await get_dispute(client, m.provider, dispute["id"])
    assert escalated["state"] == "awaiting_admin" and escalated["decide_by"]
    assert [e["kind"] for e in escalated["timeline"]] == ["status", "status"]
    assert escalated["timeline"][-1]["author_side"] == "system"
    # An admin splits: 1500 back to the customer, the rest to the provider, the platform, tax.
    decided = await ok(await client.post(f"/v1/disputes/{dispute['id']}/decision", headers=m.admin.headers, json={
        "outcome": "split", "refund": {"amount": 1500, "currency": "USD"}, "reason": "half done"}))
    assert decided["state"] == "resolved" and decided["outcome"] == "split"
    assert decided["refunded"]["amount"] + decided["released"]["amount"] == 4725
    assert decided["refunded"]["amount"] == 1500
    case = await case_of(client, m, booking["id"])
    assert case["refunded"]["amount"] == 1500 and case["released"]["amount"] == 4725 - 1500
    assert case["state"] == "released" and not (await PaymentCase.get(id=case_id)).dispute_open
    assert await balance(ledger.AccountKind.CASE_HELD, f"case:{case_id}") == 0
    assert all(v == 0 for v in (await ledger.trial_balance()).values())
    # Audited (and on audit.events through the outbox); later decisions are refused.
    assert await AuditRecord.filter(action="dispute.decided", subject_id=dispute["id"]).count() == 1
    await problem(await client.post(f"/v1/disputes/{dispute['id']}/decision", headers=m.admin.headers,
                                    json={"outcome": "refund", "reason": "again"}), 409, "conflict")


async def test_the_admin_deadline_applies_the_default_outcome_after_a_reminder(world):
    client, m = world
    booking, _case_id = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"], amount=1000)
    await add_entry(client, m.provider, dispute["id"], kind="response", body="It was fixed.")
    assert (await get_dispute(client, m.customer, dispute["id"]))["state"] == "negotiating"
    await ok(await client.post(f"/v1/disputes/{dispute['id']}/escalate", headers=m.customer.headers))
    await ok(await client.post(f"/v1/admin/disputes/{dispute['id']}/assign",
                               headers=m.admin.headers, json={}))
    timers = disputes_of(client)
    # A day before the decision deadline the assigned admin is reminded (in-app + push queue).
    assert await timers.run_timers(utcnow() + timedelta(days=6, hours=1)) == 1
    reminders = await OutboxEvent.filter(type="dispute.reminder").values_list("body", flat=True)
    assert [r["data"]["notify"] for r in reminders] == [[m.admin.id]]
    assert await timers.run_timers(utcnow() + timedelta(days=6, hours=2)) == 0  # reminded once
    # The deadline passes: the default outcome (refund) applies, everything held goes back.
    assert await timers.run_timers(utcnow() + timedelta(days=7, minutes=1)) == 1
    done = await get_dispute(client, m.customer, dispute["id"])
    assert done["state"] == "resolved" and done["outcome"] == "refund"
    assert done["refunded"]["amount"] == 4725 and done["released"]["amount"] == 0
    assert (await case_of(client, m, booking["id"]))["state"] == "refunded"
    assert all(v == 0 for v in (await ledger.trial_balance()).values())


async def test_an_accepted_offer_settles_and_a_declined_one_does_not(world):
    client, m = world
    booking, case_id = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"], amount=3000)
    offer = await ok(await client.post(f"/v1/disputes/{dispute['id']}/offers", headers=m.provider.headers,
                                       json={"refund": {"amount": 500, "currency": "USD"}, "body": "500?"}), 201)
    # Only the other side answers; the offerer cannot accept their own.
    await problem(await client.post(f"/v1/disputes/{dispute['id']}/offer/accept", headers=m.provider.headers,
                                    json={"seq": offer["seq"]}), 409, "conflict")
    declined = await ok(await client.post(f"/v1/disputes/{dispute['id']}/offer/decline", headers=m.customer.headers,
                                          json={"seq": offer["seq"]}))
    assert declined["state"] == "negotiating" and declined["open_offer_seq"] is None
    second = await ok(await client.post(f"/v1/disputes/{dispute['id']}/offers", headers=m.provider.headers,
                                        json={"refund": {"amount": 1200, "currency": "USD"}}), 201)
    settled = await ok(await client.post(f"/v1/disputes/{dispute['id']}/offer/accept", headers=m.customer.headers,
                                         json={"seq": second["seq"]}))
    assert settled["state"] == "resolved" and settled["outcome"] == "split"
    assert (settled["refunded"]["amount"], settled["released"]["amount"]) == (1200, 4725 - 1200)
    kinds = [e["kind"] for e in settled["timeline"]]
    assert kinds == ["status", "offer", "offer_declined", "offer", "offer_accepted", "decision"]
    assert await balance(ledger.AccountKind.CASE_HELD, f"case:{case_id}") == 0
    assert all(v == 0 for v in (await ledger.trial_balance()).values())


async def test_withdrawing_lets_the_release_timer_release(world):
    client, m = world
    booking, case_id = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"])
    await problem(await client.post(f"/v1/disputes/{dispute['id']}/withdraw", headers=m.provider.headers),
                  409, "conflict")  # only the opener
    await ok(await client.post(f"/v1/disputes/{dispute['id']}/withdraw", headers=m.customer.headers))
    assert not (await PaymentCase.get(id=case_id)).dispute_open
    assert await payments_of(client).release_due(utcnow() + timedelta(days=3)) == 1


async def test_the_claim_the_window_and_one_open_dispute_per_user(world):
    client, m = world
    booking, _case_id = await paid_booking(client, m)
    await problem(await client.post(f"/v1/bookings/{booking['id']}/disputes", headers=m.customer.headers, json={
        "reason": "damage", "description": "x", "claimed": {"amount": 4726, "currency": "USD"}}), 409, "conflict")
    await open_dispute(client, m.customer, booking["id"])
    second = await client.post(f"/v1/bookings/{booking['id']}/disputes", headers=m.customer.headers, json={
        "reason": "damage", "description": "x", "claimed": {"amount": 10, "currency": "USD"}})
    details = (await problem(second, 409, "conflict"))["details"]
    assert (details["reason"], details["cause"]) == ("duplicate", "already_open")
    # The provider's side may open its own; a stranger learns nothing.
    await open_dispute(client, m.provider, booking["id"], reason="customer_absent")
    await problem(await client.post(f"/v1/bookings/{booking['id']}/disputes", headers=m.outsider.headers, json={
        "reason": "damage", "description": "x", "claimed": {"amount": 10, "currency": "USD"}}), 404, "not_found")
    assert await Dispute.filter(booking_id=booking["id"]).count() == 2
    # Past the window (completed 15 days ago) parties may not open one; admins may.
    await Dispute.filter(booking_id=booking["id"]).update(state="withdrawn", open_key=None)
    await Transition.filter(booking_id=booking["id"], to_state="completed").update(
        created_at=utcnow() - timedelta(days=15))
    late = await client.post(f"/v1/bookings/{booking['id']}/disputes", headers=m.customer.headers, json={
        "reason": "damage", "description": "x", "claimed": {"amount": 10, "currency": "USD"}})
    details = (await problem(late, 409, "conflict"))["details"]
    assert (details["reason"], details["cause"]) == ("expired", "window_passed")
    await open_dispute(client, m.admin, booking["id"], reason="other")
