"""The Engine.IO / Socket.IO wire answers the reference implementation (Node's engine.io and
socket.io v4) gives where python-engineio's differ, checked with hand-made requests and frames
(tests/support/engineio_raw.py). docs/events.md "Engine.IO conformance" lists them."""

from __future__ import annotations

import asyncio
import json
import uuid

import aiohttp
import pytest

from realtime.server import SIO
from tests.conftest import app_of
from tests.support.engineio_raw import RawEngineIO, connect_packet
from tests.support.socket_clients import signer_for
from tests.support.waiting import wait_until

PRESENCE = "/presence"
UNKNOWN_SID = {"code": 1, "message": "Session ID unknown"}


@pytest.fixture
async def http():
    async with aiohttp.ClientSession() as session:
        yield session


def _url(client) -> str:
    return str(client.make_url("")).rstrip("/")


def _token(settings_factory) -> str:
    return signer_for(settings_factory()).issue_access(f"u-{uuid.uuid4()}", ["customer"])


async def _server_closed(client, sid: str) -> None:
    """The server has closed the session (what a client only learns from its next request)."""
    sockets = app_of(client)[SIO].eio.sockets
    await wait_until(lambda: sid not in sockets or sockets[sid].closed, 10, "the session closed by the server")


@pytest.mark.parametrize("transport", ["flash", "webtransport", None])
async def test_an_unknown_transport_is_refused(make_client, http, transport):
    engine = RawEngineIO(http, _url(await make_client()))
    answer = await engine.request("GET", engine.query(transport))
    assert answer.status == 400
    assert answer.json() == {"code": 0, "message": "Transport unknown"}


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "POST"])
async def test_a_handshake_is_a_get(make_client, http, method):
    engine = RawEngineIO(http, _url(await make_client()))
    answer = await engine.request(method, engine.query())
    assert answer.status == 400
    assert answer.json() == {"code": 2, "message": "Bad handshake method"}


async def test_an_open_session_refuses_other_methods_and_keeps_working(make_client, http, settings_factory):
    engine = RawEngineIO(http, _url(await make_client()))
    await engine.handshake()
    for method in ("PUT", "DELETE", "PATCH"):
        answer = await engine.request(method, engine.query())
        assert (answer.status, answer.json()) == (400, {"code": 3, "message": "Bad request"}), method
    assert (await engine.request("OPTIONS", engine.query())).status == 200  # CORS preflight
    assert (await engine.push(connect_packet(PRESENCE, {"token": _token(settings_factory)}))).status == 200
    assert (await engine.poll()).text.startswith(f"40{PRESENCE},")


async def test_an_unknown_namespace_is_an_invalid_namespace(make_client, http, settings_factory):
    engine = RawEngineIO(http, _url(await make_client()))
    await engine.handshake()
    await engine.push(connect_packet("/nope", {"token": _token(settings_factory)}))
    answer = await engine.poll()
    assert answer.packets == ['44/nope,{"message":"Invalid namespace"}']
    # The session is not over: a known namespace still connects.
    await engine.push(connect_packet(PRESENCE, {"token": _token(settings_factory)}))
    assert (await engine.poll()).text.startswith(f"40{PRESENCE},")


# Pings every 2 s, 0.5 s to answer: python-engineio kept a request on a timed-out session waiting
# for ping_interval + ping_timeout (2.5 s) before its 400, the reference answers at once.
PING = {"socket_ping_interval_seconds": 2.0, "socket_ping_timeout_seconds": 0.5}


async def test_a_session_closed_by_ping_timeout_answers_its_next_request_400(make_client, http):
    client = await make_client(**PING)
    engine = RawEngineIO(http, _url(client))
    await engine.handshake()
    assert (await engine.poll()).packets == ["2"]  # the server's PING, left unanswered
    await _server_closed(client, engine.sid)
    answer = await asyncio.wait_for(engine.poll(), 1.5)
    assert (answer.status, answer.json()) == (400, UNKNOWN_SID)
    assert (await engine.push("40")).status == 400


async def test_a_poll_pending_at_the_ping_timeout_gets_the_close_packet(make_client, http):
    client = await make_client(**PING)
    engine = RawEngineIO(http, _url(client))
    await engine.handshake()
    assert (await engine.poll()).packets == ["2"]
    pending = await asyncio.wait_for(engine.poll(), 5)  # held until the ping timeout closes the session
    assert (pending.status, pending.packets) == (200, ["1"])
    answer = await engine.poll()
    assert (answer.status, answer.json()) == (400, UNKNOWN_SID)


async def test_a_forced_close_reaches_the_pending_poll(make_client, http):
    """The server closes a client that joined no namespace (the connect timeout, below): the
    poll the client has waiting gets the CLOSE packet, as from Node's engine.io."""
    client = await make_client(socket_connect_timeout_seconds=0.5)
    engine = RawEngineIO(http, _url(client))
    await engine.handshake()
    pending = await asyncio.wait_for(engine.poll(), 5)
    assert (pending.status, pending.packets) == (200, ["1"])
    answer = await engine.poll()
    assert (answer.status, answer.json()) == (400, UNKNOWN_SID)


