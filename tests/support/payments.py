"""Payment calls for the policy matrix and the IDOR test: a paid world booking whose payment is
captured (held) before a refund or a release is tried."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from aiohttp.test_utils import TestClient

from tests.support.identity import Account


async def payment_of(client: TestClient, customer: Account, booking_id: str) -> dict[str, Any]:
    response = await client.get(f"/v1/bookings/{booking_id}/payment", headers=customer.headers)
    assert response.status == 200, await response.text()
    return dict(await response.json())


async def held_payment(client: TestClient, customer: Account, booking_id: str, timeout: float = 15) -> dict[str, Any]:
    """The booking's payment once the provider's accept has captured it."""
    deadline = time.monotonic() + timeout
    while (found := await payment_of(client, customer, booking_id))["state"] != "held":
        assert time.monotonic() < deadline, f"payment still {found['state']}"
        await asyncio.sleep(0.05)
    return found


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
