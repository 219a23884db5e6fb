"""The creation studio over HTTP: drafts, autosave with versions, preview, submit, review,
archive, the public catalogue and who may do what."""

from __future__ import annotations

from domain.catalog.models import Service
from domain.shared.outbox import OutboxEvent
from tests.support.catalog import complete_fields, create_service, make_zone, published_service
from tests.support.identity import join_org, make_admin, register


async def _org(client, owner, *crew):
    response = await client.post("/v1/orgs", headers=owner.headers, json={"name": "Drip Ltd"})
    org_id = (await response.json())["id"]
    for member, role in crew:
        await join_org(client, owner, org_id, member, role)
    return org_id


async def test_the_taxonomy_is_seeded_and_public(client):
    response = await client.get("/v1/categories")
    assert response.status == 200
    trades = (await response.json())["categories"]
    ids = [trade["id"] for trade in trades]
    assert {"plumbing", "electrical", "cleaning", "carpentry", "painting", "appliance-repair", "hvac",
            "gardening"} <= set(ids)
    plumbing = trades[ids.index("plumbing")]
    assert 3 <= len(plumbing["children"]) <= 5
    assert all(child["id"].startswith("plumbing.") and child["parent_id"] == "plumbing"
               for child in plumbing["children"])


async def test_draft_to_published_with_events(client):
    admin, provider = await make_admin(client), await register(client, "provider")
    zone_id = await make_zone()
    org_id = await _org(client, provider)
    draft = await create_service(client, provider, {"owner_org_id": org_id, "title": "Tap"})
    assert (draft["state"], draft["version"], draft["owner_org_id"]) == ("draft", 1, org_id)

    saved = await client.patch(f"/v1/services/{draft['id']}", headers=provider.headers,
                               json={"version": 1, **complete_fields(zone_id)})
    assert saved.status == 200, await saved.text()
    body = await saved.json()
    assert body["version"] == 2 and body["price"] == {"amount": 4500, "currency": "USD"}

    anonymous = await client.get(f"/v1/services/{draft['id']}")
    assert anonymous.status == 404  # drafts are private

    for step, who, state in (("submit", provider, "in_review"), ("publish", admin, "published")):
        response = await client.post(f"/v1/services/{draft['id']}/{step}", headers=who.headers)
        assert response.status == 200, await response.text()
        assert (await response.json())["state"] == state

    public = await client.get(f"/v1/services/{draft['id']}")
    assert public.status == 200 and (await public.json())["published_at"] is not None
    types = [e.type for e in await OutboxEvent.filter(key=draft["id"]).order_by("id")]
    assert types == ["service.created", "service.updated", "service.submitted", "service.published"]


async def test_stale_autosave_is_409_with_the_current_version_and_changes_nothing(client):
    serviceman = await register(client, "serviceman")
    draft = await create_service(client, serviceman, {"title": "First"})
    first = await client.patch(f"/v1/services/{draft['id']}", headers=serviceman.headers,
                               json={"version": 1, "title": "Second"})
    assert first.status == 200
    stale = await client.patch(f"/v1/services/{draft['id']}", headers=serviceman.headers,
                               json={"version": 1, "title": "From another tab", "duration_minutes": 30})
    assert stale.status == 409
    problem = await stale.json()
    assert problem["code"] == "conflict" and problem["details"]["version"] == 2
    stored = await Service.get(id=draft["id"])
    assert (stored.title, stored.version, stored.duration_minutes) == ("Second", 2, None)


async def test_submit_lists_every_missing_field_and_preview_agrees(client):
    serviceman = await register(client, "serviceman")
    draft = await create_service(client, serviceman, {"title": "Only a title", "price": {"amount": 0}})
    preview = await client.get(f"/v1/services/{draft['id']}/preview", headers=serviceman.headers)
    assert preview.status == 200
    shown = await preview.json()
    missing = {m["field"] for m in shown["missing"]}
    assert shown["complete"] is False
    assert missing == {"description", "category_id", "price", "duration_minutes", "zone_ids"}
    assert shown["service"]["title"] == "Only a title" and shown["owner_name"] == "Test User"

    submitted = await client.post(f"/v1/services/{draft['id']}/submit", headers=serviceman.headers)
    assert submitted.status == 422
    problem = await submitted.json()
    assert problem["code"] == "validation_failed"
    assert {e["field"] for e in problem["errors"]} == missing
    assert (await Service.get(id=draft["id"])).state == "draft"


async def test_complete_preview_and_unknown_references(client):
    serviceman = await register(client, "serviceman")
    zone_id = await make_zone()
    draft = await create_service(client, serviceman, complete_fields(zone_id))
    shown = await (await client.get(f"/v1/services/{draft['id']}/preview", headers=serviceman.headers)).json()
    assert shown["complete"] is True and shown["category"]["id"] == "plumbing.leak-repair"
    for bad in ({"category_id": "plumbing.nope"}, {"zone_ids": ["0b0e2f0c-5b7e-4a7f-9d69-3f1d2c4b5a69"]},
                {"price": {"amount": 100, "currency": "XXX"}}, {"media": [{"url": "http://insecure.example/a.png"}]}):
        response = await client.patch(f"/v1/services/{draft['id']}", headers=serviceman.headers,
                                      json={"version": 1, **bad})
        assert response.status == 422, bad
    assert (await Service.get(id=draft["id"])).version == 1


