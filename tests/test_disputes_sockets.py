"""The `/disputes` namespace (issue 14): `dispute:watch` acks the dispute and the timeline the
caller may see; `dispute:update {dispute, entry, cursor}` reaches every party's sockets after the
commit (a private entry: its author's only); random payloads get `{ok: false, error}` acks with a
known code, never a disconnect (acceptance 5)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from tests.support.bookings import Market, build_market
from tests.support.disputes import add_entry, open_dispute, paid_booking
from tests.support.identity import Account
from tests.support.payments import FAST
from tests.support.socket_clients import Recorder
from tests.test_messaging_fuzz import FRAME_BUDGET, junk

NS = "/disputes"
UPDATE = "dispute:update"


@pytest.fixture
async def world(make_client: Callable[..., Any]) -> tuple[TestClient, Market]:
    client = await make_client(**FAST, socket_event_rate_per_second=10_000, socket_event_burst=10_000)
    return client, await build_market(client)


async def connect(client: TestClient, who: Account) -> Recorder:
    return await Recorder.connect(str(client.make_url("")).rstrip("/"), who.access_token, [NS], [UPDATE])


async def watch(recorder: Recorder, payload: Any) -> Any:
    return await recorder.client.call("dispute:watch", payload, namespace=NS, timeout=10)


async def next_update(recorder: Recorder, timeout: float = 10) -> dict[str, Any]:
    return dict(await recorder.next_event(NS, UPDATE, timeout))


async def test_watch_and_updates_reach_every_party_and_private_entries_their_author_only(world):
    client, m = world
    booking, _ = await paid_booking(client, m)
    customer, provider, lead, stranger = [await connect(client, who)
                                          for who in (m.customer, m.provider, m.crew[0], m.outsider)]
    try:
        dispute = await open_dispute(client, m.customer, booking["id"])
        for socket in (customer, provider, lead):
            opened = await next_update(socket)
            assert opened["dispute"]["id"] == dispute["id"] and opened["entry"]["seq"] == 1 and opened["cursor"]
        await add_entry(client, m.customer, dispute["id"], body="my notes", shared=False)
        shared = await add_entry(client, m.provider, dispute["id"], kind="response", body="we came twice")
        mine = await next_update(customer)
        assert mine["entry"]["body"] == "my notes"
        assert (await next_update(customer))["entry"]["seq"] == shared["seq"]
        for socket in (provider, lead):  # the private entry never reached them
            update = await next_update(socket)
            assert update["entry"]["seq"] == shared["seq"] and update["dispute"]["state"] == "negotiating"
        acked = await watch(provider, {"dispute_id": dispute["id"]})
        assert acked["ok"] is True
        assert [e["seq"] for e in acked["data"]["timeline"]] == [1, shared["seq"]]
        assert acked["data"]["dispute"]["your_side"] == "provider"
        assert [e["seq"] for e in (await watch(customer, {"dispute_id": dispute["id"]}))["data"]["timeline"]] \
            == [1, 2, 3]
        refused = await watch(stranger, {"dispute_id": dispute["id"]})
        assert refused == {"ok": False, "error": {"code": "not_found", "message": "Not found."}}
        assert stranger.events[(NS, UPDATE)].empty() and stranger.client.connected
    finally:
        for socket in (customer, provider, lead, stranger):
            await socket.close()


EXPECTED = {"validation_failed", "not_found", "forbidden", "payload_too_large", "rate_limited"}
EVENTS = ("dispute:watch", "dispute:unknown", "dispute:update")
ROUNDS = 300


async def test_random_payloads_get_error_acks_and_no_disconnect(world):
    client, m = world
    booking, _ = await paid_booking(client, m)
    dispute = await open_dispute(client, m.customer, booking["id"])
    fuzzer, party = await connect(client, m.outsider), await connect(client, m.provider)
    rng = random.Random(1414)
    codes: dict[str, int] = {}
    try:
        for round_ in range(ROUNDS):
            device = fuzzer if round_ % 2 else party
            payload: Any = junk(rng)
            if rng.random() < 0.5:
                payload = {"dispute_id": rng.choice([dispute["id"], junk(rng)])}
                if rng.random() < 0.3:
                    payload[rng.choice(["extra", "seq", ""])] = junk(rng)
            while len(json.dumps(payload)) > FRAME_BUDGET:
                payload = junk(rng)
            ack = await device.client.call(rng.choice(EVENTS), payload, namespace=NS, timeout=10)
            assert isinstance(ack, dict), (payload, ack)
            if ack.get("ok") is True:
                assert device is party and payload == {"dispute_id": dispute["id"]}
                codes["ok"] = codes.get("ok", 0) + 1
                continue
            assert ack["error"]["code"] in EXPECTED, (payload, ack)
            codes[ack["error"]["code"]] = codes.get(ack["error"]["code"], 0) + 1
        assert fuzzer.client.connected and party.client.connected
        assert codes.get("validation_failed", 0) > ROUNDS // 4, codes
        assert (await watch(party, {"dispute_id": dispute["id"]}))["ok"] is True
    finally:
        await fuzzer.close()
        await party.close()
