"""python-socketio clients for tests: connect or record why not, and wait for events."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import socketio

from domain.accounts.tokens import TokenSigner


def signer_for(settings: Any) -> TokenSigner:
    """The signer a server built from `settings` trusts."""
    return TokenSigner(settings.signing_keys, settings.jwt_active_kid, settings.access_token_ttl_seconds)


@dataclass
class Attempt:
    connected: bool
    connect_errors: list[Any]
    client: socketio.AsyncClient


async def try_connect(
    url: str,
    namespace: str,
    *,
    auth: Any = None,
    transport: str = "websocket",
    headers: dict[str, str] | None = None,
    keep: bool = False,
) -> Attempt:
    """One connection attempt; `connect_errors` holds the data of each `connect_error`."""
    client = socketio.AsyncClient(reconnection=False)
    errors: list[Any] = []

    async def on_connect_error(*data: Any) -> None:
        errors.append(data[0] if len(data) == 1 else list(data))

    client.on("connect_error", on_connect_error, namespace=namespace)
    try:
        await client.connect(
            url, namespaces=[namespace], auth=auth, transports=[transport], headers=headers or {}, wait_timeout=5
        )
    except socketio.exceptions.ConnectionError:
        # A handshake refused at the Engine.IO level leaves the client's HTTP session open.
        http = getattr(client.eio, "http", None)
        if http is not None and not http.closed:
            await http.close()
        return Attempt(False, errors, client)
    if not keep:
        await client.disconnect()
    return Attempt(True, errors, client)


@dataclass
class Recorder:
    """A connected client that records named events and disconnects, per namespace."""

    client: socketio.AsyncClient
    events: dict[tuple[str, str], asyncio.Queue[Any]] = field(default_factory=lambda: defaultdict(asyncio.Queue))
    disconnects: dict[str, asyncio.Queue[str]] = field(default_factory=lambda: defaultdict(asyncio.Queue))

    @classmethod
    async def connect(
        cls,
        url: str,
        token: str,
        namespaces: Sequence[str],
        events: Sequence[str] = (),
        transport: str = "websocket",
    ) -> Recorder:
        recorder = cls(socketio.AsyncClient(reconnection=False))
        for namespace in namespaces:
            for event in events:
                recorder.client.on(event, recorder._collector(namespace, event), namespace=namespace)
            recorder.client.on("disconnect", recorder._disconnect_collector(namespace), namespace=namespace)
        await recorder.client.connect(
            url, namespaces=list(namespaces), auth={"token": token}, transports=[transport], wait_timeout=5
        )
        return recorder

    def listen(self, namespace: str, event: str) -> None:
        """Record `event` too, from now on."""
        self.client.on(event, self._collector(namespace, event), namespace=namespace)

    def _collector(self, namespace: str, event: str) -> Any:
        async def collect(*data: Any) -> None:
            self.events[(namespace, event)].put_nowait(data[0] if len(data) == 1 else list(data))

        return collect

    def _disconnect_collector(self, namespace: str) -> Any:
        async def collect(reason: str = "") -> None:
            self.disconnects[namespace].put_nowait(reason)

        return collect

    async def next_event(self, namespace: str, event: str, timeout: float = 5.0) -> Any:
        return await asyncio.wait_for(self.events[(namespace, event)].get(), timeout)

    def pending(self, namespace: str, event: str) -> int:
        return self.events[(namespace, event)].qsize()

    async def next_disconnect(self, namespace: str, timeout: float = 5.0) -> str:
        return await asyncio.wait_for(self.disconnects[namespace].get(), timeout)

    async def close(self) -> None:
        if self.client.connected:
            await self.client.disconnect()


MARKER = "test:marker"


class _Emitter(Protocol):
    async def emit_to_room(self, namespace: str, room: str, event: str, payload: Any) -> None: ...


async def caught_up(emitter: _Emitter, namespace: str, *recorders: Recorder) -> None:
    """Everything the server published to these sockets before this call has reached them (or
    was dropped): a marker sent to each socket along the same path (the app's emitter, the
    Redis channel, the socket) comes back after it. An absence proven without a sleep, for
    what was published before; not for what a server still has to publish."""
    for recorder in recorders:
        recorder.listen(namespace, MARKER)
        await emitter.emit_to_room(namespace, recorder.client.get_sid(namespace), MARKER, {})
        await recorder.next_event(namespace, MARKER, timeout=10)
