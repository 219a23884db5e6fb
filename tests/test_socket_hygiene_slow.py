"""A client that stops reading is disconnected once `SOCKET_MAX_QUEUED_PACKETS` packets wait
for it; its queue never grows past that, whatever the server keeps sending."""

from __future__ import annotations

import asyncio
import socket
import uuid

import aiohttp
import orjson
import pytest

from realtime.engine import SLOW_CONSUMER_CLOSE_CODE
from realtime.server import EMITTER, SIO
from tests.conftest import app_of
from tests.support.socket_clients import signer_for
from tests.support.waiting import wait_until

# Transport tests emit made-up events (probes): not server events of the AsyncAPI contract.
pytestmark = pytest.mark.off_contract_emits

LIMIT = 10
PRESENCE = "/presence"


def _auth_packet(token: str) -> str:
    return "40" + PRESENCE + "," + orjson.dumps({"token": token}).decode()


async def _drops(client) -> float:
    text = await (await client.get("/metrics")).text()
    line = next((ln for ln in text.splitlines() if ln.startswith("fieldsync_socket_drops_total")
                 and 'reason="slow_consumer"' in ln), None)
    return float(line.rsplit(" ", 1)[1]) if line else 0.0




async def test_a_long_polling_client_that_stops_polling_is_dropped(make_client, settings_factory):
    client = await make_client(socket_max_queued_packets=LIMIT)
    app = app_of(client)
    user_id = f"u-{uuid.uuid4()}"
    token = signer_for(settings_factory()).issue_access(user_id, ["customer"])
    opened = await (await client.get("/socket.io/?EIO=4&transport=polling")).text()
    eio_sid = orjson.loads(opened[1:])["sid"]
    poll = f"/socket.io/?EIO=4&transport=polling&sid={eio_sid}"
    assert (await client.post(poll, data=_auth_packet(token))).status == 200
    assert (await (await client.get(poll)).text()).startswith("40/presence,")
    drops_before = await _drops(client)
    sock = app[SIO].eio.sockets[eio_sid]

    for n in range(LIMIT * 5):  # nobody polls
        await app[EMITTER].emit_to_user(PRESENCE, user_id, "probe", {"n": n})
        assert sock.queue.qsize() <= LIMIT
    await wait_until(lambda: sock.closed, 5, "the socket closed")
    assert await _drops(client) == drops_before + 1
    namespace = app[SIO].namespace_handlers[PRESENCE]
    assert not any(user == user_id for _eio, user in namespace._open.values())
    # The client's next poll collects the goodbye, none of the events it could not keep up with.
    response = await client.get(poll)
    assert response.status == 400 or await response.text() == "1"


def _tiny_receive_buffer(addr_info):
    family, kind, proto, _name, _address = addr_info
    sock = socket.socket(family=family, type=kind, proto=proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    return sock


async def test_a_websocket_client_that_stops_reading_is_dropped_with_a_reason(make_client, settings_factory):
    client = await make_client(socket_max_queued_packets=LIMIT)
    app = app_of(client)
    user_id = f"u-{uuid.uuid4()}"
    token = signer_for(settings_factory()).issue_access(user_id, ["customer"])
    url = str(client.make_url("/socket.io/?EIO=4&transport=websocket"))
    connector = aiohttp.TCPConnector(socket_factory=_tiny_receive_buffer)
    async with aiohttp.ClientSession(connector=connector) as session, session.ws_connect(url) as ws:
        eio_sid = orjson.loads((await ws.receive_str())[1:])["sid"]
        await ws.send_str(_auth_packet(token))
        assert (await ws.receive_str()).startswith("40/presence,")
        sock = app[SIO].eio.sockets[eio_sid]
        drops_before = await _drops(client)

        filler = "x" * 8192
        deepest = 0
        for n in range(3000):  # ~24 MiB if nothing stopped it; the kernel buffers take a few
            if sock.closed:
                break
            await app[EMITTER].emit_to_user(PRESENCE, user_id, "probe", {"n": n, "filler": filler})
            deepest = max(deepest, sock.queue.qsize())
            if n % 20 == 0:
                await asyncio.sleep(0)  # let the writer hit the full transport
        await wait_until(lambda: sock.closed, 5, "the slow client dropped")
        assert deepest <= LIMIT
        assert await _drops(client) == drops_before + 1

        # Reading again, the client finds the end of the stream: a close frame with the reason
        # when it got through before the server gave up waiting, else a dropped connection.
        async def drain() -> aiohttp.WSMessage:
            while True:
                message = await ws.receive()
                if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    return message

        end = await asyncio.wait_for(drain(), 10)
        if end.type == aiohttp.WSMsgType.CLOSE:
            assert end.data == SLOW_CONSUMER_CLOSE_CODE and end.extra == "slow consumer"


async def test_a_client_that_keeps_up_is_never_dropped(make_client, settings_factory):
    client = await make_client(socket_max_queued_packets=LIMIT)
    app = app_of(client)
    user_id = f"u-{uuid.uuid4()}"
    token = signer_for(settings_factory()).issue_access(user_id, ["customer"])
    url = str(client.make_url("/socket.io/?EIO=4&transport=websocket"))
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        eio_sid = orjson.loads((await ws.receive_str())[1:])["sid"]
        await ws.send_str(_auth_packet(token))
        assert (await ws.receive_str()).startswith("40/presence,")
        for n in range(LIMIT * 20):  # many more than the limit, but read as they come
            await app[EMITTER].emit_to_user(PRESENCE, user_id, "probe", {"n": n})
            if n % 5 == 4:
                for _ in range(5):
                    await asyncio.wait_for(ws.receive_str(), 5)
        assert not app[SIO].eio.sockets[eio_sid].closed
