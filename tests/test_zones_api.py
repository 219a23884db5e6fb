"""Zones over HTTP: admin CRUD, validation problems, point matching on concave and holed
outlines (in-process and cross-process freshness), who works where, and the events."""

from __future__ import annotations

import asyncio

import asyncpg
import orjson

from domain.shared.outbox import OutboxEvent
from domain.zones.index import ZONE_INDEX
from tests.support.identity import join_org, make_admin, register
from tests.support.waiting import wait_for_value

# A U opening north (x = lng, y = lat): the notch is x in (1, 2), y in (1, 3).
U_SHAPE = [[0.0, 0.0], [3.0, 0.0], [3.0, 3.0], [2.0, 3.0], [2.0, 1.0], [1.0, 1.0], [1.0, 3.0], [0.0, 3.0], [0.0, 0.0]]
DONUT = [[[10.0, 0.0], [14.0, 0.0], [14.0, 4.0], [10.0, 4.0], [10.0, 0.0]],
         [[11.0, 1.0], [13.0, 1.0], [13.0, 3.0], [11.0, 3.0], [11.0, 1.0]]]
SQUARE = [[[20.0, 0.0], [21.0, 0.0], [21.0, 1.0], [20.0, 1.0], [20.0, 0.0]]]


def body(name: str, rings: list, city: str = "Springfield") -> dict:
    return {"name": name, "city": city, "geometry": {"type": "Polygon", "coordinates": rings}}


async def create(client, admin, name: str, rings: list, city: str = "Springfield") -> dict:
    response = await client.post("/v1/zones", headers=admin.headers, json=body(name, rings, city))
    assert response.status == 201, await response.text()
    return await response.json()


async def covering(client, lat: float, lng: float) -> set[str]:
    response = await client.get("/v1/zones/match", params={"lat": str(lat), "lng": str(lng)})
    assert response.status == 200, await response.text()
    return {z["name"] for z in (await response.json())["zones"]}


async def test_admin_draws_reads_changes_and_retires_a_zone(client):
    admin = await make_admin(client)
    zone = await create(client, admin, "Old Town", SQUARE)
    assert zone["bbox"] == [20.0, 0.0, 21.0, 1.0] and zone["version"] == 1 and zone["active"] is True
    assert zone["geometry"] == {"type": "Polygon", "coordinates": SQUARE}
    await create(client, admin, "Harbour", DONUT, city="Shelbyville")

    read = await client.get(f"/v1/zones/{zone['id']}")  # public: no token
    assert read.status == 200 and (await read.json())["name"] == "Old Town"
    listed = await (await client.get("/v1/zones", params={"city": "springfield"})).json()
    assert [z["name"] for z in listed["items"]] == ["Old Town"]

    renamed = await client.patch(f"/v1/zones/{zone['id']}", headers=admin.headers,
                                 json={"name": "Old Town Centre", "version": 1})
    assert renamed.status == 200 and (await renamed.json())["version"] == 2
    stale = await client.patch(f"/v1/zones/{zone['id']}", headers=admin.headers, json={"name": "X", "version": 1})
    assert stale.status == 409 and (await stale.json())["code"] == "conflict"

    assert await covering(client, 0.5, 20.5) == {"Old Town Centre"}
    gone = await client.delete(f"/v1/zones/{zone['id']}", headers=admin.headers)
    assert gone.status == 204
    after = await (await client.get(f"/v1/zones/{zone['id']}")).json()
    assert after["active"] is False and after["version"] == 3
    assert await covering(client, 0.5, 20.5) == set()
    assert [z["name"] for z in (await (await client.get("/v1/zones")).json())["items"]] == ["Harbour"]
    everything = await (await client.get("/v1/zones", params={"include_inactive": "true"})).json()
    assert len(everything["items"]) == 2

    events = await OutboxEvent.filter(key=zone["id"]).order_by("id").values_list("type", flat=True)
    assert events == ["zone.created", "zone.updated", "zone.deleted"]


