"""How a flag change reaches every process: the port (`FlagBroadcast`; Redis pub/sub in
infra/flag_broadcast.py) and the one-process default."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol

Message = dict[str, Any]
Listener = Callable[[Message], Awaitable[None]]


class FlagBroadcast(Protocol):
    """Tells every process (this one included) that flags changed: `{"keys": [...], "cursor"}`."""

    async def publish(self, message: Message) -> None: ...

    def listen(self, listener: Listener) -> None: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class LocalBroadcast:
    """One process (no Redis): the message goes straight to this process's listener."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    async def publish(self, message: Message) -> None:
        for listener in list(self._listeners):
            await listener(message)

    def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None
