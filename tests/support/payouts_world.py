"""A payee world for the payout tests (issue 13 item 7): the bookings market with its organisation,
on the sandbox gateway or on the Stripe adapter (localstripe for the payment, FakeStripeConnect for
Connect), and the calls the tests share: onboard, release a booking, read payouts and balances."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import stripe
from aiohttp.test_utils import TestClient

from app.bootstrap import CONTAINER
from domain.finance import ledger
from domain.finance.gateway.sandbox import SandboxGateway
from domain.finance.payouts.services import Payouts
from domain.shared.clock import utcnow
from tests.support.bookings import Market, book, build_market, ok
from tests.support.bus import wait_until
from tests.support.gateways import WEBHOOK_SECRET
from tests.support.stripe_connect_fake import FakeStripeConnect
from tests.support.stripe_services import LOCALSTRIPE_KEY
from tests.test_finance_cases import FAST, checkout, payments_of, run_to, until_state

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