async def test_a_forced_close_between_polls_is_collected_by_the_next_poll(make_client, http):
    client = await make_client(socket_connect_timeout_seconds=0.5)
    engine = RawEngineIO(http, _url(client))
    await engine.handshake()
    await _server_closed(client, engine.sid)
    answer = await asyncio.wait_for(engine.poll(), 5)
    assert (answer.status, answer.packets) == (200, ["6", "1"])  # NOOP then CLOSE, as the reference
    answer = await engine.poll()
    assert (answer.status, answer.json()) == (400, UNKNOWN_SID)


async def test_a_websocket_that_joins_no_namespace_is_closed_after_the_connect_timeout(make_client, http):
    engine = RawEngineIO(http, _url(await make_client(socket_connect_timeout_seconds=0.5)))
    async with await engine.websocket() as ws:
        opened = await ws.receive_str(timeout=5)
        assert opened.startswith("0")
        assert await ws.receive_str(timeout=5) == "1"
        closing = await ws.receive(timeout=5)
        assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)


async def test_a_client_that_joined_a_namespace_outlives_the_connect_timeout(make_client, http, settings_factory):
    engine = RawEngineIO(http, _url(await make_client(socket_connect_timeout_seconds=1.0)))
    await engine.handshake()
    await engine.push(connect_packet(PRESENCE, {"token": _token(settings_factory)}))
    assert (await engine.poll()).text.startswith(f"40{PRESENCE},")
    await asyncio.sleep(3.0)  # proves an absence: three connect timeouts pass without a close
    await engine.push(f'42{PRESENCE},7["presence:subscribe",{{"user_ids":[]}}]')
    answer = await asyncio.wait_for(engine.poll(), 5)
    assert answer.packets == [f'43{PRESENCE},7[{{"ok":true,"data":{{"states":[]}}}}]']


async def test_a_client_refused_by_every_namespace_is_closed_after_the_connect_timeout(make_client, http):
    client = await make_client(socket_connect_timeout_seconds=0.5)
    engine = RawEngineIO(http, _url(client))
    await engine.handshake()
    await engine.push(connect_packet(PRESENCE, {"token": "not-a-token"}))
    refused = await engine.poll()
    assert refused.text.startswith(f"44{PRESENCE},")
    closed = await asyncio.wait_for(engine.poll(), 5)
    assert closed.packets == ["1"]


async def _upgrade(engine: RawEngineIO, finish: bool = True) -> aiohttp.ClientWebSocketResponse:
    ws = await engine.websocket()
    await ws.send_str("2probe")
    assert await ws.receive_str(timeout=5) == "3probe"
    if finish:
        await ws.send_str("5")
    return ws


@pytest.mark.parametrize("finished", [True, False], ids=["upgraded", "upgrading"])
async def test_a_second_websocket_for_an_upgraded_session_is_refused(make_client, http, settings_factory, finished):
    engine = RawEngineIO(http, _url(await make_client()))
    await engine.handshake()
    first = await _upgrade(engine, finish=finished)
    try:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await engine.websocket()
        assert refused.value.status == 400
        if not finished:
            await first.send_str("5")
        # The first websocket still carries the session.
        await first.send_str(connect_packet(PRESENCE, {"token": _token(settings_factory)}))
        reply = await first.receive_str(timeout=5)
        while reply == "6":  # the NOOP that ended the poll of the upgrade
            reply = await first.receive_str(timeout=5)
        assert reply.startswith(f"40{PRESENCE},")
    finally:
        await first.close()


async def test_binary_attachments_are_refused_with_an_error_ack(make_client, http, settings_factory):
    engine = RawEngineIO(http, _url(await make_client()))
    async with await engine.websocket() as ws:
        assert (await ws.receive_str(timeout=5)).startswith("0")
        await ws.send_str(connect_packet(PRESENCE, {"token": _token(settings_factory)}))
        assert (await ws.receive_str(timeout=5)).startswith(f"40{PRESENCE},")
        placeholder = {"_placeholder": True, "num": 0}
        await ws.send_str(f"451-{PRESENCE},7" + json.dumps(["presence:subscribe", {"user_ids": [placeholder]}]))
        await ws.send_bytes(b"\x00\x01attachment")
        ack = await ws.receive_str(timeout=5)
        assert ack.startswith(f"43{PRESENCE},7")
        [error] = json.loads(ack[len(f"43{PRESENCE},7") :])
        assert error["ok"] is False and error["error"]["code"] == "validation_failed"
        # The attachment was swallowed, not read as a packet: the socket keeps working.
        await ws.send_str(f'42{PRESENCE},8["presence:subscribe",{{"user_ids":[]}}]')
        assert await ws.receive_str(timeout=5) == f'43{PRESENCE},8[{{"ok":true,"data":{{"states":[]}}}}]'
