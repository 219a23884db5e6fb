"""Payment calls for the policy matrix and the IDOR test: a paid world booking whose payment is
captured (held) before a refund or a release is tried."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from aiohttp.test_utils import TestClient

from app.bootstrap import CONTAINER
from domain.finance import ledger
from domain.finance.cases.models import PaymentCase
from domain.finance.cases.services import PaymentCases
from domain.finance.gateway.port import AccountRequest
from domain.finance.ledger.models import LedgerEntry
from domain.shared.outbox import OutboxEvent
from tests.support.bookings import Market, act, fetch, iso, ok, slot
from tests.support.bus import wait_until
from tests.support.identity import Account
from tests.support.waiting import wait_for_value


async def payment_of(client: TestClient, customer: Account, booking_id: str) -> dict[str, Any]:
    response = await client.get(f"/v1/bookings/{booking_id}/payment", headers=customer.headers)
    assert response.status == 200, await response.text()
    return dict(await response.json())


async def held_payment(client: TestClient, customer: Account, booking_id: str, timeout: float = 15) -> dict[str, Any]:
    """The booking's payment once the provider's accept has captured it."""
    return await wait_for_value(lambda: payment_of(client, customer, booking_id),
                                lambda found: found["state"] == "held", timeout, "the payment held")


def checkout_call() -> Callable:
    """The world customer pays the accepted world booking, in two milestones."""

    async def run(client: TestClient, world: Any, who: Account | None) -> int:
        booking = await (await client.get(f"/v1/bookings/{world.booking_id}", headers=world.customer.headers)).json()
        total = booking["total"]["amount"]
        parts = [{"title": "first", "amount": total // 2}, {"title": "rest", "amount": total - total // 2}]
        body = {"payment_method": "pm_card_visa", "milestones": parts}
        response = await client.post(f"/v1/bookings/{world.booking_id}/checkout", json=body,
                                     headers=who.headers if who else {})
        return response.status

    return run


def case_call(action: str, body: dict[str, Any]) -> Callable:
    """POST /v1/payment-cases/{id}/{action} on the world booking's payment, once captured."""

    async def run(client: TestClient, world: Any, who: Account | None) -> int:
        case = await held_payment(client, world.customer, world.booking_id) if action == "refund" else \
            await payment_of(client, world.customer, world.booking_id)
        response = await client.post(f"/v1/payment-cases/{case['id']}/{action}", json=body,
                                     headers=who.headers if who else {})
        return response.status

    return run


# The worker runs often; the timers only when a test calls them (with the clock it wants).
FAST = {"payment_operations_interval_seconds": 0.05, "payment_timers_interval_seconds": 3600.0,
        "booking_open_requests_per_customer": 100, "booking_open_requests_per_serviceman": 100}


def payments_of(client: TestClient) -> PaymentCases:
    payments = client.server.app[CONTAINER].payments
    assert payments is not None
    return payments


async def problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status == status, await response.text()
    assert response.content_type == "application/problem+json"
    body = dict(await response.json())
    assert body["code"] == code
    return body


async def checkout(client: TestClient, market: Market, booking: dict[str, Any], method: str = "pm_card_visa",
                   status: int = 201, **extra: Any) -> dict[str, Any]:
    response = await client.post(f"/v1/bookings/{booking['id']}/checkout", headers=market.customer.headers,
                                 json={"payment_method": method, **extra})
    return dict(await ok(response, status))


async def case_of(client: TestClient, market: Market, booking_id: str) -> dict[str, Any]:
    response = await client.get(f"/v1/bookings/{booking_id}/payment", headers=market.customer.headers)
    return dict(await ok(response))


async def until_state(client: TestClient, market: Market, booking_id: str, *states: str,
                      timeout: float = 10) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    async def reached() -> bool:
        seen.update(await case_of(client, market, booking_id))
        return seen["state"] in states

    await wait_until(reached, timeout, f"payment in {states}")
    return seen


async def finance_events(case_id: str) -> list[dict[str, Any]]:
    rows = await OutboxEvent.filter(stream="finance", key=f"case:{case_id}").order_by("id").values("type", "body")
    return [{"type": row["type"], **row["body"]["data"]} for row in rows]


async def entries(case_id: str, kind: str) -> int:
    return await LedgerEntry.filter(case_id=case_id, kind=kind).count()


async def balance(kind: ledger.AccountKind, owner: str, currency: str = "USD") -> int:
    return (await ledger.balance(ledger.AccountKey(kind, owner, currency))).posted


async def run_to(client: TestClient, market: Market, booking: dict[str, Any], *steps: str) -> dict[str, Any]:
    lead = market.crew[0]
    current = await fetch(client, lead, booking["id"])
    for step in steps:
        current = await ok(await act(client, lead, current, step))
    return current


_starts = itertools.count(60)


def next_start() -> str:
    return iso(slot(next(_starts) * 3))


def ledger_request(m: Market) -> Any:
    return AccountRequest(country="DE", email=f"{m.org_id}@example.test", business_type="company",
                          idempotency_key=f"acct:{m.org_id}")


async def payee_destination(owner: str, expected: str, account: str) -> str | None:
    return account if owner == expected else None


def final_payment_id(case_id: str, case: PaymentCase) -> str:
    assert case.payment_id is not None
    return case.payment_id
