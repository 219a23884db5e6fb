"""What the Socket.IO endpoint negotiates before any event: allowed origins, compression,
and a long-polling client's prompt goodbye."""

from __future__ import annotations

import asyncio
import base64
import os
import time
import uuid

import pytest

from realtime.server import SIO
from tests.conftest import app_of
from tests.support.socket_clients import Recorder, signer_for, try_connect
from tests.support.waiting import wait_until

ALLOWED = "https://app.fieldsync.test"  # the test settings' CORS_ORIGINS


def _url(client) -> str:
    return str(client.make_url("")).rstrip("/")


@pytest.fixture
async def token(settings_factory):
    return signer_for(settings_factory()).issue_access(f"u-{uuid.uuid4()}", ["customer"])


@pytest.mark.parametrize("transport", ["websocket", "polling"])
async def test_only_allowed_origins_may_open_a_socket(make_client, token, transport):
    client = await make_client()
    url = _url(client)
    foreign = await try_connect(url, "/", auth={"token": token}, transport=transport,
                                headers={"Origin": "https://evil.example"})
    assert not foreign.connected
    allowed = await try_connect(url, "/", auth={"token": token}, transport=transport, headers={"Origin": ALLOWED})
    assert allowed.connected
    # Mobile apps and servers send no Origin at all.
    assert (await try_connect(url, "/", auth={"token": token}, transport=transport)).connected


async def test_the_foreign_origin_is_refused_at_the_handshake(make_client):
    client = await make_client()
    refused = await client.get("/socket.io/?EIO=4&transport=polling", headers={"Origin": "https://evil.example"})
    assert refused.status == 400
    assert "Access-Control-Allow-Origin" not in refused.headers
    opened = await client.get("/socket.io/?EIO=4&transport=polling", headers={"Origin": ALLOWED})
    assert opened.status == 200
    assert opened.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "Access-Control-Allow-Credentials" not in opened.headers


async def test_no_configured_origin_means_same_origin_only(make_client, token):
    """python-socketio reads an empty allow-list as "check nothing"; ours must not."""
    client = await make_client(cors_origins=[])
    url = _url(client)
    for origin in ("https://evil.example", ALLOWED):
        assert not (await try_connect(url, "/", auth={"token": token}, headers={"Origin": origin})).connected
    assert (await try_connect(url, "/", auth={"token": token}, headers={"Origin": url})).connected
    assert (await try_connect(url, "/", auth={"token": token})).connected


async def _upgrade_response_headers(port: int) -> dict[str, str]:
    """Open a raw websocket handshake offering permessage-deflate, as browsers do."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        key = base64.b64encode(os.urandom(16)).decode()
        writer.write(
            (
                "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                f"Host: 127.0.0.1:{port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n"
            ).encode()
        )
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
    finally:
        writer.close()
    status, *lines = head.decode().split("\r\n")
    assert " 101 " in status, status
    return {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines if line)}


async def _dropped(client) -> None:
    """The server has let go of the handshake's socket. Shutting down while it still holds a
    socket whose connection just closed waits about 4 s for it (seen in teardown)."""
    await wait_until(lambda: not app_of(client)[SIO].eio.sockets, 10, "the closed handshake's socket dropped")


async def test_websocket_compression_is_off_by_default(make_client):
    client = await make_client()
    headers = await _upgrade_response_headers(client.port)
    assert "sec-websocket-extensions" not in headers
    await _dropped(client)


async def test_websocket_compression_can_be_switched_on(make_client):
    client = await make_client(socket_compression=True)
    headers = await _upgrade_response_headers(client.port)
    assert headers.get("sec-websocket-extensions", "").startswith("permessage-deflate")
    await _dropped(client)


async def test_a_polling_client_disconnects_promptly(make_client, token):
    """python-engineio would hold the client's last GET until ping_interval + ping_timeout."""
    client = await make_client(socket_ping_interval_seconds=20, socket_ping_timeout_seconds=20)
    recorder = await Recorder.connect(_url(client), token, ["/", "/feed"], transport="polling")
    started = time.monotonic()
    await asyncio.wait_for(recorder.client.disconnect(), 10)
    assert time.monotonic() - started < 2
