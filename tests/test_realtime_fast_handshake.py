"""A new websocket session's handshake skips the REST middleware chain (realtime/handshake.py)
but keeps what every handshake must have: its request id (echoed when sane, minted otherwise)
and security headers on the 101, its request metrics and log line, the per-address handshake
limit, authentication on every namespace connect (revoked tokens refused). Anything it does not
recognise takes the stock path, refusals included."""

from __future__ import annotations

import asyncio
import uuid

import aiohttp
import orjson
import pytest
from redis.asyncio import Redis

from domain.accounts.revocation import Revocation
from realtime import handshake
from realtime.server import REALTIME_DEPS
from rest.metrics import REQUESTS
from tests.conftest import app_of
from tests.support.socket_clients import signer_for

URL = "/socket.io/?EIO=4&transport=websocket"


@pytest.fixture
def fast_calls(monkeypatch):
    """How many handshakes took the fast path."""
    calls: list[str] = []
    original = handshake.FastHandshake._open

    async def spy(self, request):
        calls.append(request.path)
        return await original(self, request)

    monkeypatch.setattr(handshake.FastHandshake, "_open", spy)
    return calls


def _count(status: str) -> float:
    return REQUESTS.labels("GET", "/socket.io/", status)._value.get()


async def _connect(ws, token: str, namespace: str = "/") -> str:
    await ws.receive_str()  # the Engine.IO OPEN
    prefix = "" if namespace == "/" else namespace + ","
    await ws.send_str("40" + prefix + orjson.dumps({"token": token}).decode())
    return await asyncio.wait_for(ws.receive_str(), 10)  # generous: a loaded CI machine, a cold first test


async def test_a_websocket_handshake_takes_the_fast_path_with_request_id_headers_and_metrics(
        make_client, settings_factory, fast_calls):
    client = await make_client()
    token = signer_for(settings_factory()).issue_access(f"u-{uuid.uuid4()}", ["customer"])
    before = _count("101")
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(str(client.make_url(URL)), headers={"X-Request-ID": "hs-123"})
        assert ws._response.headers["X-Request-ID"] == "hs-123"
        assert ws._response.headers["X-Content-Type-Options"] == "nosniff"
        assert (await _connect(ws, token)).startswith("40{")  # authenticated and connected
        await ws.close()
        ws = await session.ws_connect(str(client.make_url(URL)), headers={"X-Request-ID": "bad id!"})
        minted = ws._response.headers["X-Request-ID"]
        assert minted != "bad id!" and len(minted) == 32 and int(minted, 16) >= 0
        await ws.close()
    assert fast_calls == ["/socket.io/", "/socket.io/"]
    assert _count("101") == before + 2


async def test_every_fast_connect_still_authenticates_and_refuses_revoked_tokens(
        make_client, settings_factory, fast_calls):
    client = await make_client()
    app = app_of(client)
    signer = signer_for(settings_factory())
    user_id = f"u-{uuid.uuid4()}"
    session_id = f"s-{uuid.uuid4()}"  # session ids are unique: the store remembers revoked ones by id
    token = signer.issue_access(user_id, ["customer"], session_id=session_id)
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(str(client.make_url(URL)))
        assert (await _connect(ws, "not-a-token")).startswith("44{")  # CONNECT_ERROR
        await ws.close()
        ws = await session.ws_connect(str(client.make_url(URL)))
        assert (await _connect(ws, token)).startswith("40{")
        await ws.close()
        # The verified-token memory must not outlive a revocation.
        revocations = app[REALTIME_DEPS].revocations
        await revocations.revoke(Revocation(user_id=user_id, session_id=session_id))
        ws = await session.ws_connect(str(client.make_url(URL)))
        reply = await _connect(ws, token)
        assert reply.startswith("44{") and "revoked" in reply
        await ws.close()
    assert len(fast_calls) == 3


async def test_the_handshake_limit_applies_on_the_fast_path(make_client, services, fast_calls):
    redis = Redis.from_url(services.redis_url)
    try:
        async for key in redis.scan_iter(match="*eio:127.0.0.1*"):
            await redis.delete(key)
        client = await make_client(socket_handshakes_per_minute=2)
        async with aiohttp.ClientSession() as session:
            for _ in range(2):
                ws = await session.ws_connect(str(client.make_url(URL)))
                await ws.close()
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(str(client.make_url(URL)))
            assert refused.value.status == 429
            assert int(refused.value.headers["Retry-After"]) >= 1
        assert len(fast_calls) == 3
    finally:
        async for key in redis.scan_iter(match="*eio:127.0.0.1*"):
            await redis.delete(key)
        await redis.aclose()


@pytest.mark.parametrize("url, headers, status", [
    ("/socket.io/?EIO=3&transport=websocket", {}, 400),  # an Engine.IO version python-engineio refuses
    ("/socket.io/?EIO=4&transport=websocket&EIO=4", {}, 400),  # a repeated parameter
    (URL + "&sid=nope", {}, 400),  # an upgrade of a session that does not exist
    (URL, {"Origin": "https://evil.example"}, 400),  # an origin python-engineio refuses
])
async def test_what_the_fast_path_does_not_recognise_is_answered_as_before(
        make_client, fast_calls, url, headers, status):
    client = await make_client()
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(str(client.make_url(url)), headers=headers)
        assert refused.value.status == status
    assert fast_calls == []


async def _raw_handshake(client, headers: dict[str, str]) -> bytes:
    """A websocket handshake by hand; what the server answers before it would wait for frames."""
    reader, writer = await asyncio.open_connection(client.host, client.port)
    lines = [f"GET {URL} HTTP/1.1", f"Host: {client.host}:{client.port}", "Upgrade: websocket",
             "Connection: Upgrade"] + [f"{name}: {value}" for name, value in headers.items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
    try:
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 2)
    finally:
        writer.close()
    return head


@pytest.mark.parametrize(("headers", "status", "switched"), [
    ({"Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13"}, b"101", True),
    ({"Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13",
      "Sec-WebSocket-Protocol": "chat"}, b"101", False),  # aiohttp chooses none, as before
    ({"Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "8"}, b"101", False),
    ({"Sec-WebSocket-Key": "c2hvcnQ=", "Sec-WebSocket-Version": "13"}, b"400", False),  # not 16 bytes
    ({"Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "12"}, b"400", False),
    ({"Sec-WebSocket-Version": "13"}, b"400", False),  # no key
])
async def test_the_101_is_written_by_the_fast_path_only_for_what_aiohttp_would_accept_as_is(
        make_client, monkeypatch, headers, status, switched):
    """Without compression the fast path writes the 101 itself (`_switch`); anything else goes
    through python-engineio's upgrade and aiohttp's websocket response, which answer as before."""
    client = await make_client()
    switches: list[str] = []
    original = handshake.FastHandshake._switch

    async def spy(self, request, *args):
        switches.append(request.path)
        return await original(self, request, *args)

    monkeypatch.setattr(handshake.FastHandshake, "_switch", spy)
    head = await _raw_handshake(client, headers)
    assert head.split(b" ", 2)[1] == status
    assert (switches == ["/socket.io/"]) is switched
    if status == b"101":
        assert b"sec-websocket-accept: s3pplmbitxaq9kygzzhzrbk+xoo=" in head.lower()  # RFC 6455's example key
        assert b"sec-websocket-protocol" not in head.lower() and b"x-request-id" in head.lower()
