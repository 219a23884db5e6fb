"""Providers get paid (issue 13 item 7), black-box over HTTP on real PostgreSQL, on the sandbox
gateway and on the Stripe adapter (localstripe for the payment, FakeStripeConnect for Connect):
onboarding, then `account.updated` 20 times pays the accrued payable exactly once; a declined
payout gives the payable back and the next attempt has a new key; on-demand limits; crew splits
add up to the minor unit for 1-5 payees; nobody reads or changes another payee's payouts."""

from __future__ import annotations

import asyncio
import json
import random
import secrets
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
import stripe
from aiohttp.test_utils import TestClient

from app.bootstrap import CONTAINER
from domain.audit.models import AuditRecord
from domain.bookings.models import Booking
from domain.finance import ledger
from domain.finance.gateway.models import GatewayEventRecord, InboxState
from domain.finance.gateway.sandbox import SandboxGateway
from domain.finance.operations.models import FinanceOperation, OpKind, OpStatus
from domain.finance.payouts.models import CrewSplit, SplitMode
from domain.finance.payouts.services import Payouts
from domain.finance.payouts.splits import weights
from domain.finance.pricing.breakdown import CancellationTerms, Rates, TaxParty, compute
from domain.shared.clock import utcnow
from domain.shared.money import Money
from tests.support.bookings import Market, book, build_market, iso, ok, slot
from tests.support.bus import wait_until
from tests.support.gateways import WEBHOOK_SECRET
from tests.support.stripe_connect_fake import FakeStripeConnect
from tests.support.stripe_services import LOCALSTRIPE_KEY
from tests.test_finance_cases import FAST, checkout, payments_of, problem, run_to, until_state

QUICK = {**FAST}  # the inbox polls at its default (500 ms)
URLS = {"refresh_url": "https://app.example.test/payouts/refresh", "return_url": "https://app.example.test/payouts"}


@dataclass
class World:
    client: TestClient
    market: Market
    gateway: str
    connect: FakeStripeConnect | None = None

    @property
    def org(self) -> str:
        return f"org:{self.market.org_id}"

    @property
    def payouts(self) -> Payouts:
        payouts = self.client.server.app[CONTAINER].payouts
        assert payouts is not None
        return payouts

    @property
    def sandbox(self) -> SandboxGateway:
        gateway = self.payouts.gateway
        assert isinstance(gateway, SandboxGateway)
        return gateway

    def complete_onboarding(self, account_id: str) -> None:
        if self.connect is not None:
            self.connect.complete_onboarding(account_id)
        else:
            self.sandbox.complete_onboarding(account_id)

    async def account_updated(self, account_id: str) -> Any:
        """A signed `account.updated` webhook, as the provider sends it (a new event id each time)."""
        body = json.dumps({
            "id": f"evt_{secrets.token_hex(8)}", "object": "event", "type": "account.updated",
            "api_version": "2024-06-20", "created": int(time.time()), "livemode": False, "account": account_id,
            "pending_webhooks": 1, "data": {"object": {"id": account_id, "object": "account"}},
        }).encode()
        if self.connect is not None:
            header = {"Stripe-Signature": str(stripe.WebhookSignature.generate_signature_header(
                body.decode(), WEBHOOK_SECRET))}
        else:
            header = {self.sandbox.webhook_signature_header: self.sandbox.sign(body)}
        return await self.client.post(f"/v1/webhooks/{self.gateway}", data=body,
                                      headers={"Content-Type": "application/json", **header})


async def make_world(make_client: Callable[..., Any], gateway: str, localstripe_url: str | None = None,
                     **settings: Any) -> AsyncIterator[World]:
    if gateway == "sandbox":
        client = await make_client(**QUICK, **settings)
        yield World(client, await build_market(client), gateway)
        return
    assert localstripe_url is not None
    connect = await FakeStripeConnect(payments_base=localstripe_url, api_key=LOCALSTRIPE_KEY).start()
    try:
        client = await make_client(**QUICK, **settings, payment_gateway="stripe", stripe_secret_key=LOCALSTRIPE_KEY,
                                   stripe_webhook_secret=WEBHOOK_SECRET, stripe_api_base=localstripe_url,
                                   stripe_connect_api_base=connect.url)
        yield World(client, await build_market(client), gateway, connect)
    finally:
        await connect.stop()


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


