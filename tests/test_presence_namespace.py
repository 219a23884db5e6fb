"""`/presence` on one server: who may watch whom, the updates watchers get, `presence:set`,
and several devices per user. (Several processes and a crash: test_presence_processes.py.)"""

from __future__ import annotations

import asyncio
import uuid

import pytest

from domain.access.policy import Permission, authorize
from domain.shared.context import Actor
from domain.shared.errors import NotFound
from tests.support.identity import make_admin, register
from tests.support.presence import PRESENCE, make_crew, share_booking, subscribe
from tests.support.socket_clients import Recorder

UPDATE = "presence:update"


def _url(client) -> str:
    return str(client.make_url("")).rstrip("/")


async def _watcher(client, account) -> Recorder:
    return await Recorder.connect(_url(client), account.access_token, [PRESENCE], [UPDATE])


async def _device(client, account, namespaces=("/",)) -> Recorder:
    return await Recorder.connect(_url(client), account.access_token, list(namespaces))


async def _next_update(recorder: Recorder, user_id: str, timeout: float = 5.0) -> dict:
    """The next update about `user_id` (updates about others are skipped)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        update = await recorder.next_event(PRESENCE, UPDATE, max(0.01, deadline - asyncio.get_running_loop().time()))
        if update["user_id"] == user_id:
            return update


@pytest.fixture
async def world(client):
    customer = await register(client, "customer")
    serviceman = await register(client, "serviceman")
    provider = await register(client, "provider")
    crew_member = await register(client, "serviceman")
    stranger = await register(client, "customer")
    await share_booking(customer.id, serviceman.id)
    await make_crew(provider.id, crew_member.id)
    return customer, serviceman, provider, crew_member, stranger


async def test_watchers_see_only_users_they_share_something_with(client, world):
    customer, serviceman, provider, crew_member, stranger = world
    admin = await make_admin(client)
    everyone = [customer.id, serviceman.id, provider.id, crew_member.id, stranger.id]
    expected = {
        customer.id: [customer.id, serviceman.id],  # self and the booking's crew
        serviceman.id: [customer.id, serviceman.id],
        provider.id: [provider.id, crew_member.id],  # the organisation
        crew_member.id: [provider.id, crew_member.id],
        stranger.id: [stranger.id],
        admin.id: everyone,
    }
    for account in (customer, serviceman, provider, crew_member, stranger, admin):
        watcher = await _watcher(client, account)
        try:
            ack = await subscribe(watcher, [*everyone, "not-a-uuid", str(uuid.uuid4()), customer.id])
        finally:
            await watcher.close()
        assert ack["ok"], ack
        seen = [state["user_id"] for state in ack["data"]["states"]]
        if account is admin:  # admins may ask about any id; unknown ones read offline
            assert seen[:5] == everyone and len(seen) == 6
        else:
            assert seen == expected[account.id], account.roles
        assert all(state["status"] == "offline" for state in ack["data"]["states"] if state["user_id"] != account.id)


async def test_a_watcher_follows_a_peer_through_devices_and_away(client, world):
    customer, serviceman, _provider, _crew_member, stranger = world
    watcher = await _watcher(client, customer)
    nosy = await _watcher(client, stranger)
    try:
        assert (await subscribe(watcher, [serviceman.id]))["data"]["states"][0]["status"] == "offline"
        assert (await subscribe(nosy, [serviceman.id]))["data"]["states"] == []

        phone = await _device(client, serviceman, ["/", PRESENCE])
        update = await _next_update(watcher, serviceman.id)
        assert update["status"] == "online" and update["last_seen"].endswith("Z")

        ack = await phone.client.call("presence:set", {"status": "away"}, namespace=PRESENCE, timeout=5)
        assert ack["ok"] and ack["data"]["state"]["user_id"] == serviceman.id
        assert ack["data"]["state"]["status"] == "away"
        assert (await _next_update(watcher, serviceman.id))["status"] == "away"

        laptop = await _device(client, serviceman, ["/messaging"])  # any namespace counts
        assert (await _next_update(watcher, serviceman.id))["status"] == "online"
        await laptop.close()
        assert (await _next_update(watcher, serviceman.id))["status"] == "away"  # the phone is still away

        await phone.client.call("presence:set", {"status": "online"}, namespace=PRESENCE, timeout=5)
        assert (await _next_update(watcher, serviceman.id))["status"] == "online"
        await phone.close()
        gone = await _next_update(watcher, serviceman.id)
        assert gone["status"] == "offline" and gone["last_seen"] >= update["last_seen"]
        states = (await subscribe(watcher, [serviceman.id]))["data"]["states"]
        assert states == [gone]
        assert nosy.pending(PRESENCE, UPDATE) == 0  # never joined: never told
    finally:
        await watcher.close()
        await nosy.close()


async def test_one_connection_with_several_namespaces_is_one_device(client, world):
    customer, serviceman, *_ = world
    watcher = await _watcher(client, customer)
    try:
        await subscribe(watcher, [serviceman.id])
        device = await _device(client, serviceman, ["/", "/feed", PRESENCE])
        assert (await _next_update(watcher, serviceman.id))["status"] == "online"
        await device.close()
        assert (await _next_update(watcher, serviceman.id))["status"] == "offline"
        await asyncio.sleep(0.2)  # an absence: a second offline would follow the first at once
        assert watcher.pending(PRESENCE, UPDATE) == 0  # exactly one online and one offline
    finally:
        await watcher.close()


async def test_unsubscribe_stops_updates(client, world):
    customer, serviceman, *_ = world
    watcher = await _watcher(client, customer)
    try:
        await subscribe(watcher, [serviceman.id])
        ack = await watcher.client.call("presence:unsubscribe", {"user_ids": [serviceman.id]}, namespace=PRESENCE,
                                        timeout=5)
        assert ack == {"ok": True, "data": {"user_ids": [serviceman.id]}}
        device = await _device(client, serviceman)
        await device.close()
        await asyncio.sleep(0.3)  # an absence: the device's online and offline would have come by now
        assert watcher.pending(PRESENCE, UPDATE) == 0
    finally:
        await watcher.close()


@pytest.mark.parametrize(
    ("event", "payload"),
    [
        ("presence:subscribe", {"user_ids": ["x"] * 101}),
        ("presence:subscribe", {"user_ids": "everyone"}),
        ("presence:subscribe", {"user_ids": ["x" * 65]}),
        ("presence:subscribe", None),
        ("presence:set", {"status": "invisible"}),
        ("presence:set", {"status": "away", "extra": 1}),
    ],
)
async def test_malformed_requests_get_validation_errors(client, event, payload):
    account = await register(client, "customer")
    watcher = await _watcher(client, account)
    try:
        ack = await watcher.client.call(event, payload, namespace=PRESENCE, timeout=5)
    finally:
        await watcher.close()
    assert ack["ok"] is False and ack["error"]["code"] == "validation_failed"


async def test_the_policy_relation_answers_for_single_users(client, world):
    customer, serviceman, provider, _crew_member, stranger = world

    def actor(account) -> Actor:
        return Actor(account.id, frozenset(account.roles))

    await authorize(actor(customer), Permission.PRESENCE_VIEW, serviceman.id)
    await authorize(actor(customer), Permission.PRESENCE_VIEW, customer.id)
    for target in (provider.id, stranger.id, "garbage"):
        with pytest.raises(Exception) as refused:
            await authorize(actor(customer), Permission.PRESENCE_VIEW, target)
        assert not isinstance(refused.value, NotFound)  # no visible_via: a plain refusal
        assert refused.value.code == "forbidden"
