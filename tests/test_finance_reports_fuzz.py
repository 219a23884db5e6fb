"""schemathesis over the finance routes only (balances, statements, documents, tax
profiles, the admin report, reconciliation, corrections, the annual export), the way tests/test_openapi_fuzz.py runs the
whole spec: as the demo customer with edge values and negative data, then as the demo admin with
valid data deep into the domain. No 5xx, and every response as documented."""

from __future__ import annotations

import pytest

import tests.test_openapi_fuzz as whole_spec
from tests.conftest import AppFactory

pytestmark = pytest.mark.timeout(300)

PATHS = whole_spec.AREAS["test_finance_reports_fuzz"]  # the whole-spec passes leave these to this module


async def test_finance_routes_as_the_demo_customer(make_client: AppFactory) -> None:
    client, ids = await whole_spec.seeded(make_client)
    await whole_spec.fuzz_routes(client, "customer", ids, PATHS, edges=True, paths=14, label="finance")


async def test_finance_routes_in_depth_as_the_demo_admin(make_client: AppFactory) -> None:
    client, ids = await whole_spec.seeded(make_client)
    await whole_spec.fuzz_routes(client, "admin", ids, PATHS, edges=False, paths=14, label="finance")
