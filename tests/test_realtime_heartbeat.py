"""The Engine.IO heartbeat on a websocket: PINGs every `ping_interval`, the client's PONGs taken
as they are parsed (realtime/ws_response.py: an idle socket wakes no task), and a client that
stops answering closed after `ping_timeout`, websocket included (its reader has no timeout)."""

from __future__ import annotations

import asyncio
import time
import uuid

import aiohttp
import orjson

from realtime.server import SIO
from realtime.timers import TimerList
from tests.conftest import app_of
from tests.support.socket_clients import signer_for
from tests.support.waiting import wait_until

PRESENCE = "/presence"
FAST = {"socket_ping_interval_seconds": 0.2, "socket_ping_timeout_seconds": 0.4}


async def _open(session, client, settings_factory):
    token = signer_for(settings_factory()).issue_access(f"u-{uuid.uuid4()}", ["customer"])
    ws = await session.ws_connect(str(client.make_url("/socket.io/?EIO=4&transport=websocket")))
    eio_sid = orjson.loads((await ws.receive_str())[1:])["sid"]
    await ws.send_str("40" + PRESENCE + "," + orjson.dumps({"token": token}).decode())
    assert (await ws.receive_str()).startswith("40/presence,")
    return ws, eio_sid


async def test_pongs_keep_an_idle_websocket_open_without_reaching_the_packet_handler(make_client, settings_factory):
    client = await make_client(**FAST)
    app = app_of(client)
    async with aiohttp.ClientSession() as session:
        ws, eio_sid = await _open(session, client, settings_factory)
        sock = app[SIO].eio.sockets[eio_sid]
        handled: list[int] = []
        receive = sock.receive

        async def recording(pkt):
            handled.append(pkt.packet_type)
            await receive(pkt)

        sock.receive = recording
        pings = 0
        deadline = time.monotonic() + 2.0  # five ping intervals, well past interval + timeout
        while time.monotonic() < deadline:
            message = await asyncio.wait_for(ws.receive_str(), 2)
            assert message == "2"
            pings += 1
            await ws.send_str("3")
        assert pings >= 5
        assert not sock.closed
        assert handled == []  # every PONG was taken where it was parsed
        await ws.send_str('42/presence,1["presence:set",{"status":"away"}]')  # other packets still go through
        assert (await asyncio.wait_for(ws.receive_str(), 2)).startswith("43/presence,1")
        assert handled[-1] == 4  # MESSAGE
        await ws.close()


async def test_a_websocket_that_stops_answering_is_closed_after_the_ping_timeout(make_client, settings_factory):
    client = await make_client(**FAST)
    app = app_of(client)
    async with aiohttp.ClientSession() as session:
        ws, eio_sid = await _open(session, client, settings_factory)
        sock = app[SIO].eio.sockets[eio_sid]
        assert await asyncio.wait_for(ws.receive_str(), 2) == "2"
        pinged = time.monotonic()
        # No PONG: the server sends CLOSE, then closes the websocket itself.
        assert await asyncio.wait_for(ws.receive_str(), 5) == "1"
        closed_after = time.monotonic() - pinged
        end = await asyncio.wait_for(ws.receive(), 5)
        assert end.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        assert 0.3 <= closed_after < 2.0  # the timeout (0.4 s), not a sweep or an idle timer later
        await wait_until(lambda: sock.closed and eio_sid not in app[SIO].eio.sockets, 5, "the session dropped")


async def test_timers_with_slack_run_what_falls_due_within_it_together():
    """The heartbeat's timers (realtime/timers.py): one loop wake-up per batch, none early."""
    loop = asyncio.get_running_loop()
    fired: list[tuple[int, float]] = []
    timers = TimerList(slack=0.1)
    start = loop.time()
    for n in range(3):
        timers.add(lambda arg: fired.append((arg, loop.time())), n, 0.02 * (n + 1))
    await asyncio.sleep(0.4)
    assert [arg for arg, _at in fired] == [0, 1, 2]
    instants = [at for _arg, at in fired]
    assert max(instants) - min(instants) < 0.01  # one batch
    assert instants[0] - start >= 0.06  # the last one's due time: nobody ran early