async def test_only_admins_write_zones(client):
    admin = await make_admin(client)
    provider = await register(client, "provider")
    zone = await create(client, admin, "Old Town", SQUARE)
    assert (await client.post("/v1/zones", json=body("X", SQUARE))).status == 401
    for method, url, payload in [("POST", "/v1/zones", body("X", SQUARE)),
                                 ("PATCH", f"/v1/zones/{zone['id']}", {"name": "Mine"}),
                                 ("DELETE", f"/v1/zones/{zone['id']}", None)]:
        response = await client.request(method, url, json=payload, headers=provider.headers)
        assert response.status == 403 and (await response.json())["code"] == "forbidden"
    assert (await (await client.get(f"/v1/zones/{zone['id']}")).json())["version"] == 1
    for bad in ("not-a-uuid", "00000000-0000-0000-0000-000000000000"):
        assert (await client.get(f"/v1/zones/{bad}")).status == 404
        assert (await client.patch(f"/v1/zones/{bad}", headers=admin.headers, json={"name": "x"})).status == 404


async def test_invalid_outlines_are_422_with_the_field_path(client):
    admin = await make_admin(client)
    cases = [
        ("geometry.coordinates.0", body("bowtie", [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]])),
        ("geometry.coordinates.0", body("open", [[[0, 0], [1, 0], [1, 1], [0, 1]]])),
        ("geometry.coordinates.0.1.0", body("far", [[[0, 0], [190, 0], [1, 1], [0, 0]]])),
        ("geometry.coordinates.1", body("hole out", [SQUARE[0], [[0, 0], [0, 1], [1, 1], [0, 0]]])),
    ]
    for field, payload in cases:
        response = await client.post("/v1/zones", headers=admin.headers, json=payload)
        problem = await response.json()
        assert response.status == 422 and problem["code"] == "validation_failed", problem
        assert field in [e["field"] for e in problem["errors"]], (field, problem["errors"])
    point = {"name": "p", "city": "c", "geometry": {"type": "Point", "coordinates": [0, 0]}}
    response = await client.post("/v1/zones", headers=admin.headers, json=point)
    assert response.status == 422 and (await response.json())["code"] == "validation_failed"
    assert (await (await client.get("/v1/zones", params={"include_inactive": "true"})).json())["items"] == []


async def test_match_is_exact_on_a_concave_zone_and_a_zone_with_a_hole(client):
    admin = await make_admin(client)
    await create(client, admin, "U", [U_SHAPE])
    donut = await create(client, admin, "Donut", DONUT)
    assert await covering(client, lat=2.0, lng=1.5) == set()  # the U's notch
    assert await covering(client, lat=2.0, lng=0.5) == {"U"}  # its left arm
    assert await covering(client, lat=0.5, lng=1.5) == {"U"}  # its base, under the notch
    assert await covering(client, lat=2.0, lng=12.0) == set()  # the donut's hole
    assert await covering(client, lat=2.0, lng=10.5) == {"Donut"}  # its ring
    assert await covering(client, lat=-50.0, lng=-50.0) == set()

    # A change is seen by the next lookup in this process: fill the hole.
    filled = await client.patch(f"/v1/zones/{donut['id']}", headers=admin.headers,
                                json={"geometry": {"type": "Polygon", "coordinates": DONUT[:1]}})
    assert filled.status == 200
    assert await covering(client, lat=2.0, lng=12.0) == {"Donut"}
    for bad in ({"lat": "91", "lng": "0"}, {"lat": "0"}, {"lat": "nan", "lng": "0"}, {"lat": "x", "lng": "1"}):
        response = await client.get("/v1/zones/match", params=bad)
        assert response.status == 422 and (await response.json())["code"] == "validation_failed"


async def test_another_process_writing_a_zone_is_seen_within_the_check_interval(client, database_url,
                                                                                 monkeypatch):
    admin = await make_admin(client)
    zone = await create(client, admin, "Donut", DONUT)
    assert await covering(client, lat=2.0, lng=12.0) == set()
    monkeypatch.setattr(ZONE_INDEX, "check_interval", 0.2)
    # What another API process would commit: the hole filled in, version bumped.
    filled = orjson.dumps({"type": "Polygon", "coordinates": DONUT[:1]}).decode()
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute("UPDATE zone SET geometry = $1::jsonb, version = version + 1 WHERE id = $2",
                           filled, zone["id"])
    finally:
        await conn.close()
    await wait_for_value(lambda: covering(client, lat=2.0, lng=12.0), lambda names: names == {"Donut"}, 5,
                         "the index to see the other process's change")


