"""The port messaging uses to tell users' devices: the socket adapter implements it
(realtime/namespaces/messaging.py) by emitting to each user's room on /messaging, on every
server process. The domain never imports socketio."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from pydantic import BaseModel


class Fanout(Protocol):
    async def to_users(self, user_ids: Iterable[str], event: str, payload: dict[str, Any] | BaseModel) -> None:
        """Emit `event` to every socket of each user; best effort (a lost emit is recovered by catch-up).
        A model (the event's own, realtime/events.py) is dumped once; a dict is checked against it."""

