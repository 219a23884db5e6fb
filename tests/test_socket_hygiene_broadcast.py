"""The broadcast path (realtime/broadcast.py, realtime/engine.py) keeps python-socketio's
semantics: every recipient gets every event once and in order, whether it was written
directly or queued (websocket or long-polling, acks in between), skip_sid and single
recipients work, server-to-client calls and binary emits take the stock path, and a
compressed websocket still gets everything. With and without the Redis manager."""

from __future__ import annotations

import asyncio
import uuid

import aiohttp
import orjson
import pytest

from realtime.broadcast import FanoutRedisManager, LocalFanout
from realtime.server import EMITTER, SIO
from tests.conftest import app_of
from tests.support.socket_clients import Recorder, caught_up, signer_for

# Transport tests emit made-up events (probes): not server events of the AsyncAPI contract.
pytestmark = pytest.mark.off_contract_emits

PRESENCE = "/presence"
BURST = 400


def _url(client) -> str:
    return str(client.make_url("")).rstrip("/")


@pytest.fixture(params=["redis", "in-process"])
async def server(request, make_client, settings_factory):
    overrides = {} if request.param == "redis" else {"redis_url": None}
    client = await make_client(**overrides)
    manager = app_of(client)[SIO].manager
    assert isinstance(manager, FanoutRedisManager if request.param == "redis" else LocalFanout)
    return client, signer_for(settings_factory())


async def _connect(client, signer, transport="websocket", user_id=None) -> tuple[Recorder, str]:
    user_id = user_id or f"u-{uuid.uuid4()}"
    recorder = await Recorder.connect(_url(client), signer.issue_access(user_id, ["customer"]), [PRESENCE],
                                      ["burst", "single", "binary"], transport=transport)
    return recorder, user_id


async def _drain(recorder: Recorder, event: str, count: int) -> list:
    return [await recorder.next_event(PRESENCE, event, timeout=10) for _ in range(count)]


async def test_a_burst_reaches_every_client_once_and_in_order(server):
    client, signer = server
    sio = app_of(client)[SIO]
    clients = [await _connect(client, signer) for _ in range(3)] + [await _connect(client, signer, "polling")]
    try:
        for recorder, _user in clients:
            await sio.enter_room(recorder.client.get_sid(PRESENCE), "burst-room", namespace=PRESENCE)

        async def chatter(recorder: Recorder) -> None:  # acks travel the queue meanwhile
            for _ in range(10):
                ack = await recorder.client.call("presence:subscribe", {"user_ids": []}, namespace=PRESENCE, timeout=5)
                assert ack["ok"]

        talkers = [asyncio.create_task(chatter(recorder)) for recorder, _ in clients]
        for n in range(BURST):
            await sio.emit("burst", {"n": n}, room="burst-room", namespace=PRESENCE)
            if n % 50 == 0:
                await asyncio.sleep(0)  # let writers and acks interleave with direct writes
        await asyncio.gather(*talkers)
        for recorder, _user in clients:
            received = await _drain(recorder, "burst", BURST)
            assert [item["n"] for item in received] == list(range(BURST))
        await caught_up(app_of(client)[EMITTER], PRESENCE, *(recorder for recorder, _ in clients))
        assert all(recorder.pending(PRESENCE, "burst") == 0 for recorder, _ in clients)
    finally:
        for recorder, _ in clients:
            await recorder.close()


async def test_skip_sid_and_single_recipients(server):
    client, signer = server
    sio = app_of(client)[SIO]
    (first, _), (second, _) = await _connect(client, signer), await _connect(client, signer)
    try:
        first_sid = first.client.get_sid(PRESENCE)
        await sio.emit("single", {"to": "all-but-first"}, namespace=PRESENCE, skip_sid=first_sid)
        await sio.emit("single", {"to": "first"}, namespace=PRESENCE, to=first_sid)
        assert await second.next_event(PRESENCE, "single") == {"to": "all-but-first"}
        assert await first.next_event(PRESENCE, "single") == {"to": "first"}
        await caught_up(app_of(client)[EMITTER], PRESENCE, first, second)
        assert first.pending(PRESENCE, "single") == second.pending(PRESENCE, "single") == 0
    finally:
        await first.close()
        await second.close()


async def test_calls_and_binary_emits_take_the_stock_path(server):
    client, signer = server
    sio = app_of(client)[SIO]
    recorder, _user = await _connect(client, signer)

    async def answer(data):
        return {"echo": data}

    recorder.client.on("question", answer, namespace=PRESENCE)
    try:
        sid = recorder.client.get_sid(PRESENCE)
        assert await sio.call("question", 42, to=sid, namespace=PRESENCE, timeout=5) == {"echo": 42}
        await sio.emit("binary", b"\x00\xffbytes", to=sid, namespace=PRESENCE)
        assert await recorder.next_event(PRESENCE, "binary") == b"\x00\xffbytes"
    finally:
        await recorder.close()


async def test_a_compressed_websocket_still_gets_everything(make_client, settings_factory):
    client = await make_client(socket_compression=True)
    sio = app_of(client)[SIO]
    token = signer_for(settings_factory()).issue_access(f"u-{uuid.uuid4()}", ["customer"])
    url = str(client.make_url("/socket.io/?EIO=4&transport=websocket"))
    async with aiohttp.ClientSession() as session, session.ws_connect(url, compress=15) as ws:
        assert ws.compress  # permessage-deflate was negotiated
        await ws.receive_str()
        await ws.send_str("40/presence," + orjson.dumps({"token": token}).decode())
        sid = orjson.loads((await ws.receive_str()).split(",", 1)[1])["sid"]
        for n in range(50):
            await sio.emit("burst", {"n": n}, to=sid, namespace=PRESENCE)
        received = []
        while len(received) < 50:
            text = await asyncio.wait_for(ws.receive_str(), 5)
            if text.startswith("42/presence,"):
                received.append(orjson.loads(text.split(",", 1)[1])[1]["n"])
        assert received == list(range(50))
