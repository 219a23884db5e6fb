"""Serviceman profiles over HTTP: lazily created, public to signed-in users, written only by
the serviceman (or an admin), categories checked against the taxonomy, versioned writes."""

from __future__ import annotations

from domain.catalog.taxonomy import ensure_reference_data
from domain.shared.outbox import OutboxEvent
from tests.support.identity import join_org, make_admin, register


def profile(**overrides) -> dict:
    return {"bio": "Twenty years of pipes.", "category_ids": ["plumbing", "plumbing.leak-repair"],
            "home_lat": 52.52, "home_lng": 13.40, **overrides}


async def test_a_profile_exists_before_its_first_save_and_anyone_signed_in_reads_it(client):
    serviceman = await register(client, "serviceman")
    customer = await register(client, "customer")
    url = f"/v1/servicemen/{serviceman.id}/profile"
    assert (await client.get(url)).status == 401
    response = await client.get(url, headers=customer.headers)
    assert response.status == 200
    body = await response.json()
    assert (body["version"], body["category_ids"], body["rating"], body["completed_jobs"]) == (0, [], None, 0)
    assert body["updated_at"] is None and body["name"] == "Test User"
    for not_a_serviceman in (customer.id, "not-a-uuid", "00000000-0000-0000-0000-000000000000"):
        missing = await client.get(f"/v1/servicemen/{not_a_serviceman}/profile", headers=customer.headers)
        assert missing.status == 404 and (await missing.json())["code"] == "not_found"


async def test_the_serviceman_writes_their_profile_with_known_categories(client):
    await ensure_reference_data()
    serviceman = await register(client, "serviceman")
    url = f"/v1/servicemen/{serviceman.id}/profile"
    saved = await client.put(url, headers=serviceman.headers, json=profile(version=0))
    assert saved.status == 200, await saved.text()
    body = await saved.json()
    assert body["version"] == 1 and body["category_ids"] == ["plumbing", "plumbing.leak-repair"]
    assert (body["home_lat"], body["home_lng"]) == (52.52, 13.40)

    same = await client.put(url, headers=serviceman.headers, json=profile())  # nothing changed: no new version
    assert (await same.json())["version"] == 1
    moved = await client.put(url, headers=serviceman.headers, json=profile(home_lat=None, home_lng=None, version=1))
    assert (await moved.json())["version"] == 2
    stale = await client.put(url, headers=serviceman.headers, json=profile(version=1))
    assert stale.status == 409 and (await stale.json())["code"] == "conflict"

    unknown = await client.put(url, headers=serviceman.headers, json=profile(category_ids=["plumbing", "alchemy"]))
    problem = await unknown.json()
    assert unknown.status == 422 and [e["field"] for e in problem["errors"]] == ["category_ids.1"]
    half_home = await client.put(url, headers=serviceman.headers, json=profile(home_lng=None))
    assert half_home.status == 422
    out_of_range = await client.put(url, headers=serviceman.headers, json=profile(home_lat=95))
    assert out_of_range.status == 422

    events = await OutboxEvent.filter(type="serviceman_profile.updated", key=serviceman.id).order_by("id")
    assert [e.body["data"]["version"] for e in events] == [1, 2]
    assert events[0].body["actor_id"] == serviceman.id


async def test_only_the_serviceman_or_an_admin_writes_the_profile(client):
    await ensure_reference_data()
    serviceman = await register(client, "serviceman")
    other = await register(client, "serviceman")
    provider = await register(client, "provider")
    admin = await make_admin(client)
    org = await (await client.post("/v1/orgs", headers=provider.headers, json={"name": "Pipes"})).json()
    await join_org(client, provider, org["id"], serviceman)
    url = f"/v1/servicemen/{serviceman.id}/profile"
    for intruder in (other, provider):  # even their manager: the profile is the person's own
        response = await client.put(url, headers=intruder.headers, json=profile())
        assert response.status == 403 and (await response.json())["code"] == "forbidden"
    assert (await (await client.get(url, headers=other.headers)).json())["version"] == 0
    by_admin = await client.put(url, headers=admin.headers, json=profile(bio="Checked by support."))
    assert by_admin.status == 200 and (await by_admin.json())["bio"] == "Checked by support."
