"""Flags and remote config (issue 20): a flip reaches the sockets of two processes within a
second, and their next capabilities call and sync pull; percentage buckets are the same on
every process and fair; kill switches refuse through REST, socket and offline push with one
code; too old an app is told to upgrade; maintenance pauses writes, not reads."""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from dataclasses import replace
from datetime import timedelta

from tortoise import connections

from app.bootstrap import CONTAINER
from domain.audit.models import AuditRecord
from domain.flags import catalog
from domain.flags.models import FlagKind
from domain.flags.rules import Definition, EvalContext, Rule, bucket, evaluate
from domain.shared.clock import utcnow
from tests.conftest import app_of
from tests.support.identity import make_admin, register
from tests.support.socket_clients import Recorder, try_connect
from tests.support.waiting import wait_for_value, wait_until

CONFIG = "config:changed"


async def _put(client, admin, key: str, body: dict, status: int = 200) -> dict:
    response = await client.put(f"/v1/admin/flags/{key}", json=body, headers=admin.headers)
    assert response.status == status, await response.text()
    return dict(await response.json())


async def _pull_config(client, who) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    cursor = None
    while True:
        response = await client.post("/v1/sync/pull", json={"cursor": cursor, "collections": ["config"]},
                                     headers=who.headers)
        assert response.status == 200, await response.text()
        page = await response.json()
        for change in page["changes"]:
            if change["op"] == "upsert":
                rows[change["id"]] = change["data"]
        cursor = page["cursor"]
        if not page["has_more"]:
            return rows


async def test_a_flip_reaches_both_processes_sockets_capabilities_and_sync(make_client):
    one, two = await make_client(), await make_client()
    admin = await make_admin(one)
    user = await register(one, "customer")
    base_one, base_two = (str(c.make_url("")).rstrip("/") for c in (one, two))
    sockets = [await Recorder.connect(base, user.access_token, ["/"], events=[CONFIG]) for base in (base_one, base_two)]
    try:
        await _put(one, admin, "search.new_ranking", {"kind": "bool", "value": False})
        for s in sockets:
            await s.next_event("/", CONFIG)
        started = time.monotonic()
        await _put(one, admin, "search.new_ranking", {"value": True})
        heard = [await s.next_event("/", CONFIG, timeout=1.0) for s in sockets]
        assert time.monotonic() - started < 1.0
        assert all(h["keys"] == ["search.new_ranking"] and h["maintenance"]["active"] is False for h in heard)
        for client in (one, two):  # the very next calls, on either process, see the new value
            caps = await (await client.get("/v1/capabilities", headers=user.headers)).json()
            assert caps["features"]["search.new_ranking"] is True
            rows = await _pull_config(client, user)
            assert rows["search.new_ranking"]["value"] is True
            assert rows["search.new_ranking"]["version"] == 2
        # OFREP bulk evaluation says the same, and answers 304 while nothing changed.
        bulk = await one.post("/ofrep/v1/evaluate/flags", json={"context": {"targetingKey": "ignored"}},
                              headers=user.headers)
        flags = {f["key"]: f for f in (await bulk.json())["flags"]}
        assert flags["search.new_ranking"]["value"] is True and flags["search.new_ranking"]["reason"] == "STATIC"
        again = await one.post("/ofrep/v1/evaluate/flags", json={"context": {}},
                               headers={**user.headers, "If-None-Match": bulk.headers["ETag"]})
        assert again.status == 304
        missing = await two.post("/ofrep/v1/evaluate/flags/no.such_flag", json={"context": {}}, headers=user.headers)
        assert missing.status == 404 and (await missing.json())["errorCode"] == "FLAG_NOT_FOUND"
        # Every change is audited.
        trail = await AuditRecord.filter(subject_type="flag", subject_id="search.new_ranking").order_by("id")
        assert [r.action for r in trail] == ["flag.set", "flag.set"] and trail[1].after["value"] is True
        assert trail[1].before["value"] is False and trail[1].actor_id == admin.id
    finally:
        for s in sockets:
            await s.close()