async def test_servicemen_and_their_managers_choose_zones(client):
    admin = await make_admin(client)
    a = await create(client, admin, "A", SQUARE)
    b = await create(client, admin, "B", [U_SHAPE])
    serviceman = await register(client, "serviceman")
    other = await register(client, "serviceman")
    provider = await register(client, "provider")
    org = await (await client.post("/v1/orgs", headers=provider.headers, json={"name": "Pipes"})).json()
    await join_org(client, provider, org["id"], serviceman)

    mine = await client.put(f"/v1/servicemen/{serviceman.id}/zones", headers=serviceman.headers,
                            json={"zone_ids": [a["id"], a["id"]]})
    assert mine.status == 200 and (await mine.json())["zone_ids"] == [a["id"]]
    by_manager = await client.put(f"/v1/servicemen/{serviceman.id}/zones", headers=provider.headers,
                                  json={"zone_ids": [a["id"], b["id"]]})
    assert by_manager.status == 200 and set((await by_manager.json())["zone_ids"]) == {a["id"], b["id"]}
    refused = await client.put(f"/v1/servicemen/{serviceman.id}/zones", headers=other.headers, json={"zone_ids": []})
    assert refused.status == 403
    not_serviceman = await client.put(f"/v1/servicemen/{provider.id}/zones", headers=provider.headers,
                                      json={"zone_ids": []})
    assert not_serviceman.status == 404
    read = await (await client.get(f"/v1/servicemen/{serviceman.id}/zones", headers=other.headers)).json()
    assert set(read["zone_ids"]) == {a["id"], b["id"]}

    await client.delete(f"/v1/zones/{b['id']}", headers=admin.headers)
    for ids, field in (([a["id"], "nope"], "zone_ids.1"), ([b["id"]], "zone_ids.0"),
                       (["00000000-0000-0000-0000-000000000000"], "zone_ids.0")):
        response = await client.put(f"/v1/servicemen/{serviceman.id}/zones", headers=serviceman.headers,
                                    json={"zone_ids": ids})
        problem = await response.json()
        assert response.status == 422 and [e["field"] for e in problem["errors"]] == [field]

    org_zones = await client.put(f"/v1/orgs/{org['id']}/zones", headers=provider.headers,
                                 json={"zone_ids": [a["id"]]})
    assert org_zones.status == 200 and (await org_zones.json())["zone_ids"] == [a["id"]]
    crew = await client.put(f"/v1/orgs/{org['id']}/zones", headers=serviceman.headers, json={"zone_ids": []})
    assert crew.status == 403
    stranger = await client.put(f"/v1/orgs/{org['id']}/zones", headers=other.headers, json={"zone_ids": []})
    assert stranger.status == 404
    public = await (await client.get(f"/v1/orgs/{org['id']}/zones", headers=other.headers)).json()
    assert public["zone_ids"] == [a["id"]]

    changes = await OutboxEvent.filter(type__in=["serviceman.zones_changed", "org.zones_changed"]).order_by("id")
    assert [(e.type, e.body["data"].get("user_id") or e.body["data"]["org_id"]) for e in changes] == [
        ("serviceman.zones_changed", serviceman.id), ("serviceman.zones_changed", serviceman.id),
        ("org.zones_changed", org["id"])]
    assert sorted(changes[1].body["data"]["zone_ids"]) == sorted([a["id"], b["id"]])


async def test_concurrent_replacements_of_one_servicemans_zones_do_not_collide(client):
    admin = await make_admin(client)
    zones = [await create(client, admin, f"Z{i}", [[[20.0 + i, 0.0], [20.5 + i, 0.0], [20.5 + i, 0.5],
                                                    [20.0 + i, 0.0]]]) for i in range(3)]
    serviceman = await register(client, "serviceman")
    ids = [z["id"] for z in zones]
    results = await asyncio.gather(*[
        client.put(f"/v1/servicemen/{serviceman.id}/zones", headers=serviceman.headers,
                   json={"zone_ids": ids[: 1 + i % 3]}) for i in range(8)])
    assert [r.status for r in results] == [200] * 8
    final = await (await client.get(f"/v1/servicemen/{serviceman.id}/zones", headers=serviceman.headers)).json()
    assert len(final["zone_ids"]) in (1, 2, 3)
