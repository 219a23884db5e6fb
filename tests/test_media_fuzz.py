"""schemathesis over the upload routes (issue 14, acceptance 5), the way tests/test_openapi_fuzz.py
runs the whole spec: as the demo customer with edge values and negative data, then as the demo
admin with valid data. No 5xx, and every response as documented."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import tests.test_openapi_fuzz as whole_spec
from app.seed import DEMO_PASSWORD, demo_email
from tests.conftest import AppFactory
from tests.support.media import victim_upload

pytestmark = pytest.mark.timeout(300)

PATHS = whole_spec.AREAS["test_media_fuzz"]  # the whole-spec passes leave these to this module


@dataclass
class _Login:
    headers: dict[str, str]


async def _seeded_with_an_upload(make_client: AppFactory):  # type: ignore[no-untyped-def]
    client, ids = await whole_spec.seeded(make_client)
    login = await client.post("/v1/auth/login", json={"email": demo_email("customer"), "password": DEMO_PASSWORD})
    token = (await login.json())["access_token"]
    made = await victim_upload(client, _Login({"Authorization": f"Bearer {token}"}))
    ids.update({"upload_id": [made["upload_id"]], "area": ["objects", "staging"], "name": [made["name"]]})
    return client, ids


async def test_upload_routes_as_the_demo_customer(make_client: AppFactory) -> None:
    client, ids = await _seeded_with_an_upload(make_client)
    await whole_spec.fuzz_routes(client, "customer", ids, PATHS, edges=True, paths=6, label="uploads")


async def test_upload_routes_in_depth_as_the_demo_admin(make_client: AppFactory) -> None:
    client, ids = await _seeded_with_an_upload(make_client)
    await whole_spec.fuzz_routes(client, "admin", ids, PATHS, edges=False, paths=6, label="uploads")
