"""schemathesis over the trust-and-safety routes (issue 15), the way tests/test_openapi_fuzz.py
runs the whole spec: as the demo customer with edge values, then as the demo admin deep into the
queue and the payment holds. No 5xx, and every response as documented."""

from __future__ import annotations

from typing import Any

import pytest

import tests.test_openapi_fuzz as whole_spec
from app.seed import DEMO_PASSWORD, demo_email
from domain.accounts.models import User
from domain.finance.cases.models import PaymentCase
from domain.safety.models import ModerationItem, PaymentHold
from tests.conftest import AppFactory

pytestmark = pytest.mark.timeout(300)

PATHS = whole_spec.AREAS["test_safety_fuzz"]  # the whole-spec passes leave these to this module
ROUTES = 7


async def _with_reports(make_client: AppFactory) -> tuple[Any, dict[str, list[str]]]:
    client, ids = await whole_spec.seeded(make_client)
    login = await client.post("/v1/auth/login", json={"email": demo_email("customer"), "password": DEMO_PASSWORD})
    headers = {"Authorization": f"Bearer {(await login.json())['access_token']}"}
    customer = await User.get(email=demo_email("customer"))
    for user_id in ids["user_id"][:6]:
        await client.post("/v1/reports", headers=headers, json={"kind": "user", "subject_id": user_id,
                                                               "reason": "spam"})
    # Two of the customer's bookings paid and held. Not simply the first two ids: those come in no
    # set order, and a booking the seed completed or cancelled cannot be checked out.
    answers: dict[str, int] = {}
    held = 0
    for booking_id in sorted(ids["booking_id"]):
        if held == 2:
            break
        checkout = await client.post(f"/v1/bookings/{booking_id}/checkout", headers=headers,
                                     json={"payment_method": "pm_card_visa"})
        answers[booking_id] = checkout.status
        if checkout.status == 201:
            case = await PaymentCase.get(booking_id=booking_id)
            await PaymentHold.get_or_create(case_id=case.id, defaults={"customer_id": customer.id,
                                                                       "rules": {"first_high_value": {}}})
            held += 1
    ids["item_id"] = [str(i) for i in await ModerationItem.all().values_list("id", flat=True)]
    ids["hold_id"] = [str(i) for i in await PaymentHold.all().values_list("id", flat=True)]
    assert ids["item_id"] and ids["hold_id"], f"nothing to fuzz: checkouts answered {answers}"
    return client, ids


async def test_safety_routes_as_the_demo_customer(make_client: AppFactory) -> None:
    client, ids = await _with_reports(make_client)
    await whole_spec.fuzz_routes(client, "customer", ids, PATHS, edges=True, paths=ROUTES, label="safety")


async def test_safety_routes_in_depth_as_the_demo_admin(make_client: AppFactory) -> None:
    client, ids = await _with_reports(make_client)
    await whole_spec.fuzz_routes(client, "admin", ids, PATHS, edges=False, paths=ROUTES, label="safety")
