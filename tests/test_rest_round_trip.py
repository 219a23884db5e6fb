"""A representation a GET returns is accepted back by the PUT or PATCH of the same path (issue
16): read-only fields are ignored, and where it carries a `version` that is the precondition (the
same body sent again is stale: 409). The routes table is walked, so a new resource is covered
without touching this test; only its path ids need a value below."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from app.contracts import openapi_document
from rest.routing import ROUTES, Route
from tests.conftest import app_of
from tests.support.catalog import make_zone
from tests.support.identity import Account, join_org, make_admin, register

# Routes of the shape that are not a representation sent back (a file's bytes).
NOT_REPRESENTATIONS = {"/v1/files/{area}/{name}"}


def _pairs(routes: list[Route]) -> list[tuple[Route, Route]]:
    reads = {route.path: route for route in routes if route.method == "GET"}
    return [
        (reads[route.path], route)
        for route in routes
        if route.method in ("PUT", "PATCH") and route.path in reads and route.path not in NOT_REPRESENTATIONS
    ]


async def _world(client: TestClient) -> tuple[dict[str, str], list[Account]]:
    admin = await make_admin(client)
    provider = await register(client, "provider")
    serviceman = await register(client, "serviceman")
    org = await client.post("/v1/orgs", headers=provider.headers, json={"name": "Round Trip Ltd"})
    assert org.status == 201, await org.text()
    org_id = (await org.json())["id"]
    await join_org(client, provider, org_id, serviceman)
    draft = await client.post("/v1/services", headers=provider.headers, json={"owner_org_id": org_id, "title": "Draft"})
    assert draft.status == 201, await draft.text()
    ids = {
        "user_id": serviceman.id,
        "org_id": org_id,
        "zone_id": await make_zone(),
        "service_id": (await draft.json())["id"],
        "payee": f"org:{org_id}",
        "key": "checkout.enabled",  # a built-in flag (docs/flags.md)
    }
    # Callers in the order tried: the first that may write the resource does the round trip.
    return ids, [serviceman, provider, admin]


def _example(document: dict[str, Any], write: Route) -> dict[str, Any]:
    operation = document["paths"][write.openapi_path][write.method.lower()]
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return dict(document["components"]["schemas"][ref.rsplit("/", 1)[1]]["examples"][0])


async def test_every_get_representation_is_accepted_back_by_its_put_or_patch(client: TestClient) -> None:
    pairs = _pairs(app_of(client)[ROUTES])
    assert any(write.path == "/v1/notification-preferences" for _, write in pairs)
    ids, callers = await _world(client)
    document = openapi_document()
    failures = []
    for read, write in pairs:
        url = read.openapi_path.format(**ids)
        answers = []
        for caller in callers:
            shown = await client.get(url, headers=caller.headers)
            if shown.status == 404:  # nothing set yet: set it with the documented example first
                seeded = await client.request(write.method, url, json=_example(document, write), headers=caller.headers)
                answers.append(f"seed {seeded.status}")
                shown = await client.get(url, headers=caller.headers)
            if shown.status != 200:
                answers.append(f"GET {shown.status}")
                continue
            representation = await shown.json()
            sent = await client.request(write.method, url, json=representation, headers=caller.headers)
            answers.append(f"{write.method} {sent.status}")
            assert sent.status != 422, f"{write.method} {url} refused its own GET body: {await sent.text()}"
            if sent.status >= 300:
                continue
            written = await sent.json() if sent.status == 200 else {}
            # A write that changed the version made the body read before it stale (a write that
            # changed nothing may keep the version: sending the same body again is then no conflict).
            if (
                "version" in representation
                and written.get("version", representation["version"]) != representation["version"]
            ):
                stale = await client.request(write.method, url, json=representation, headers=caller.headers)
                if stale.status != 409:
                    failures.append(f"{write.method} {url} took a stale version: {stale.status}")
            break
        else:
            failures.append(f"{write.method} {url}: no caller completed the round trip ({', '.join(answers)})")
    assert not failures, "\n".join(failures)