async def released(w: World) -> tuple[str, str]:
    """A booking of the organisation paid, accepted, completed and released: 3825 USD to the payees."""
    client, m = w.client, w.market
    booking = await ok(await book(client, m), 201)
    case_id = str((await checkout(client, m, booking))["id"])
    await run_to(client, m, booking, "accept")
    await until_state(client, m, booking["id"], "held")
    await run_to(client, m, booking, "schedule", "start", "complete")
    await until_state(client, m, booking["id"], "release_pending")
    assert await payments_of(client).release_due(utcnow() + timedelta(days=3)) == 1
    await until_state(client, m, booking["id"], "released", "paid_out")
    return case_id, str(booking["id"])


async def onboard(w: World, payee: str | None = None, who: Any = None) -> dict[str, Any]:
    response = await w.client.post(f"/v1/payees/{payee or w.org}/onboarding",
                                   headers=(who or w.market.provider).headers, json=URLS)
    return dict(await ok(response))


async def payouts_of(w: World, payee: str | None = None) -> list[dict[str, Any]]:
    response = await w.client.get(f"/v1/payees/{payee or w.org}/payouts", headers=w.market.provider.headers)
    return list((await ok(response))["items"])


async def balance_of(w: World, payee: str | None = None, who: Any = None) -> dict[str, Any]:
    response = await w.client.get(f"/v1/payees/{payee or w.org}/balance", headers=(who or w.market.provider).headers)
    body = dict(await ok(response))
    usd = [c for c in body["currencies"] if c["currency"] == "USD"]
    return {**body, "usd": usd[0] if usd else {}}


async def until_paid(w: World, count: int, payee: str | None = None) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []

    async def settled() -> bool:
        seen[:] = await payouts_of(w, payee)
        return len(seen) >= count and all(p["state"] != "pending" for p in seen)

    await wait_until(settled, 15, f"{count} settled payouts")
    return seen


async def payable(owner: str) -> int:
    return (await ledger.balance(ledger.AccountKey(ledger.AccountKind.PROVIDER_PAYABLE, owner, "USD"))).posted


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
    assert (await problem(too_much, 409, "conflict"))["details"]["reason"] == "insufficient_payable"
    assert len(await payouts_of(w)) == 1
    # Three a day: the first settles the receivable from the payable before paying.
    made = [await ok(await client.post(url, headers=headers, json={"amount": {"amount": 1000, "currency": "USD"}}),
                     201) for _ in range(3)]
    assert made[0]["netted"]["amount"] == owed and made[1]["netted"]["amount"] == 0
    fourth = await client.post(url, headers=headers, json={"amount": {"amount": 100, "currency": "USD"}})
    assert (await problem(fourth, 409, "conflict"))["details"]["reason"] == "payout_limit"
    await until_paid(w, 4)
    final = (await balance_of(w))["usd"]
    assert final["receivable"] == 0 and final["available"] == 3825 - owed - 3000
    assert final["paid_out"] == 3825 + 3000
    assert w.sandbox.account_balance(account_id, "USD") == 3825 + 3000
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


def _breakdown(amount: int, currency: str, payees: list[Any]) -> Any:
    rates = Rates(commission_bps=1500, service_tax_bps=500, service_tax_owed_by=TaxParty.PLATFORM, fee_vat_bps=2000,
                  jurisdiction="GB")
    return compute(Money(amount, currency), rates, payees, CancellationTerms(24, 5000, 5000))


