"""An Engine.IO v4 client by hand (long-polling requests and websocket frames), for tests that
check what the server answers on the wire, packet by packet."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import aiohttp

SEPARATOR = "\x1e"  # between packets of a long-polling payload


@dataclass
class Answer:
    status: int
    text: str

    @property
    def packets(self) -> list[str]:
        return self.text.split(SEPARATOR) if self.text else []

    def json(self) -> Any:
        return json.loads(self.text)


class RawEngineIO:
    """Requests to /socket.io/ on one server; `sid` is set by `handshake`."""

    def __init__(self, http: aiohttp.ClientSession, base_url: str) -> None:
        self.http = http
        self.url = base_url.rstrip("/") + "/socket.io/"
        self.sid: str | None = None

    def query(self, transport: str | None = "polling", **extra: str) -> dict[str, str]:
        params = {"EIO": "4", **extra}
        if transport is not None:
            params["transport"] = transport
        if self.sid is not None:
            params["sid"] = self.sid
        return params

    async def request(self, method: str, params: dict[str, str], body: str | None = None) -> Answer:
        async with self.http.request(method, self.url, params=params, data=body) as response:
            return Answer(response.status, await response.text())

    async def handshake(self) -> dict[str, Any]:
        """Open a long-polling session; returns the OPEN packet's data."""
        answer = await self.request("GET", self.query())
        assert answer.status == 200, answer
        assert answer.text.startswith("0"), answer.text
        opened: dict[str, Any] = json.loads(answer.text[1:])
        self.sid = opened["sid"]
        return opened

    async def poll(self) -> Answer:
        return await self.request("GET", self.query())

    async def push(self, *packets: str) -> Answer:
        return await self.request("POST", self.query(), SEPARATOR.join(packets))

    async def websocket(self) -> aiohttp.ClientWebSocketResponse:
        """Open the websocket transport (an upgrade of this session when it has a sid)."""
        return await self.http.ws_connect(self.url, params=self.query("websocket"))


def connect_packet(namespace: str, auth: dict[str, Any]) -> str:
    """A Socket.IO CONNECT inside an Engine.IO MESSAGE."""
    prefix = "" if namespace == "/" else f"{namespace},"
    return f"40{prefix}{json.dumps(auth)}"
