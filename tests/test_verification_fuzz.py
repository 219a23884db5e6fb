"""schemathesis over the verification routes (issue 15), the way tests/test_openapi_fuzz.py runs
the whole spec: as the demo customer with edge values and negative data, then as the demo admin
with valid data (it approves, rejects and edits requirements). No 5xx, every response as documented."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import tests.test_openapi_fuzz as whole_spec
from app.seed import DEMO_PASSWORD, demo_email
from tests.conftest import AppFactory
from tests.support.verification import submit

pytestmark = pytest.mark.timeout(300)

PATHS = whole_spec.AREAS["test_verification_fuzz"]  # the whole-spec passes leave these to this module
ROUTES = 11


@dataclass
class _Login:
    id: str
    headers: dict[str, str]


async def _seeded_with_a_document(make_client: AppFactory):  # type: ignore[no-untyped-def]
    client, ids = await whole_spec.seeded(make_client)
    login = await client.post("/v1/auth/login", json={"email": demo_email("serviceman"), "password": DEMO_PASSWORD})
    body = await login.json()
    who = _Login(body["user"]["id"], {"Authorization": f"Bearer {body['access_token']}"})
    made = [await submit(client, who, who.id, kind) for kind in ("photo_id", "insurance")]  # type: ignore[arg-type]
    ids.update({"document_id": [d["id"] for d in made], "category": ["gas", "gas.boiler-service", "plumbing"]})
    return client, ids


async def test_verification_routes_as_the_demo_customer(make_client: AppFactory) -> None:
    client, ids = await _seeded_with_a_document(make_client)
    await whole_spec.fuzz_routes(client, "customer", ids, PATHS, edges=True, paths=ROUTES, label="verification")


async def test_verification_routes_in_depth_as_the_demo_admin(make_client: AppFactory) -> None:
    client, ids = await _seeded_with_a_document(make_client)
    await whole_spec.fuzz_routes(client, "admin", ids, PATHS, edges=False, paths=ROUTES, label="verification")
