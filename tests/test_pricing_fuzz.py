"""schemathesis over the pricing routes only (quotes, rules, pricing profiles), the same way
tests/test_openapi_fuzz.py runs the whole spec: as the demo customer with edge values and
negative data, then as the demo admin with valid data deep into the domain. No 5xx, and every
response as documented."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

import tests.test_openapi_fuzz as whole_spec
from app.seed import demo_email, populate
from domain.accounts.passwords import Argon2Params, Passwords
from tests.conftest import AppFactory

pytestmark = pytest.mark.timeout(300)

PRICING_PATHS = ("/v1/quotes", "/v1/pricing/", "/pricing-profile")


def pricing_only(spec: dict[str, Any]) -> dict[str, Any]:
    return {**spec, "paths": {path: ops for path, ops in spec["paths"].items()
                              if any(part in path for part in PRICING_PATHS)}}


async def _fuzz(client: TestClient, login: str, ids: dict[str, list[str]], *, edges: bool) -> None:
    spec = pricing_only(await (await client.get("/v1/openapi.json")).json())
    assert len(spec["paths"]) == 10
    base_url = str(client.make_url("")).rstrip("/")
    started = time.monotonic()
    config = whole_spec.fuzz_config(base_url, demo_email(login), ids, edges=edges)
    report = await asyncio.to_thread(whole_spec.run_fuzz, spec, config)
    print(f"\nschemathesis (pricing) as the demo {login}: {report.requests} requests in "
          f"{time.monotonic() - started:.1f}s, statuses {dict(sorted(report.statuses.items()))}")
    assert report.requests > 100
    assert not report.failures, "\n".join(sorted(set(report.failures))[:50])


@pytest.fixture
async def seeded(make_client: AppFactory) -> tuple[TestClient, dict[str, list[str]]]:
    client = await make_client(login_failures_per_source=1000)
    await populate(Passwords(Argon2Params(1, 8192, 1)))
    return client, await whole_spec.seeded_ids()


async def test_pricing_routes_as_the_demo_customer(seeded: tuple[TestClient, dict[str, list[str]]]) -> None:
    client, ids = seeded
    await _fuzz(client, "customer", ids, edges=True)


async def test_pricing_routes_in_depth_as_the_demo_admin(seeded: tuple[TestClient, dict[str, list[str]]]) -> None:
    client, ids = seeded
    await _fuzz(client, "admin", ids, edges=False)