@pytest.mark.parametrize("currency", ["JPY", "GBP", "KWD"])
def test_split_rules_give_exact_shares_for_one_to_five_payees(currency: str) -> None:
    rng = random.Random(f"split-{currency}")
    org = "11111111-1111-1111-1111-111111111111"
    for _ in range(300):
        crew = [f"00000000-0000-0000-0000-00000000000{i}" for i in range(rng.randint(1, 4))]
        mode = rng.choice(list(SplitMode))
        split = CrewSplit(organisation_id=org, mode=mode, lead_bonus_bps=rng.randint(0, 10_000),
                          member_bps={})
        if mode is SplitMode.FIXED:
            left = 10_000
            for user in crew:
                share = rng.randint(0, left)
                split.member_bps[user] = share
                left -= share
        payees = weights(split, org, crew)
        assert 1 <= len(payees) <= 5 and sum(p.weight for p in payees) == 10_000
        b = _breakdown(rng.randint(0, 10_000_000), currency, payees)
        net = b.price - b.platform_fee - b.fee_vat
        assert sum(s.amount.amount for s in b.payees) == net.amount  # to the minor unit
        for share in b.payees:  # each within one unit of its exact share
            assert abs(share.amount.amount * 10_000 - net.amount * share.weight) < 10_000
        if mode is SplitMode.LEAD_BONUS and 0 < split.lead_bonus_bps:
            assert payees[-1].payee == f"user:{crew[0]}" and payees[-1].weight == split.lead_bonus_bps


async def test_the_crew_split_decides_the_payees_frozen_on_a_booking(make_client: Callable[..., Any]) -> None:
    client = await make_client(**QUICK)
    m = await build_market(client, crew_size=3)
    url = f"/v1/orgs/{m.org_id}/crew-split"
    assert (await ok(await client.get(url, headers=m.provider.headers)))["mode"] == "organisation"
    lead, second, third = m.crew
    split = {"mode": "fixed", "member_bps": {lead.id: 2000, second.id: 1500, third.id: 1000}}
    saved = await ok(await client.put(url, headers=m.provider.headers, json=split))
    assert saved["version"] == 1 and saved["member_bps"][lead.id] == 2000
    # Shares over 100 %, a stranger in the split, a stale version: refused, nothing changed.
    await problem(await client.put(url, headers=m.provider.headers, json={
        "mode": "fixed", "member_bps": {lead.id: 9000, second.id: 2000}}), 422, "validation_failed")
    await problem(await client.put(url, headers=m.provider.headers, json={
        "mode": "fixed", "member_bps": {m.outsider.id: 100}}), 422, "validation_failed")
    await problem(await client.put(url, headers=m.provider.headers, json={
        "mode": "lead_bonus", "lead_bonus_bps": 100, "version": 0}), 409, "conflict")
    booking = await ok(await book(client, m, serviceman_ids=[lead.id, second.id]), 201)
    frozen = (await Booking.get(id=booking["id"])).pricing
    shares = {p["payee"]: p["amount"]["amount"] for p in frozen["payees"]}
    net = frozen["price"]["amount"] - frozen["platform_fee"]["amount"] - frozen["fee_vat"]["amount"]
    assert sum(shares.values()) == net
    assert set(shares) == {f"org:{m.org_id}", f"user:{lead.id}", f"user:{second.id}"}  # the third did not work it
    assert shares[f"user:{lead.id}"] == net * 2000 // 10_000
    # A lead bonus from now on; the booking already made keeps its frozen split.
    await ok(await client.put(url, headers=m.provider.headers, json={"mode": "lead_bonus", "lead_bonus_bps": 2500,
                                                                     "version": 1}))
    later = await ok(await book(client, m, serviceman_ids=[second.id], start=iso(slot(96))), 201)
    later_shares = {p["payee"]: p["weight"] for p in (await Booking.get(id=later["id"])).pricing["payees"]}
    assert later_shares == {f"org:{m.org_id}": 7500, f"user:{second.id}": 2500}
    assert (await Booking.get(id=booking["id"])).pricing == frozen
    assert await AuditRecord.filter(action="payout.crew_split_changed").count() == 2


