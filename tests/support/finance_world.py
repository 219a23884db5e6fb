"""A payee world for the finance tests in any currency (issue 13 items 8 and 10): an organisation
with one crew member, a customer, an admin and a stranger; services priced in the currency asked for,
bookings paid at checkout, captured and released over HTTP on the sandbox gateway."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from aiohttp.test_utils import TestClient

from app.bootstrap import CONTAINER
from domain.finance.cases.services import PaymentCases
from domain.finance.gateway.models import GatewayEventRecord, InboxState
from domain.finance.gateway.sandbox import SandboxGateway
from domain.shared.clock import utcnow
from tests.support.bookings import CENTRE, act, fetch, iso, make_serviceman, make_zone, ok, slot
from tests.support.bus import wait_until
from tests.support.catalog import published_service
from tests.support.identity import Account, join_org, make_admin, register

FAST = {"payment_operations_interval_seconds": 0.05, "payment_timers_interval_seconds": 3600.0,
        "booking_open_requests_per_customer": 100, "booking_open_requests_per_serviceman": 100}


class World:
    def __init__(self, client: TestClient, admin: Account, customer: Account, provider: Account,
                 crew: list[Account], stranger: Account, org_id: str, zone_id: str) -> None:
        self.client, self.admin, self.customer, self.provider = client, admin, customer, provider
        self.crew, self.stranger, self.org_id, self.zone_id = crew, stranger, org_id, zone_id
        self.services: dict[str, str] = {}

    @property
    def payments(self) -> PaymentCases:
        payments = self.client.server.app[CONTAINER].payments
        assert payments is not None
        return payments

    @property
    def sandbox(self) -> SandboxGateway:
        gateway = self.payments.gateway
        assert isinstance(gateway, SandboxGateway)
        return gateway

    async def service(self, currency: str, price: int) -> str:
        key = f"{currency}:{price}"
        if key not in self.services:
            found = await published_service(self.client, self.provider, self.admin, self.zone_id, org_id=self.org_id,
                                             price={"amount": price, "currency": currency})
            self.services[key] = str(found["id"])
        return self.services[key]


async def build_world(make_client: Callable[..., Any]) -> World:
    client = await make_client(**FAST)
    admin = await make_admin(client)
    zone_id = await make_zone(client, admin, *CENTRE)
    customer = await register(client, "customer", name="Cora")
    provider = await register(client, "provider", name="Pia")
    org = await ok(await client.post("/v1/orgs", headers=provider.headers, json={"name": "Pipes Ltd"}), 201)
    crew = [await make_serviceman(client, [zone_id], name="Crew 0")]
    for member in crew:
        await join_org(client, provider, org["id"], member)
    stranger = await register(client, "provider", name="Stan")
    return World(client, admin, customer, provider, crew, stranger, org["id"], zone_id)


SLOTS = itertools.count()


def half_up(amount: int, bps: int) -> int:
    return (amount * bps * 2 + 10_000) // 20_000


async def case_of(w: World, booking_id: str) -> dict[str, Any]:
    return dict(await ok(await w.client.get(f"/v1/bookings/{booking_id}/payment", headers=w.customer.headers)))


async def until_state(w: World, booking_id: str, *states: str) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    async def reached() -> bool:
        seen.update(await case_of(w, booking_id))
        return seen["state"] in states

    await wait_until(reached, 10, f"payment in {states}")
    return seen


async def paid_booking(w: World, currency: str, price: int, *, release: bool = True) -> tuple[dict[str, Any], str]:
    """A booking in `currency` paid at checkout, accepted (captured), completed and released."""
    service_id = await w.service(currency, price)
    body = {"service_id": service_id, "kind": "scheduled", "start": iso(slot(48 + 3 * next(SLOTS))), "lat": CENTRE[0],
            "lng": CENTRE[1], "serviceman_ids": [w.crew[0].id]}
    booking = await ok(await w.client.post("/v1/bookings", headers=w.customer.headers, json=body), 201)
    paid = await ok(await w.client.post(f"/v1/bookings/{booking['id']}/checkout", headers=w.customer.headers,
                                        json={"payment_method": "pm_card_visa"}), 201)
    lead = w.crew[0]
    current = await fetch(w.client, lead, booking["id"])
    current = await ok(await act(w.client, lead, current, "accept"))
    await until_state(w, booking["id"], "held")
    if release:
        for step in ("schedule", "start", "complete"):
            current = await ok(await act(w.client, lead, current, step))
        await until_state(w, booking["id"], "release_pending")
        assert await w.payments.release_due(utcnow() + timedelta(days=2, minutes=1)) >= 1
        await until_state(w, booking["id"], "released")
    return booking, str(paid["id"])


async def get(w: World, who: Account, url: str, status: int = 200) -> Any:
    response = await w.client.get(url, headers=who.headers)
    assert response.status == status, await response.text()
    if status >= 400:
        assert response.content_type == "application/problem+json"
    return await response.json() if response.content_type.endswith("json") else await response.text()


def balance_in(body: dict[str, Any], currency: str) -> dict[str, Any]:
    return next(b for b in body["balances"] if b["currency"] == currency)


async def webhooks_settled(w: World) -> bool:
    """Every webhook the sandbox sent so far delivered and applied: a late one refetches its
    payment and applies it by its state (a test that loses a later webhook on purpose waits
    for this first, or the late one books what the lost one carried)."""
    return not w.sandbox._webhooks._pending and not await GatewayEventRecord.filter(
        state=InboxState.PENDING).exists()