async def test_illegal_transitions_are_409_and_leave_the_state(client):
    admin, serviceman = await make_admin(client), await register(client, "serviceman")
    zone_id = await make_zone()
    draft = await create_service(client, serviceman, complete_fields(zone_id))
    sid = draft["id"]
    publish_draft = await client.post(f"/v1/services/{sid}/publish", headers=admin.headers)
    assert publish_draft.status == 409 and (await publish_draft.json())["code"] == "conflict"
    assert (await client.post(f"/v1/services/{sid}/submit", headers=serviceman.headers)).status == 200
    self_publish = await client.post(f"/v1/services/{sid}/publish", headers=serviceman.headers)
    assert self_publish.status == 403  # an owner does not approve their own listing
    edit_in_review = await client.patch(f"/v1/services/{sid}", headers=serviceman.headers,
                                        json={"version": 2, "title": "Sneaky"})
    assert edit_in_review.status == 409
    rejected = await client.post(f"/v1/services/{sid}/reject", headers=admin.headers, json={"reason": "photos"})
    assert (await rejected.json())["state"] == "draft"
    assert (await client.post(f"/v1/services/{sid}/archive", headers=serviceman.headers)).status == 200
    again = await client.post(f"/v1/services/{sid}/submit", headers=serviceman.headers)
    assert again.status == 409
    stored = await Service.get(id=sid)
    assert (stored.state, stored.title, stored.version) == ("archived", "Fix a dripping tap", 4)


async def test_who_may_touch_a_listing(client):
    provider, manager, crew = (await register(client, "provider"), await register(client, "customer"),
                               await register(client, "serviceman"))
    stranger, customer = await register(client, "provider"), await register(client, "customer")
    org_id = await _org(client, provider, (manager, "manager"), (crew, "serviceman"))
    draft = await create_service(client, manager, {"owner_org_id": org_id, "title": "By a manager"})
    url = f"/v1/services/{draft['id']}"
    assert (await client.get(url, headers=crew.headers)).status == 200  # the crew sees drafts
    assert (await client.patch(url, headers=crew.headers, json={"version": 1, "title": "x"})).status == 403
    assert (await client.patch(url, headers=stranger.headers, json={"version": 1, "title": "x"})).status == 404
    assert (await client.get(url, headers=stranger.headers)).status == 404
    assert (await client.get(f"{url}/preview", headers=stranger.headers)).status == 404
    assert (await client.post(f"{url}/archive", headers=stranger.headers)).status == 404
    assert (await client.get("/v1/services/not-a-uuid")).status == 404
    for who, body, status in ((stranger, {"owner_org_id": org_id}, 404), (crew, {"owner_org_id": org_id}, 403),
                              (customer, {}, 403), (provider, {}, 403)):
        response = await client.post("/v1/services", headers=who.headers, json=body)
        assert response.status == status, (who.roles, body)
    assert (await Service.get(id=draft["id"])).title == "By a manager"


async def test_packages_bundle_published_services_of_the_same_owner(client):
    admin, serviceman, other = await make_admin(client), await register(client, "serviceman"), await register(
        client, "serviceman")
    zone_id = await make_zone()
    one = await published_service(client, serviceman, admin, zone_id)
    two = await published_service(client, serviceman, admin, zone_id, title="Unclog a drain")
    foreign = await published_service(client, other, admin, zone_id)
    draft_part = await create_service(client, serviceman, complete_fields(zone_id))

    async def package(*parts):
        items = [{"service_id": part["id"], "quantity": 1} for part in parts]
        created = await create_service(client, serviceman, complete_fields(zone_id, kind="package", items=items))
        return await client.post(f"/v1/services/{created['id']}/submit", headers=serviceman.headers)

    for parts in ((one,), (one, foreign), (one, draft_part)):
        refused = await package(*parts)
        assert refused.status == 422
        assert [e["field"] for e in (await refused.json())["errors"]] == ["items"]
    assert (await package(one, two)).status == 200


async def test_catalogue_filters_and_keyset_pages(client):
    admin, serviceman = await make_admin(client), await register(client, "serviceman")
    centre, harbour = await make_zone("Centre"), await make_zone("Harbour", lng=10.0)
    for index in range(5):
        await published_service(client, serviceman, admin, centre, title=f"Leak fix {index}")
    await published_service(client, serviceman, admin, harbour, title="Paint a fence",
                            category_id="painting.exterior", description="Two coats")
    await create_service(client, serviceman, complete_fields(centre, title="Leak draft"))

    seen, cursor = [], None
    for _ in range(5):
        query = {"zone_id": centre, "limit": "2", **({"cursor": cursor} if cursor else {})}
        page = await (await client.get("/v1/services", params=query)).json()
        seen += [item["title"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == [f"Leak fix {i}" for i in range(5)]  # every published one once, no drafts

    painting = await (await client.get("/v1/services", params={"category_id": "painting"})).json()
    assert [item["title"] for item in painting["items"]] == ["Paint a fence"]
    words = await (await client.get("/v1/services", params={"q": "coats"})).json()
    assert [item["title"] for item in words["items"]] == ["Paint a fence"]
    bad = await client.get("/v1/services", params={"cursor": "!!!"})
    assert bad.status == 422