async def test_percentage_buckets_are_sticky_across_processes_and_fair(make_client):
    one, two = await make_client(), await make_client()
    admin = await make_admin(one)
    await _put(one, admin, "checkout.new_flow", {"kind": "bool", "value": False,
                                                "rules": [{"value": True, "percentage": 30}]})
    flags = [app_of(c)[CONTAINER].flags for c in (one, two)]

    async def loaded() -> bool:
        return all(f.definition("checkout.new_flow") is not None for f in flags)

    await wait_for_value(loaded, bool, 5, "both processes loaded the flag")
    ids = [str(uuid.UUID(int=random.getrandbits(128))) for _ in range(10_000)]
    on = [[f.value("checkout.new_flow", EvalContext(user_id)) for user_id in ids] for f in flags]
    assert on[0] == on[1]  # the same user, the same answer, whichever process asks
    share = sum(on[0]) / len(ids)
    assert 0.28 <= share <= 0.32, share
    # The hash is stable (sha256, never the per-process salted hash()): a known bucket.
    assert bucket("checkout.new_flow", "user-1") == bucket("checkout.new_flow", "user-1") < 10_000
    # Raising the percentage keeps everyone who was in.
    wider = Definition("checkout.new_flow", FlagKind.BOOL, False, (Rule(True, percentage=50),))
    assert all(evaluate(wider, EvalContext(u)).value for u, was in zip(ids, on[0], strict=True) if was)


async def test_a_kill_switch_refuses_through_rest_socket_and_offline_push_with_one_code(make_client):
    client = await make_client()
    admin = await make_admin(client)
    customer = await register(client, "customer")
    base = str(client.make_url("")).rstrip("/")
    socket = await Recorder.connect(base, customer.access_token, ["/messaging"])
    conversation = str(uuid.uuid4())

    async def three_ways(n: int) -> tuple[dict, dict, dict]:
        rest = await client.post(f"/v1/conversations/{conversation}/messages", headers=customer.headers,
                                 json={"client_msg_id": f"m-{n}-rest", "body": "hi"})
        ack = await socket.client.call("message:send", {"conversation_id": conversation,
                                                        "client_msg_id": f"m-{n}-sock", "body": "hi"},
                                       namespace="/messaging", timeout=5)
        pushed = await client.post("/v1/sync/push", headers=customer.headers, json={
            "client_id": device, "mutations": [{"mutation_id": n, "collection": "messages", "op": "action",
                                                "name": "send", "id": conversation,
                                                "data": {"client_msg_id": f"m-{n}-push", "body": "hi"}}]})
        assert pushed.status == 200, await pushed.text()
        return ({"status": rest.status, **(await rest.json())}, ack, (await pushed.json())["results"][0])

    device = str(uuid.uuid4())
    try:
        await _put(client, admin, "messaging.send.enabled", {"value": False})
        rest, ack, result = await three_ways(1)
        assert rest["status"] == 503 and rest["code"] == "feature_disabled"
        assert rest["details"]["feature"] == "messaging.send.enabled"
        assert ack["ok"] is False and ack["error"]["code"] == "feature_disabled"
        assert result["status"] == "rejected" and result["error"]["code"] == "feature_disabled"
        # Checkout has its own switch (through the socket and offline too: test_flags_checkout_switch.py).
        await _put(client, admin, "checkout.enabled", {"value": False})
        refused = await client.post(f"/v1/bookings/{uuid.uuid4()}/checkout", headers=customer.headers,
                                    json={"payment_method": "pm_card_visa"})
        assert refused.status == 503 and (await refused.json())["code"] == "feature_disabled"
        assert refused.headers["Retry-After"] == "300"

        # Switched on again, the same calls reach the service (which finds no such conversation).
        await _put(client, admin, "messaging.send.enabled", {"value": True})
        await _put(client, admin, "checkout.enabled", {"value": True})
        rest, ack, result = await three_ways(2)
        assert rest["code"] == ack["error"]["code"] == result["error"]["code"] == "not_found"
        unknown = await client.post(f"/v1/bookings/{uuid.uuid4()}/checkout", headers=customer.headers,
                                    json={"payment_method": "pm_card_visa"})
        assert unknown.status == 404
    finally:
        await socket.close()


async def test_an_app_below_the_minimum_version_is_told_to_upgrade_everywhere(make_client):
    client = await make_client()
    admin = await make_admin(client)
    user = await register(client, "customer")
    store = "https://play.google.com/store/apps/details?id=dev.fieldsync.customer"
    await _put(client, admin, "app.min_version.android", {"value": "2.10.0"})
    await _put(client, admin, "app.store_url.android", {"value": store})
    old = {"X-App-Version": "customer/2.9.3 (android)"}
    for method, path in (("GET", "/v1/me"), ("GET", "/v1/capabilities"), ("POST", "/v1/sync/pull")):
        response = await client.request(method, path, headers={**user.headers, **old}, json={})
        assert response.status == 426, path
        body = await response.json()
        assert body["code"] == "upgrade_required" and body["details"]["store_url"] == store
        assert body["details"]["minimum_version"] == "2.10.0"
    fresh = {**user.headers, "X-App-Version": "customer/2.10.0 (android)"}
    current = await client.get("/v1/capabilities", headers=fresh)
    caps = await current.json()
    assert current.status == 200 and caps["app"]["minimum"]["android"] == "2.10.0"
    assert caps["app"]["store_urls"]["android"] == store and caps["limits"]["max_body_bytes"] > 0
    ios = await client.get("/v1/me", headers={**user.headers, "X-App-Version": "customer/1.0.0 (ios)"})
    assert ios.status == 200  # another platform's minimum
    base = str(client.make_url("")).rstrip("/")
    refused = await try_connect(base, "/", auth={"token": user.access_token, "app_version": "customer/2.9.3 (android)"})
    assert not refused.connected
    assert refused.connect_errors[0]["code"] == "upgrade_required"
    assert refused.connect_errors[0]["details"]["store_url"] == store
    assert (await try_connect(base, "/", auth={"token": user.access_token}, headers=old)).connect_errors[0][
        "code"] == "upgrade_required"


