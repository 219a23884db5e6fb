"""Devices for the cross-process messaging tests: the official JavaScript socket.io-client
(driven through tests/js/messaging_driver.js over stdin/stdout JSON lines) and python-socketio's
AsyncClient, behind one small interface."""

from __future__ import annotations

import asyncio
import itertools
import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any, Protocol

import pytest
from redis.asyncio import Redis

from tests.support.identity import Account
from tests.support.messaging import NS, emit, messaging_client
from tests.support.socket_clients import Recorder
from tests.support.waiting import wait_until

JS_DIR = Path(__file__).resolve().parents[1] / "js"


class Device(Protocol):
    async def call(self, event: str, payload: Any) -> Any: ...

    async def next_event(self, event: str, timeout: float = 10.0) -> Any: ...

    def pending(self, event: str) -> int: ...

    async def close(self) -> None: ...


class PyDevice:
    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder

    @classmethod
    async def connect(cls, url: str, account: Account, transport: str = "websocket") -> PyDevice:
        return cls(await messaging_client(url, account, transport))

    async def call(self, event: str, payload: Any) -> Any:
        return await emit(self.recorder, event, payload)

    async def next_event(self, event: str, timeout: float = 10.0) -> Any:
        return await self.recorder.next_event(NS, event, timeout)

    def pending(self, event: str) -> int:
        return self.recorder.pending(NS, event)

    async def close(self) -> None:
        await self.recorder.close()


def ensure_node_modules() -> None:
    """Skip without node; install the pinned client (npm ci) when node_modules is missing."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the JavaScript socket.io-client tests need Node 20")
    if not (JS_DIR / "node_modules" / "socket.io-client").is_dir():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: cannot install socket.io-client for the JavaScript tests")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=JS_DIR, check=True, timeout=300,
                       stdout=subprocess.DEVNULL)


class JsDriver:
    """One node process holding any number of socket.io-client sockets."""

    def __init__(self) -> None:
        self.proc: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self._acks: dict[int, asyncio.Future[Any]] = {}
        self._events: dict[tuple[str, str], asyncio.Queue[Any]] = defaultdict(asyncio.Queue)
        self._requests = itertools.count(1)
        self._ids = itertools.count(1)

    async def start(self) -> JsDriver:
        self.proc = await asyncio.create_subprocess_exec(
            "node", str(JS_DIR / "messaging_driver.js"), cwd=JS_DIR,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, limit=16 * 1024 * 1024,
        )
        self._reader = asyncio.create_task(self._read())
        assert (await self._next("_", "ready"))["type"] == "ready"
        return self

    async def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        async for raw in self.proc.stdout:
            line = json.loads(raw)
            kind = line["type"]
            if kind in ("ack", "ack_timeout"):
                future = self._acks.pop(line["req"], None)
                if future is not None and not future.done():
                    future.set_result(line.get("data") if kind == "ack" else {"ok": False, "timeout": True})
            elif kind == "event":
                self._events[(line["id"], line["event"])].put_nowait(line["data"])
            else:
                self._events[(line.get("id", "_"), kind)].put_nowait(line)

    def _send(self, command: dict[str, Any]) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(command) + "\n").encode())

    async def _next(self, sid: str, kind: str, timeout: float = 10.0) -> Any:
        return await asyncio.wait_for(self._events[(sid, kind)].get(), timeout)

    async def connect(self, url: str, account: Account, transport: str = "websocket") -> JsDevice:
        sid = f"js{next(self._ids)}"
        self._send({"op": "connect", "id": sid, "url": url, "token": account.access_token, "transports": [transport]})
        connected = self._events[(sid, "connected")].get()
        refused = self._events[(sid, "connect_error")].get()
        done, pending = await asyncio.wait([asyncio.ensure_future(connected), asyncio.ensure_future(refused)],
                                           timeout=10, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        result = done.pop().result() if done else {"type": "timeout"}
        assert result["type"] == "connected", result
        return JsDevice(self, sid)

    async def call(self, sid: str, event: str, payload: Any) -> Any:
        req = next(self._requests)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._acks[req] = future
        self._send({"op": "emit", "id": sid, "req": req, "event": event, "payload": payload})
        return await asyncio.wait_for(future, 15)

    async def close_socket(self, sid: str) -> None:
        self._send({"op": "close", "id": sid})
        await self._next(sid, "closed")

    async def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.returncode is None:
            self._send({"op": "exit"})
            try:
                await asyncio.wait_for(self.proc.wait(), 5)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        if self._reader is not None:
            self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)


class JsDevice:
    def __init__(self, driver: JsDriver, sid: str) -> None:
        self.driver = driver
        self.sid = sid

    async def call(self, event: str, payload: Any) -> Any:
        return await self.driver.call(self.sid, event, payload)

    async def next_event(self, event: str, timeout: float = 10.0) -> Any:
        return await self.driver._next(self.sid, event, timeout)

    def pending(self, event: str) -> int:
        return self.driver._events[(self.sid, event)].qsize()

    async def close(self) -> None:
        await self.driver.close_socket(self.sid)


async def wait_for_subscribers(redis_url: str, channel: str, count: int, timeout: float = 10.0) -> None:
    """A server process subscribes shortly after start: wait until `count` listen."""
    redis = Redis.from_url(redis_url)

    async def subscribed() -> bool:
        [(_, subscribers)] = await redis.pubsub_numsub(channel)
        return int(subscribers) >= count

    try:
        await wait_until(subscribed, timeout, f"{count} processes subscribed to {channel}")
    finally:
        await redis.aclose()
