"""Catalogue helpers for tests: a zone row, a complete draft, a published listing (via HTTP)."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from domain.zones.models import Zone
from tests.support.identity import Account

CATEGORY = "plumbing.leak-repair"


async def make_zone(name: str = "Centre", lng: float = 13.40, lat: float = 52.52, size: float = 0.05) -> str:
    """A square zone written straight to the database (needs the app's Tortoise: call after
    make_client)."""
    ring = [[lng - size, lat - size], [lng + size, lat - size], [lng + size, lat + size],
            [lng - size, lat + size], [lng - size, lat - size]]
    zone = await Zone.create(name=name, city="Testville", geometry={"type": "Polygon", "coordinates": [ring]},
                             min_lng=lng - size, min_lat=lat - size, max_lng=lng + size, max_lat=lat + size)
    return str(zone.id)


def complete_fields(zone_id: str, **overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "title": "Fix a dripping tap",
        "description": "We come, find the leak and fix it.",
        "category_id": CATEGORY,
        "price": {"amount": 4500, "currency": "USD"},
        "duration_minutes": 60,
        "zone_ids": [zone_id],
    }
    fields.update(overrides)
    return fields


async def create_service(client: TestClient, owner: Account, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/v1/services", headers=owner.headers, json=body)
    assert response.status == 201, await response.text()
    return dict(await response.json())


async def published_service(client: TestClient, owner: Account, admin: Account, zone_id: str,
                            org_id: str | None = None, **overrides: Any) -> dict[str, Any]:
    """A listing taken through draft -> in review -> published over HTTP."""
    body = complete_fields(zone_id, **overrides)
    if org_id is not None:
        body["owner_org_id"] = org_id
    service = await create_service(client, owner, body)
    submitted = await client.post(f"/v1/services/{service['id']}/submit", headers=owner.headers)
    assert submitted.status == 200, await submitted.text()
    published = await client.post(f"/v1/services/{service['id']}/publish", headers=admin.headers)
    assert published.status == 200, await published.text()
    return dict(await published.json())