async def test_nobody_reads_or_changes_another_payees_payouts(sandbox_world: World) -> None:
    w = sandbox_world
    client, m = w.client, w.market
    member, outsider, customer = m.crew[0], m.outsider, m.customer
    own = f"user:{member.id}"
    await ok(await client.post(f"/v1/payees/{own}/onboarding", headers=member.headers, json=URLS))
    routes: list[tuple[str, str, dict[str, Any] | None]] = []
    for payee in (w.org, own):
        routes += [
            ("POST", f"/v1/payees/{payee}/onboarding", URLS),
            ("POST", f"/v1/payees/{payee}/onboarding/refresh", None),
            ("GET", f"/v1/payees/{payee}/payout-account", None),
            ("GET", f"/v1/payees/{payee}/payout-preferences", None),
            ("PUT", f"/v1/payees/{payee}/payout-preferences", {"schedule": "manual"}),
            ("POST", f"/v1/payees/{payee}/payouts", {"amount": {"amount": 500, "currency": "USD"}}),
            ("GET", f"/v1/payees/{payee}/payouts", None),
            ("GET", f"/v1/payees/{payee}/balance", None),
        ]
    routes += [("GET", f"/v1/orgs/{m.org_id}/crew-split", None),
               ("PUT", f"/v1/orgs/{m.org_id}/crew-split", {"mode": "lead_bonus", "lead_bonus_bps": 5000})]
    for who in (outsider, customer):
        for method, path, body in routes:
            response = await client.request(method, path, headers=who.headers, json=body)
            await problem(response, 404, "not_found")
    # A serviceman of the organisation is not its manager: the organisation's payouts are not theirs.
    for method, path, body in routes:
        if own in path:
            continue
        await problem(await client.request(method, path, headers=member.headers, json=body), 404, "not_found")
    # Nothing changed, and the owners still see their own.
    assert await AuditRecord.filter(action__in=["payout.requested", "payout.preferences_changed",
                                                "payout.crew_split_changed"]).count() == 0
    assert (await ok(await client.get("/v1/payees/me/payout-account", headers=member.headers)))["onboarded"] is True
    assert (await ok(await client.get(f"/v1/orgs/{m.org_id}/crew-split", headers=m.provider.headers)))["version"] == 0
    # Admins read and manage, but never take a payee's money out.
    await ok(await client.get(f"/v1/payees/{w.org}/payouts", headers=m.admin.headers))
    await problem(await client.post(f"/v1/payees/{w.org}/payouts", headers=m.admin.headers,
                                    json={"currency": "USD"}), 404, "not_found")
    # Unknown or malformed payees are not found, never a 5xx.
    for payee in ("org:nope", "user:", "bank:1", f"org:{m.customer.id}"):
        await problem(await client.get(f"/v1/payees/{payee}/balance", headers=m.admin.headers), 404, "not_found")


async def test_promotional_credit_is_ledgered_visible_and_not_withdrawable(sandbox_world: World) -> None:
    w = sandbox_world
    client, m = w.client, w.market
    grant = {"user_id": m.customer.id, "amount": {"amount": 500, "currency": "USD"}, "reason": "sorry for the wait"}
    await problem(await client.post("/v1/admin/promo-credits", headers=m.provider.headers, json=grant),
                  403, "forbidden")
    granted = await ok(await client.post("/v1/admin/promo-credits", headers=m.admin.headers, json=grant), 201)
    assert granted["currencies"][0]["promo_credit"] == 500
    mine = await balance_of(w, "me", m.customer)
    assert mine["usd"]["promo_credit"] == 500 and mine["usd"]["withdrawable"] == 0
    await problem(await client.post("/v1/payees/me/payouts", headers=m.customer.headers,
                                    json={"amount": {"amount": 500, "currency": "USD"}}), 409, "conflict")
    expense = await ledger.balance(ledger.AccountKey(ledger.AccountKind.PROMO_EXPENSE, "platform", "USD"))
    assert expense.posted == 500
    assert await AuditRecord.filter(action="promo.granted", subject_id=m.customer.id).count() == 1


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
