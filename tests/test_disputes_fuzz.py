"""schemathesis over the dispute routes (issue 14, acceptance 5), the way tests/test_openapi_fuzz.py
runs the whole spec: as the demo customer with edge values and negative data on a world where
they have open disputes, then as the demo admin deep into the domain. No 5xx, and every response
as documented."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

import tests.test_openapi_fuzz as whole_spec
from app.seed import DEMO_PASSWORD, demo_email
from domain.accounts.models import User
from domain.bookings.models import Booking
from domain.disputes.models import Dispute
from domain.finance.cases.models import CaseState, PaymentCase
from tests.conftest import AppFactory

pytestmark = pytest.mark.timeout(300)

PATHS = whole_spec.AREAS["test_disputes_fuzz"]  # the whole-spec passes leave these to this module
ROUTES = 11


async def _with_disputes(make_client: AppFactory) -> tuple[Any, dict[str, list[str]]]:
    client, ids = await whole_spec.seeded(make_client)
    login = await client.post("/v1/auth/login", json={"email": demo_email("customer"), "password": DEMO_PASSWORD})
    headers = {"Authorization": f"Bearer {(await login.json())['access_token']}"}
    customer = await User.get(email=demo_email("customer"))
    for booking in await Booking.filter(customer_id=customer.id).limit(8):
        await client.post(f"/v1/bookings/{booking.id}/checkout", headers=headers,
                          json={"payment_method": "pm_card_visa"})
    deadline = time.monotonic() + 20
    while not await PaymentCase.filter(state=CaseState.HELD).exists():
        assert time.monotonic() < deadline, "no demo payment was captured"
        await asyncio.sleep(0.1)
    for case in await PaymentCase.filter(state__in=[CaseState.HELD, CaseState.RELEASE_PENDING]):
        await client.post(f"/v1/bookings/{case.booking_id}/disputes", headers=headers, json={
            "reason": "poor_quality", "description": "fuzz", "claimed": {"amount": 100, "currency": case.currency}})
    ids["dispute_id"] = [str(i) for i in await Dispute.all().values_list("id", flat=True)]
    assert ids["dispute_id"], "no dispute to fuzz"
    ids["case_id"] = [str(i) for i in await PaymentCase.all().values_list("id", flat=True)]
    return client, ids


async def test_dispute_routes_as_the_demo_customer(make_client: AppFactory) -> None:
    client, ids = await _with_disputes(make_client)
    await whole_spec.fuzz_routes(client, "customer", ids, PATHS, edges=True, paths=ROUTES, label="disputes")


async def test_dispute_routes_in_depth_as_the_demo_admin(make_client: AppFactory) -> None:
    client, ids = await _with_disputes(make_client)
    await whole_spec.fuzz_routes(client, "admin", ids, PATHS, edges=False, paths=ROUTES, label="disputes")
