"""Issue 7 part A over REST: the device registry (one owner per token, logout, expiry), the
notification centre (keyset pages, unread count, read, read-all, dismiss), preferences, and
delta sync of both collections."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID, uuid4

import asyncpg

from domain.notifications.devices import sweep_expired
from domain.notifications.models import NOTIFICATION_UPSERT, Device
from domain.shared.clock import utcnow
from tests.support.identity import login, register
from tests.support.notifications import fcm_token, notifications_of, notify, register_device
from tests.support.sync import flush, pull


async def _tokens(client, who) -> list[str]:
    rows = (await pull(client, who, collections=["devices"]))["changes"]
    return sorted(c["data"]["token"] for c in rows if c["op"] == "upsert")


async def test_a_token_belongs_to_one_user_and_moves_when_another_registers_it(client):
    ana, ben = await register(client, "customer"), await register(client, "serviceman")
    token = fcm_token()
    first = await register_device(client, ana, token, locale="pt-BR")
    again = await register_device(client, ana, token, app="customer")
    assert again["id"] == first["id"] and again["version"] > first["version"]  # refreshed, not duplicated

    moved = await register_device(client, ben, token, app="provider")
    assert moved["id"] != first["id"] and moved["app"] == "provider"
    assert await Device.filter(token=token).values_list("user_id", flat=True) == [await _uuid(ben.id)]
    # Ana can no longer remove it (it is not hers), Ben can.
    assert (await client.delete(f"/v1/devices/{token}", headers=ana.headers)).status == 404
    await flush(client)
    assert await _tokens(client, ana) == [] and await _tokens(client, ben) == [token]
    assert (await client.delete(f"/v1/devices/{token}", headers=ben.headers)).status == 204
    assert not await Device.exists(token=token)


async def _uuid(value: str):
    from uuid import UUID

    return UUID(value)


async def test_a_device_sync_pull_shows_the_move_as_a_delete_to_the_previous_owner(client):
    ana, ben = await register(client), await register(client)
    token = fcm_token()
    await register_device(client, ana, token)
    await flush(client)
    cursor = (await pull(client, ana, collections=["devices"]))["cursor"]
    await register_device(client, ben, token)
    await flush(client)
    changes = (await pull(client, ana, cursor, collections=["devices"]))["changes"]
    assert [c["op"] for c in changes] == ["delete"]
    assert all("data" not in c or c["data"] is None or c["data"].get("token") != token for c in changes)


async def test_logout_with_the_device_token_removes_it_and_only_it(client):
    ana = await register(client)
    phone, tablet = fcm_token(), fcm_token()
    await register_device(client, ana, phone)
    await register_device(client, ana, tablet, platform="ios")
    response = await client.post("/v1/auth/logout", json={"refresh_token": ana.refresh_token, "device_token": phone})
    assert response.status == 204
    assert await Device.filter(user__id=ana.id).values_list("token", flat=True) == [tablet]
    # Garbage or another user's token in a logout changes nothing.
    ben = await register(client)
    await register_device(client, ben, fcm_token())
    again = await login(client, ana.email)
    response = await client.post("/v1/auth/logout", json={"refresh_token": again.refresh_token,
                                                           "device_token": (await Device.filter(user__id=ben.id)
                                                                            .first()).token})
    assert response.status == 204
    assert await Device.filter(user__id=ben.id).count() == 1


async def test_tokens_not_seen_for_the_ttl_are_swept(client):
    ana = await register(client)
    old, fresh = fcm_token(), fcm_token()
    await register_device(client, ana, old)
    await register_device(client, ana, fresh)
    await Device.filter(token=old).update(last_seen_at=utcnow() - timedelta(days=61))
    assert await sweep_expired(timedelta(days=60)) == 1
    assert await Device.filter(user__id=ana.id).values_list("token", flat=True) == [fresh]
    await register_device(client, ana, fresh)  # registering again keeps a token alive
    assert await sweep_expired(timedelta(days=60), utcnow() + timedelta(days=59)) == 0


async def test_device_input_is_validated(client):
    ana = await register(client)
    for body in ({"token": "", "platform": "android", "app": "customer"},
                 {"token": "abc def", "platform": "android", "app": "customer"},
                 {"token": "abc", "platform": "symbian", "app": "customer"},
                 {"token": "abc", "platform": "android", "app": "admin"},
                 {"token": "x" * 513, "platform": "android", "app": "customer"}):
        response = await client.post("/v1/devices", headers=ana.headers, json=body)
        assert response.status == 422, body
    assert (await client.delete("/v1/devices/" + "x" * 600, headers=ana.headers)).status == 404
    assert (await client.post("/v1/devices", json={"token": "abc", "platform": "ios", "app": "customer"})).status == 401


async def test_the_centre_pages_newest_first_with_the_unread_count(client):
    ana, ben = await register(client), await register(client)
    ids = [await notify(ana.id, title=f"n{i}") for i in range(5)]
    await notify(ben.id)
    first = await notifications_of(client, ana, limit=2)
    assert [n["title"] for n in first["items"]] == ["n4", "n3"] and first["unread_count"] == 5
    second = await notifications_of(client, ana, limit=2, cursor=first["next_cursor"])
    third = await notifications_of(client, ana, limit=2, cursor=second["next_cursor"])
    assert [n["title"] for n in second["items"] + third["items"]] == ["n2", "n1", "n0"]
    assert third["next_cursor"] is None

    read = await client.post(f"/v1/notifications/{ids[0]}/read", headers=ana.headers)
    assert read.status == 200 and (await read.json())["read"] is True
    assert (await notifications_of(client, ana))["unread_count"] == 4
    dismissed = await client.post(f"/v1/notifications/{ids[1]}/dismiss", headers=ana.headers)
    assert dismissed.status == 200
    listed = await notifications_of(client, ana)
    assert ids[1] not in [n["id"] for n in listed["items"]] and listed["unread_count"] == 3

    everything = await client.post("/v1/notifications/read-all", headers=ana.headers)
    assert await everything.json() == {"marked": 3, "unread_count": 0}
    assert (await notifications_of(client, ben))["unread_count"] == 1  # Ben's are Ben's
    # Someone else's notification is not found; a bad cursor is a 422.
    assert (await client.post(f"/v1/notifications/{ids[2]}/read", headers=ben.headers)).status == 404
    bad = await client.get("/v1/notifications", headers=ana.headers, params={"cursor": "nonsense"})
    assert bad.status == 422


async def test_a_collapsed_notification_comes_back_unread_and_on_top(client):
    ana = await register(client)
    key = "conversation:c1"
    first = await notify(ana.id, title="Ben", body="hi", collapse_key=key, count=1)
    await notify(ana.id, title="older news")
    assert (await client.post(f"/v1/notifications/{first}/read", headers=ana.headers)).status == 200
    again = await notify(ana.id, title="Ben", body="are you there?", collapse_key=key, count=2)
    assert again == first
    listed = await notifications_of(client, ana)
    top = listed["items"][0]
    assert (top["id"], top["body"], top["count"], top["read"]) == (first, "are you there?", 2, False)
    assert len(listed["items"]) == 2 and listed["unread_count"] == 2



async def test_pages_interleave_conversations_by_their_last_update(client):
    ana = await register(client)
    await notify(ana.id, title="n0")
    chat_a = await notify(ana.id, title="A", collapse_key="conversation:a")
    await notify(ana.id, title="n1")
    await notify(ana.id, title="B", collapse_key="conversation:b")
    await notify(ana.id, title="n2")
    assert await notify(ana.id, title="A", body="again", collapse_key="conversation:a") == chat_a
    expected = ["A", "n2", "B", "n1", "n0"]
    assert [n["title"] for n in (await notifications_of(client, ana))["items"]] == expected
    for limit in (1, 2, 3):
        seen, cursor = [], None
        while True:
            page = await notifications_of(client, ana, limit=limit, **({"cursor": cursor} if cursor else {}))
            seen += [n["title"] for n in page["items"]]
            if not (cursor := page["next_cursor"]):
                break
        assert seen == expected, limit


async def test_a_conversation_row_brought_up_to_date_is_a_hot_update(client, database_url):
    """No index holds what a message changes in its conversation's row: the update writes no index
    entry (PostgreSQL's HOT), so a busy conversation leaves no trail of dead entries to vacuum."""
    ana = await register(client)
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        async with conn.transaction():
            for count in (1, 2, 3):
                await conn.execute(NOTIFICATION_UPSERT, uuid4(), UUID(ana.id), "message.new", "messages", "Ben",
                                   f"{count} new", "conversation", "c1", "conversation:c1", count, "{}", utcnow())
            updated = await conn.fetchval("SELECT pg_stat_get_xact_tuples_updated('notification'::regclass)")
            hot = await conn.fetchval("SELECT pg_stat_get_xact_tuples_hot_updated('notification'::regclass)")
    finally:
        await conn.close()
    assert (updated, hot) == (2, 2)

async def test_preferences_default_validate_and_replace(client):
    ana = await register(client)
    response = await client.get("/v1/notification-preferences", headers=ana.headers)
    defaults = await response.json()
    assert defaults["categories"]["messages"] == {"push": True, "in_app": True, "email": False}
    assert defaults["categories"]["marketing"]["push"] is False
    assert defaults["quiet_hours"] is None and defaults["effective_timezone"] == "UTC"

    body = {"categories": {"bids": {"push": False}, "marketing": {"in_app": True}},
            "quiet_hours": {"start": "22:00", "end": "07:00"}, "timezone": "Europe/Berlin", "private_previews": True}
    saved = await (await client.put("/v1/notification-preferences", headers=ana.headers, json=body)).json()
    assert saved["categories"]["bids"] == {"push": False, "in_app": True, "email": False}
    assert saved["categories"]["marketing"]["in_app"] is True
    assert saved["quiet_hours"] == {"start": "22:00", "end": "07:00"} and saved["private_previews"] is True
    assert saved["version"] == 1
    assert await (await client.get("/v1/notification-preferences", headers=ana.headers)).json() == saved

    for bad in ({"categories": {"account_security": {"push": False}}},
                {"categories": {"gossip": {"push": True}}},
                {"quiet_hours": {"start": "25:00", "end": "07:00"}},
                {"quiet_hours": {"start": "07:00", "end": "07:00"}},
                {"timezone": "Mars/Olympus"},
                {"private_previews": "yes"}):
        response = await client.put("/v1/notification-preferences", headers=ana.headers, json=bad)
        assert response.status == 422, bad
    assert await (await client.get("/v1/notification-preferences", headers=ana.headers)).json() == saved


async def test_delta_sync_pull_shows_notification_rows_to_their_owner_only(client):
    ana, ben = await register(client), await register(client)
    nid = await notify(ana.id, title="New bid")
    await flush(client)
    mine = [c for c in (await pull(client, ana, collections=["notifications"]))["changes"]]
    assert [(c["id"], c["data"]["title"], c["data"]["read_at"]) for c in mine] == [(nid, "New bid", None)]
    assert (await pull(client, ben, collections=["notifications"]))["changes"] == []
    cursor = (await pull(client, ana, collections=["notifications"]))["cursor"]
    await client.post(f"/v1/notifications/{nid}/read", headers=ana.headers)
    await flush(client)
    changes = (await pull(client, ana, cursor, collections=["notifications"]))["changes"]
    assert len(changes) == 1 and changes[0]["data"]["read_at"] is not None


async def test_the_embedded_sqlite_app_notifies_too(settings_factory, tmp_path):
    """`./dev run` (SQLite, no Redis): devices, the centre and the notifier work; only sync is off."""
    import asyncio
    import contextvars

    from aiohttp.test_utils import TestClient, TestServer
    from tortoise.backends.base.executor import EXECUTOR_CACHE

    from app.bootstrap import build_app
    from app.migrate import migrate
    from domain.notifications.models import Notification
    from tests.support.bus import wait_until
    from tests.support.messaging import make_booking, make_org, open_conversation, send_rest

    # Tortoise caches insert statements per (connection name, table), whatever the dialect: keep
    # SQLite's out of the PostgreSQL tests that follow (and theirs out of this one).
    saved = dict(EXECUTOR_CACHE)
    EXECUTOR_CACHE.clear()
    url = f"sqlite://{tmp_path / 'demo.sqlite3'}"
    await asyncio.create_task(migrate(url), context=contextvars.Context())
    client = TestClient(TestServer(build_app(settings_factory(database_url=url, redis_url=None,
                                                              outbox_poll_interval_ms=50)), host="127.0.0.1"))
    await client.start_server()
    try:
        customer, serviceman = await register(client, "customer", name="Cora"), await register(client, "serviceman")
        org_id = await make_org((await register(client, "provider")).id, crew=(serviceman.id,))
        booking_id = await make_booking(customer.id, org_id=org_id, crew=(serviceman.id,))
        cid = (await open_conversation(client, customer, kind="booking", booking_id=booking_id))["id"]
        await register_device(client, serviceman)
        await send_rest(client, customer, cid, "hello from sqlite")

        async def notified() -> bool:
            return await Notification.filter(user_id=serviceman.id).exists()

        await wait_until(notified, 20, "the notifier on SQLite")
        listed = await notifications_of(client, serviceman)
        assert [(n["title"], n["body"]) for n in listed["items"]] == [("Cora", "hello from sqlite")]
    finally:
        await client.close()
        EXECUTOR_CACHE.clear()
        EXECUTOR_CACHE.update(saved)
