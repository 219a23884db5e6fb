"""A raw /messaging Socket.IO client for the load generators: Engine.IO 4 / Socket.IO 5 frames
spoken over an aiohttp websocket (`40/messaging,{token}`, `42` events, `43` acks, answering
pings), one reader task per socket. A python-socketio client per user would cost more CPU than
the server it measures (the generator shares the machine's cores with it)."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any, Protocol

import aiohttp
import orjson

NS = "/messaging"
EVENT_PREFIX = f"42{NS},"
ACK_PREFIX = f"43{NS},"


class Listener(Protocol):
    def on_message(self, socket: Socket, payload: dict[str, Any]) -> None: ...


class Socket:
    """One participant's /messaging socket; its `message:new` events go to `listener`."""

    def __init__(self, listener: Listener, user: str) -> None:
        self.listener, self.user = listener, user
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.acks: dict[int, asyncio.Future[Any]] = {}
        self.ids = itertools.count(1)
        self.last_seq: dict[str, int] = {}

    async def connect(self, session: aiohttp.ClientSession, base: str, token: str) -> None:
        ws = self.ws = await session.ws_connect(f"{base}/socket.io/?EIO=4&transport=websocket", heartbeat=None)
        opened = await ws.receive_str()
        assert opened.startswith("0"), opened
        await ws.send_str(f"40{NS}," + orjson.dumps({"token": token}).decode())
        while True:
            frame = await ws.receive_str()
            if frame == "2":
                await ws.send_str("3")
                continue
            assert frame.startswith(f"40{NS},"), frame[:300]
            break
        asyncio.get_running_loop().create_task(self.read())

    async def emit(self, event: str, data: Any) -> Any:
        assert self.ws is not None
        ack_id = next(self.ids)
        waiter = self.acks[ack_id] = asyncio.get_running_loop().create_future()
        await self.ws.send_str(f"42{NS},{ack_id}" + orjson.dumps([event, data]).decode())
        return await waiter

    async def read(self) -> None:
        assert self.ws is not None
        async for msg in self.ws:
            if msg.type is not aiohttp.WSMsgType.TEXT:
                break
            frame: str = msg.data
            if frame == "2":
                await self.ws.send_str("3")
            elif frame.startswith(EVENT_PREFIX):
                name, payload = orjson.loads(frame[len(EVENT_PREFIX) :])
                if name == "message:new":
                    self.listener.on_message(self, payload)
            elif frame.startswith(ACK_PREFIX):
                rest = frame[len(ACK_PREFIX) :]
                cut = rest.index("[")
                waiter = self.acks.pop(int(rest[:cut]), None)
                if waiter is not None and not waiter.done():
                    waiter.set_result(orjson.loads(rest[cut:])[0])
