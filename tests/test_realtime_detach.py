"""A new websocket session leaves aiohttp's request handler (realtime/ws_session.py): the
connection is handed to a small protocol object, aiohttp's handler returns, and an idle socket
holds no task. These tests fail if the detach stops happening (it relies on private aiohttp
3.14 API: `WebSocketReader`, `WebSocketResponse._reader`, `RequestHandler.transport`) or if a
detached session stops behaving as aiohttp's path did."""

from __future__ import annotations

import asyncio
import uuid

import aiohttp
import orjson

from realtime.engine import WRITER_ATTR
from realtime.server import SIO
from realtime.ws_session import WebSocketSession
from tests.conftest import app_of
from tests.support.socket_clients import signer_for
from tests.support.waiting import wait_until

PRESENCE = "/presence"
URL = "/socket.io/?EIO=4&transport=websocket"


async def _open(session, client, settings_factory):
    token = signer_for(settings_factory()).issue_access(f"u-{uuid.uuid4()}", ["customer"])
    ws = await session.ws_connect(str(client.make_url(URL)))
    eio_sid = orjson.loads((await ws.receive_str())[1:])["sid"]
    await ws.send_str("40" + PRESENCE + "," + orjson.dumps({"token": token}).decode())
    assert (await asyncio.wait_for(ws.receive_str(), 2)).startswith("40/presence,")
    return ws, eio_sid


def _server_tasks() -> list[str]:
    """Tasks of the server's socket machinery (aiohttp's handlers, our session tasks)."""
    names = []
    for task in asyncio.all_tasks():
        qualname = getattr(task.get_coro(), "__qualname__", "")
        if qualname.startswith(("RequestHandler.", "WebSocketSession.", "_write_loop")):
            names.append(qualname)
    return names


async def test_an_idle_websocket_is_detached_and_holds_no_task(make_client, settings_factory):
    client = await make_client()
    app = app_of(client)
    before = _server_tasks()
    async with aiohttp.ClientSession() as session:
        sockets = [await _open(session, client, settings_factory) for _ in range(3)]
        for _ws, eio_sid in sockets:
            writer = app[SIO].eio.sockets[eio_sid].__dict__[WRITER_ATTR]
            assert isinstance(writer.response, WebSocketSession)
            assert writer.transport.get_protocol() is writer.response
            assert writer.idle
        await asyncio.sleep(0.1)
        assert _server_tasks() == before  # no handler, reader or writer task per idle socket
        ws, _eio_sid = sockets[0]
        await ws.send_str('42/presence,1["presence:set",{"status":"away"}]')  # events still go through
        assert (await asyncio.wait_for(ws.receive_str(), 2)).startswith("43/presence,1")
        for ws, _eio_sid in sockets:
            await ws.close()


async def test_a_client_close_ends_the_session_at_once(make_client, settings_factory):
    client = await make_client()
    app = app_of(client)
    async with aiohttp.ClientSession() as session:
        ws, eio_sid = await _open(session, client, settings_factory)
        sock = app[SIO].eio.sockets[eio_sid]
        await ws.close()
        assert ws.close_code == 1000  # our close frame answered the client's
        await wait_until(lambda: sock.closed and eio_sid not in app[SIO].eio.sockets, 2, "the session ended")


async def test_a_websocket_ping_is_answered_and_an_oversized_frame_closes_with_1009(make_client, settings_factory):
    client = await make_client(socket_max_payload_bytes=10_000)
    app = app_of(client)
    async with aiohttp.ClientSession() as session:
        ws, eio_sid = await _open(session, client, settings_factory)
        await ws.ping(b"hello")
        await ws.send_str('42/presence,1["presence:set",{"status":"away"}]')
        assert (await asyncio.wait_for(ws.receive_str(), 2)).startswith("43/presence,1")
        await ws.send_str("4" + "x" * 20_000)
        end = await asyncio.wait_for(ws.receive(), 2)
        assert end.type == aiohttp.WSMsgType.CLOSE and end.data == 1009
        sock_gone = lambda: eio_sid not in app[SIO].eio.sockets  # noqa: E731
        await wait_until(sock_gone, 2, "the session ended")


async def test_a_server_disconnect_reaches_a_detached_client(make_client, settings_factory):
    client = await make_client()
    app = app_of(client)
    async with aiohttp.ClientSession() as session:
        ws, eio_sid = await _open(session, client, settings_factory)
        sio = app[SIO]
        sid = sio.manager.sid_from_eio_sid(eio_sid, PRESENCE)
        await sio.disconnect(sid, namespace=PRESENCE)
        assert await asyncio.wait_for(ws.receive_str(), 2) == "41/presence,"


async def test_shutdown_closes_detached_websockets_with_going_away(make_client, settings_factory):
    client = await make_client()
    async with aiohttp.ClientSession() as session:
        ws, _eio_sid = await _open(session, client, settings_factory)
        closing = asyncio.ensure_future(client.server.close())

        async def until_closed() -> aiohttp.WSMessage:
            while True:
                message = await ws.receive()
                if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    return message

        end = await asyncio.wait_for(until_closed(), 10)
        assert end.type == aiohttp.WSMsgType.CLOSE and end.data == 1001
        await ws.close()
        await asyncio.wait_for(closing, 10)