async def test_maintenance_pauses_writes_keeps_reads_and_tells_sockets(make_client):
    client = await make_client()
    admin = await make_admin(client)
    user = await register(client, "customer")
    base = str(client.make_url("")).rstrip("/")
    socket = await Recorder.connect(base, user.access_token, ["/", "/messaging"], events=[CONFIG])
    try:
        await _put(client, admin, "maintenance.retry_after_seconds", {"value": 120})
        await socket.next_event("/", CONFIG)
        await _put(client, admin, "maintenance.enabled", {"value": True})
        told = await socket.next_event("/", CONFIG)
        assert told["maintenance"] == {"active": True, "retry_after": 120}
        write = await client.post("/v1/conversations", headers=user.headers, json={"user_id": admin.id})
        assert write.status == 503 and write.headers["Retry-After"] == "120"
        assert (await write.json())["code"] == "maintenance"
        assert (await client.get("/v1/me", headers=user.headers)).status == 200
        assert (await client.post("/v1/sync/pull", headers=user.headers, json={})).status == 200
        ack = await socket.client.call("message:send", {"conversation_id": str(uuid.uuid4()), "client_msg_id": "m1",
                                                        "body": "hi"}, namespace="/messaging", timeout=5)
        assert ack["ok"] is False and ack["error"]["code"] == "maintenance"
        assert socket.client.connected  # sockets stay up
        await _put(client, admin, "maintenance.enabled", {"value": False})  # admins turn it off again
        assert (await socket.next_event("/", CONFIG))["maintenance"]["active"] is False
        after = await client.post("/v1/conversations", headers=user.headers, json={"user_id": admin.id})
        assert after.status != 503
    finally:
        await socket.close()


async def test_a_scheduled_change_applies_once_at_its_time_and_is_audited(make_client):
    one, two = await make_client(), await make_client()
    admin = await make_admin(one)
    await _put(one, admin, "promo.banner", {"kind": "string", "value": "none"})
    soon = utcnow() + timedelta(seconds=1)
    created = await one.post("/v1/admin/flags/promo.banner/schedules", headers=admin.headers,
                             json={"effective_at": soon.isoformat(), "value": "spring"})
    assert created.status == 201, await created.text()
    cancelled = await one.post("/v1/admin/flags/promo.banner/schedules", headers=admin.headers,
                               json={"effective_at": soon.isoformat(), "value": "never"})
    dropped = await one.delete(f"/v1/admin/flag-schedules/{(await cancelled.json())['id']}", headers=admin.headers)
    assert dropped.status == 200 and (await dropped.json())["state"] == "cancelled"
    await asyncio.sleep(1.1)
    services = [app_of(c)[CONTAINER].flags for c in (one, two)]
    applied = await asyncio.gather(*(f.apply_due() for f in services))  # both processes race on it
    assert sorted(applied) == [0, 1]

    async def value() -> list[object]:
        return [f.value("promo.banner") for f in services]

    await wait_for_value(value, lambda seen: seen == ["spring", "spring"], 5, "both processes applied it")
    flag = await (await two.get("/v1/admin/flags/promo.banner", headers=admin.headers)).json()
    assert flag["version"] == 2
    listed = await (await one.get("/v1/admin/flags/promo.banner/schedules", headers=admin.headers)).json()
    assert sorted(s["state"] for s in listed["schedules"]) == ["applied", "cancelled"]


