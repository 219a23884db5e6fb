"""Provider storefronts: public front with published listings and rating; edited by the
business's owner and managers only, with https-only links and bounded lists."""

from __future__ import annotations

from domain.accounts.models import Organisation
from domain.shared.outbox import OutboxEvent
from tests.support.catalog import create_service, make_zone, published_service
from tests.support.identity import join_org, make_admin, register

FRONT = {
    "headline": "Leaks fixed today",
    "bio": "Family plumbers since 1990.",
    "banner": {"url": "https://cdn.example.com/banner.jpg"},
    "galleries": [{"title": "Bathrooms", "media": [{"url": "https://cdn.example.com/1.jpg", "caption": "After"}]}],
    "social_links": {"website": "https://drip.example.com", "instagram": "https://instagram.com/drip"},
}


async def test_storefront_shows_published_services_and_rating(client):
    admin, provider, crew = await make_admin(client), await register(client, "provider"), await register(
        client, "serviceman")
    org_id = (await (await client.post("/v1/orgs", headers=provider.headers, json={"name": "Drip"})).json())["id"]
    await join_org(client, provider, org_id, crew)
    empty = await client.get(f"/v1/storefronts/{org_id}")
    assert empty.status == 200
    assert (await empty.json())["version"] == 0 and (await empty.json())["rating"] is None

    zone_id = await make_zone()
    listed = await published_service(client, provider, admin, zone_id, org_id=org_id)
    await create_service(client, provider, {"owner_org_id": org_id, "title": "Secret draft"})
    await Organisation.filter(id=org_id).update(rating_sum=9, rating_count=2)

    saved = await client.put(f"/v1/orgs/{org_id}/storefront", headers=provider.headers, json=FRONT)
    assert saved.status == 200, await saved.text()
    front = await (await client.get(f"/v1/storefronts/{org_id}")).json()
    assert front["name"] == "Drip" and front["headline"] == FRONT["headline"] and front["version"] == 1
    assert front["social_links"] == FRONT["social_links"] and front["galleries"][0]["media"][0]["caption"] == "After"
    assert [s["id"] for s in front["services"]] == [listed["id"]]
    assert (front["rating"], front["rating_count"]) == (4.5, 2)
    assert await OutboxEvent.filter(type="storefront.updated", key=org_id).count() == 1

    assert (await client.put(f"/v1/orgs/{org_id}/storefront", headers=crew.headers, json=FRONT)).status == 403
    stale = await client.put(f"/v1/orgs/{org_id}/storefront", headers=provider.headers,
                             json={**FRONT, "headline": "Old tab", "version": 0})
    assert stale.status == 409 and (await stale.json())["details"]["version"] == 1
    assert (await (await client.get(f"/v1/storefronts/{org_id}")).json())["headline"] == FRONT["headline"]


async def test_storefront_validation_and_unknown_orgs(client):
    provider = await register(client, "provider")
    org_id = (await (await client.post("/v1/orgs", headers=provider.headers, json={"name": "Drip"})).json())["id"]
    url = f"/v1/orgs/{org_id}/storefront"
    for bad in ({"social_links": {"website": "http://drip.example.com"}},
                {"social_links": {"myspace": "https://myspace.com/drip"}},
                {"banner": {"url": "javascript:alert(1)"}},
                {"galleries": [{"title": "g"}] * 11},
                {"headline": "x" * 161}):
        response = await client.put(url, headers=provider.headers, json=bad)
        assert response.status == 422, bad
    assert (await client.get("/v1/storefronts/not-an-id")).status == 404
    assert (await client.get("/v1/storefronts/4d8b1c52-47c4-4a53-9d0c-2f3a9c1e7b11")).status == 404
