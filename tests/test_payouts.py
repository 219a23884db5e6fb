"""Providers get paid (issue 13 item 7), black-box over HTTP on real PostgreSQL, on the sandbox
gateway and on the Stripe adapter (localstripe for the payment, FakeStripeConnect for Connect):
onboarding, then `account.updated` 20 times pays the accrued payable exactly once; a declined
payout gives the payable back and the next attempt has a new key; on-demand limits; the daily
schedule. Crew splits: tests/test_payouts_splits.py; who sees what: tests/test_payout_views.py."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from domain.audit.models import AuditRecord
from domain.finance import ledger
from domain.finance.balances.models import PayeeBalance
from domain.finance.gateway.models import GatewayEventRecord, InboxState
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from tests.support.bookings import ok
from tests.support.bus import wait_until
from tests.support.payouts_world import (
    World,
    balance_of,
    make_world,
    onboard,
    payable,
    payouts_of,
    released,
    until_paid,
)
from tests.test_finance_cases import problem, until_state


@pytest.fixture(params=["sandbox", "stripe"])
async def world(request: pytest.FixtureRequest, make_client: Callable[..., Any]) -> AsyncIterator[World]:
    url = request.getfixturevalue("services").localstripe_url if request.param == "stripe" else None
    async for made in make_world(make_client, request.param, url):
        yield made


@pytest.fixture
async def sandbox_world(make_client: Callable[..., Any]) -> AsyncIterator[World]:
    async for made in make_world(make_client, "sandbox"):
        yield made


@pytest.fixture
async def stripe_world(make_client: Callable[..., Any], services: Any) -> AsyncIterator[World]:
    async for made in make_world(make_client, "stripe", services.localstripe_url):
        yield made



async def test_an_account_enabled_by_20_webhooks_is_paid_its_accrued_payable_once(world: World) -> None:
    w = world
    started = await onboard(w)
    account_id = started["account"]["account_id"]
    assert started["url"].startswith("http") and started["account"]["onboarded"] is True
    assert started["account"]["payouts_enabled"] is False and started["account"]["requirements_due"]
    # Onboarding again is the same account, with a fresh link.
    assert (await onboard(w))["account"]["account_id"] == account_id
    # Not payout-enabled: the release books the share as payable and transfers nothing.
    case_id, _ = await released(w)
    assert await FinanceOperation.filter(case_id=case_id, op=OpKind.TRANSFER).count() == 0
    before = await balance_of(w)
    assert before["payouts_enabled"] is False
    assert before["usd"]["available"] == 3825 and before["usd"]["paid_out"] == 0
    if w.connect is not None:
        w.connect.platform_balance["usd"] = 100_000  # the payout comes from the platform's balance
    w.complete_onboarding(account_id)
    answers = await asyncio.gather(*(w.account_updated(account_id) for _ in range(20)))
    assert {r.status for r in answers} == {200}
    paid = await until_paid(w, 1)
    assert [(p["state"], p["trigger"], p["amount"]) for p in paid] == [
        ("paid", "enabled", {"amount": 3825, "currency": "USD"})]

    async def all_applied() -> bool:
        return await GatewayEventRecord.filter(type="account.updated", state=InboxState.APPLIED).count() >= 20

    await wait_until(all_applied, 15, "the 20 account.updated events applied")
    # Still one payout, one stored transfer (one key), one transfer at the gateway.
    assert len(await payouts_of(w)) == 1
    ops = await FinanceOperation.filter(idempotency_key__startswith="fs:payout:").all()
    assert len(ops) == 1 and ops[0].status is OpStatus.SUCCEEDED and ops[0].op is OpKind.TRANSFER
    if w.connect is not None:
        assert len(w.connect.posts("/v1/transfers")) == 1
        assert w.connect.balances[account_id]["usd"] == 3825
    else:
        assert w.sandbox.account_balance(account_id, "USD") == 3825
    assert await payable(w.org) == 0
    after = await balance_of(w)
    assert after["payouts_enabled"] is True
    assert after["usd"]["available"] == 0 and after["usd"]["paid_out"] == 3825
    account = await ok(await w.client.get(f"/v1/payees/{w.org}/payout-account", headers=w.market.provider.headers))
    assert account["payouts_enabled"] is True and account["requirements_due"] == []
    assert all(total == 0 for total in (await ledger.trial_balance()).values())
    # From now on a release transfers the share at once (the cases' port finds the account).
    _, second = await released(w)
    await until_state(w.client, w.market, second, "paid_out")
    assert len(await payouts_of(w)) == 1 and await payable(w.org) == 0


async def test_a_declined_payout_restores_the_payable_and_the_retry_has_a_new_key(stripe_world: World) -> None:
    w = stripe_world
    assert w.connect is not None
    account_id = (await onboard(w))["account"]["account_id"]
    await ok(await w.client.put(f"/v1/payees/{w.org}/payout-preferences", headers=w.market.provider.headers,
                                json={"schedule": "manual"}))
    w.complete_onboarding(account_id)
    await ok(await w.client.post(f"/v1/payees/{w.org}/onboarding/refresh", headers=w.market.provider.headers))
    await released(w)
    assert await payable(w.org) == 3825  # manual: nothing is transferred on release
    # The platform balance cannot cover it: the gateway declines the transfer.
    w.connect.platform_balance["usd"] = 0
    first = await ok(await w.client.post(f"/v1/payees/{w.org}/payouts", headers=w.market.provider.headers,
                                         json={"amount": {"amount": 2000, "currency": "USD"}}), 201)
    assert first["state"] == "pending"
    assert (await balance_of(w))["usd"]["in_transit"] == 2000
    failed = await until_paid(w, 1)
    assert failed[0]["state"] == "failed" and failed[0]["failure"]
    # Compensated: the payable is whole again and nothing reserves it.
    assert await payable(w.org) == 3825
    restored = (await balance_of(w))["usd"]
    assert restored["available"] == 3825 and restored["in_transit"] == 0 and restored["paid_out"] == 0
    # Asking again is a new payout with a new key, and it goes through.
    w.connect.platform_balance["usd"] = 100_000
    second = await ok(await w.client.post(f"/v1/payees/{w.org}/payouts", headers=w.market.provider.headers,
                                          json={"amount": {"amount": 2000, "currency": "USD"}}), 201)
    both = await until_paid(w, 2)
    assert {p["id"]: p["state"] for p in both} == {first["id"]: "failed", second["id"]: "paid"}
    ops = await FinanceOperation.filter(idempotency_key__startswith="fs:payout:").order_by("created_at")
    keys = [op.idempotency_key for op in ops]
    assert len(keys) == 2 and len(set(keys)) == 2
    statuses = [op.status for op in ops]
    assert statuses == [OpStatus.FAILED, OpStatus.SUCCEEDED]
    assert [p[2] for p in w.connect.posts("/v1/transfers")].count(keys[1]) >= 1
    assert await payable(w.org) == 1825
    assert w.connect.balances[account_id]["usd"] == 2000
    # Every manual money action is audited.
    assert await AuditRecord.filter(action="payout.requested").count() == 2
    assert await AuditRecord.filter(action="payout.preferences_changed").count() == 1


async def test_on_demand_payouts_stay_within_the_limits(sandbox_world: World) -> None:
    w = sandbox_world
    client, m = w.client, w.market
    headers = m.provider.headers
    url = f"/v1/payees/{w.org}/payouts"
    # Not onboarded: refused, nothing written.
    await released(w)
    await problem(await client.post(url, headers=headers, json={"currency": "USD"}), 409, "conflict")
    account_id = (await onboard(w))["account"]["account_id"]
    await ok(await client.put(f"/v1/payees/{w.org}/payout-preferences", headers=headers, json={"schedule": "manual"}))
    w.complete_onboarding(account_id)
    await ok(await client.post(f"/v1/payees/{w.org}/onboarding/refresh", headers=headers))
    # The enabling paid the backlog; a second case accrues (manual) and part of it is refunded
    # after release: the payee owes that part back (a visible receivable).
    await until_paid(w, 1)
    case_id, _ = await released(w)
    await ok(await client.post(f"/v1/payment-cases/{case_id}/refund", headers=m.admin.headers,
                               json={"amount": {"amount": 1000, "currency": "USD"}, "reason": "goodwill"}))
    view = (await balance_of(w))["usd"]
    owed, available = view["receivable"], view["available"]
    assert available == 3825 and 0 < owed < 1000 and view["withdrawable"] == available - owed
    # Below the minimum: 422. More than the payable less the receivable: 409. Nothing written.
    await problem(await client.post(url, headers=headers, json={"amount": {"amount": 50, "currency": "USD"}}),
                  422, "validation_failed")
    too_much = await client.post(url, headers=headers,
                                 json={"amount": {"amount": available - owed + 1, "currency": "USD"}})
    details = (await problem(too_much, 409, "conflict"))["details"]
    assert (details["reason"], details["cause"]) == ("amount_out_of_range", "insufficient_payable")
    assert len(await payouts_of(w)) == 1
    # Three a day: the first settles the receivable from the payable before paying.
    made = [await ok(await client.post(url, headers=headers, json={"amount": {"amount": 1000, "currency": "USD"}}),
                     201) for _ in range(3)]
    assert made[0]["netted"]["amount"] == owed and made[1]["netted"]["amount"] == 0
    fourth = await client.post(url, headers=headers, json={"amount": {"amount": 100, "currency": "USD"}})
    details = (await problem(fourth, 409, "conflict"))["details"]
    assert (details["reason"], details["cause"]) == ("limit_reached", "payout_limit")
    await until_paid(w, 4)
    final = (await balance_of(w))["usd"]
    assert final["receivable"] == 0 and final["available"] == 3825 - owed - 3000
    assert final["paid_out"] == 3825 + 3000
    assert w.sandbox.account_balance(account_id, "USD") == 3825 + 3000
    # The finance view reads the same model: settling the receivable is neither paid out nor earned twice.
    finance = await ok(await client.get(f"/v1/orgs/{m.org_id}/finance/balances", headers=headers))
    usd = next(b for b in finance["balances"] if b["currency"] == "USD")
    assert (usd["available"], usd["paid_out"], usd["receivable"]) == (final["available"], final["paid_out"], 0)
    assert usd["earnings"] == 2 * 3825 - owed
    # ...and the synced row (kept by the postings trigger) agrees on what both count, nothing being under way.
    row = await PayeeBalance.get(id=f"{w.org}:USD")
    assert (row.available, row.receivable) == (final["available"], 0)
    assert row.paid_out == final["paid_out"] + owed  # the row's paid_out is the payable's gross debits
    assert all(total == 0 for total in (await ledger.trial_balance()).values())


async def test_a_daily_schedule_pays_once_per_day(sandbox_world: World) -> None:
    w = sandbox_world
    account_id = (await onboard(w))["account"]["account_id"]
    await ok(await w.client.put(f"/v1/payees/{w.org}/payout-preferences", headers=w.market.provider.headers,
                                json={"schedule": "daily"}))
    w.complete_onboarding(account_id)
    await ok(await w.client.post(f"/v1/payees/{w.org}/onboarding/refresh", headers=w.market.provider.headers))
    await released(w)
    assert await payable(w.org) == 3825
    runs = await asyncio.gather(*(w.payouts.run_scheduled() for _ in range(5)))
    assert sum(runs) == 1
    paid = await until_paid(w, 1)
    assert [(p["trigger"], p["amount"]["amount"]) for p in paid] == [("scheduled", 3825)]
    assert await w.payouts.run_scheduled() == 0



async def test_a_payout_leaves_alone_what_a_release_transfer_under_way_will_take(stripe_world: World) -> None:
    w = stripe_world
    assert w.connect is not None
    headers = w.market.provider.headers
    account_id = (await onboard(w))["account"]["account_id"]
    await ok(await w.client.put(f"/v1/payees/{w.org}/payout-preferences", headers=headers, json={"schedule": "manual"}))
    w.complete_onboarding(account_id)
    await ok(await w.client.post(f"/v1/payees/{w.org}/onboarding/refresh", headers=headers))
    await released(w)  # manual: 3825 accrues
    await ok(await w.client.put(f"/v1/payees/{w.org}/payout-preferences", headers=headers,
                                json={"schedule": "on_release"}))
    # The next release's transfer meets an outage: it stays pending, to be retried with its key.
    w.connect.fail_next("/v1/transfers", status=503, type_="api_error", code="unavailable", times=3)
    case_id, booking_id = await released(w)

    async def first_try_failed() -> bool:
        op = await FinanceOperation.get_or_none(case_id=case_id, op=OpKind.TRANSFER)
        return op is not None and op.status is OpStatus.PENDING and bool(op.last_error)

    await wait_until(first_try_failed, 15, "the release's transfer to meet the outage")
    assert await payable(w.org) == 2 * 3825
    w.connect.platform_balance["usd"] = 100_000
    url = f"/v1/payees/{w.org}/payouts"
    too_much = await w.client.post(url, headers=headers, json={"amount": {"amount": 3826, "currency": "USD"}})
    assert (await problem(too_much, 409, "conflict"))["details"]["available"]["amount"] == 3825
    await ok(await w.client.post(url, headers=headers, json={"amount": {"amount": 3825, "currency": "USD"}}), 201)
    await until_state(w.client, w.market, booking_id, "paid_out")
    await until_paid(w, 1)
    assert await payable(w.org) == 0
    assert await FinanceOperation.filter(status=OpStatus.PENDING).count() == 0
    assert w.connect.balances[account_id]["usd"] == 2 * 3825