async def test_admin_endpoints_need_the_admin_role_and_check_kinds(make_client):
    client = await make_client()
    admin = await make_admin(client)
    user = await register(client, "customer")
    assert (await client.get("/v1/admin/flags", headers=user.headers)).status == 403
    assert (await client.put("/v1/admin/flags/x.y", headers=user.headers, json={"value": 1})).status == 403
    wrong = await client.put("/v1/admin/flags/checkout.enabled", headers=admin.headers, json={"value": "no"})
    assert wrong.status == 422
    kind = await client.put("/v1/admin/flags/checkout.enabled", headers=admin.headers,
                            json={"value": 1, "kind": "int"})
    assert kind.status == 409 and (await kind.json())["details"]["reason"] == "not_allowed"
    stale = await client.put("/v1/admin/flags/checkout.enabled", headers=admin.headers,
                             json={"value": True, "version": 7})
    assert stale.status == 409 and (await stale.json())["details"]["reason"] == "stale_version"
    listed = await (await client.get("/v1/admin/flags", headers=admin.headers)).json()
    assert {"checkout.enabled", "maintenance.enabled"} <= {f["key"] for f in listed["flags"]}
    bad_rule = await client.put("/v1/admin/flags/a.b", headers=admin.headers,
                                json={"kind": "bool", "value": True, "rules": [{"value": True, "percentage": 101}]})
    assert bad_rule.status == 422


async def _config_changes(client, who, cursor: str | None) -> tuple[dict[str, dict], str]:
    """The `config` changes from `cursor` (all pages): key -> change, and the new cursor."""
    changes: dict[str, dict] = {}
    while True:
        response = await client.post("/v1/sync/pull", json={"cursor": cursor, "collections": ["config"]},
                                     headers=who.headers)
        assert response.status == 200, await response.text()
        page = await response.json()
        changes.update({change["id"]: change for change in page["changes"]})
        cursor = page["cursor"]
        if not page["has_more"]:
            return changes, cursor


async def _all_sequenced() -> bool:
    rows = await connections.get("default").execute_query_dict("SELECT EXISTS (SELECT 1 FROM sync_op_pending) AS busy")
    return not rows[0]["busy"]


async def test_a_fresh_databases_first_pull_has_every_builtin_default_and_later_changes_follow(
        make_client, monkeypatch):
    client = await make_client()
    admin = await make_admin(client)
    user = await register(client, "customer")
    # The start-up's rows are in the snapshot either way; until the sync ticker has sequenced
    # their changes they would also come again as deltas after it (a repeat, harmless to a phone).
    await wait_until(_all_sequenced, 10, "the start-up's config rows sequenced")
    first, cursor = await _config_changes(client, user, None)
    assert set(first) == set(catalog.BUILTIN)  # no admin wrote a row: every built-in key, at its default
    for key, default in catalog.BUILTIN.items():
        assert first[key]["op"] == "upsert" and first[key]["version"] == 1
        assert first[key]["data"]["value"] == default.value and first[key]["data"]["kind"] == default.kind.value
        assert first[key]["data"]["rules"] == []
    assert first["app.store_url.android"]["data"]["value"].startswith("https://play.google.com/")

    # An admin's change is an update at the next pull, and nothing else moved.
    await _put(client, admin, "maintenance.message", {"value": "Back at six", "version": 1})
    changed, cursor = await _config_changes(client, user, cursor)
    assert set(changed) == {"maintenance.message"}
    assert changed["maintenance.message"]["version"] == 2
    assert changed["maintenance.message"]["data"]["value"] == "Back at six"

    # A release with another default and a new key: the next start stores both, the untouched
    # default moves, the admin's value stays; a start with nothing new writes nothing.
    store = catalog.store_url_key("ios")
    monkeypatch.setitem(catalog.BUILTIN, store, replace(catalog.BUILTIN[store], value="https://apps.apple.com/app/id1"))
    monkeypatch.setitem(catalog.BUILTIN, "maintenance.message",
                        replace(catalog.BUILTIN["maintenance.message"], value="Maintenance"))
    monkeypatch.setitem(catalog.BUILTIN, "search.enabled", Definition("search.enabled", FlagKind.BOOL, True))
    other = await make_client()
    await wait_until(_all_sequenced, 10, "the new start's config rows sequenced")
    released, cursor = await _config_changes(other, user, cursor)
    assert set(released) == {store, "search.enabled"}
    assert released[store]["version"] == 2 and released[store]["data"]["value"] == "https://apps.apple.com/app/id1"
    assert released["search.enabled"]["version"] == 1 and released["search.enabled"]["data"]["value"] is True
    caps = await (await other.get("/v1/capabilities", headers=user.headers)).json()
    assert caps["features"]["search.enabled"] is True
    assert await app_of(other)[CONTAINER].flags.seed_builtins() == []
    assert (await _config_changes(client, user, cursor))[0] == {}
