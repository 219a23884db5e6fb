"""Presence: who is online, away or offline, across every server process.

A user is `online` while any of their connections (one per device or tab: an Engine.IO
connection, whatever namespaces it carries) is alive on any process, `away` when every live
connection of theirs said `presence:set {status: "away"}`, `offline` otherwise, with
`last_seen`. Connections are kept alive by their process's heartbeat; a process that dies stops
refreshing them and they expire, so its users go offline within `ttl` without anyone's help.

This module is the port: the contract (`PresenceStore`) and its value types. Implementations:
`domain.presence.memory.MemoryPresenceStore` (one process, the embedded default) and
`infra.presence.RedisPresenceStore` (every process of a deployment); one contract test runs
against both (tests/test_presence_store.py).

Timing, for a store built with `ttl`: a connection's record expires `expiry_window(ttl)` after
its last refresh, processes refresh and sweep every `heartbeat_interval(ttl)`; a crash is thus
noticed at most window + interval = ttl after the last refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

Clock = Callable[[], float]  # seconds since the epoch, shared meaning across processes


class Status(StrEnum):
    ONLINE = "online"
    AWAY = "away"
    OFFLINE = "offline"


@dataclass(frozen=True)
class PresenceState:
    user_id: str
    status: Status
    # When the user was last connected: the moment of this change for online/away, the moment
    # the last connection closed (or was last heard of, after a crash) for offline; None for a
    # user never seen (or not for a long time).
    last_seen: float | None

    def to_wire(self) -> dict[str, Any]:
        return {"user_id": self.user_id, "status": self.status.value, "last_seen": iso_time(self.last_seen)}


def iso_time(stamp: float | None) -> str | None:
    if stamp is None:
        return None
    return datetime.fromtimestamp(stamp, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def expiry_window(ttl: float) -> float:
    return ttl * 2 / 3


def heartbeat_interval(ttl: float) -> float:
    return ttl / 3


def status_of(live: int, away: int) -> Status:
    if live == 0:
        return Status.OFFLINE
    return Status.AWAY if away >= live else Status.ONLINE


class PresenceStore(Protocol):
    """Connections are identified by an id unique across processes (the Engine.IO sid).

    Each write returns the user's new state when their status changed, None when it did not:
    the caller announces changes, so every change is announced once, by whoever made it.
    """

    ttl: float

    async def connect(self, user_id: str, conn_id: str) -> PresenceState | None: ...

    async def disconnect(self, user_id: str, conn_id: str) -> PresenceState | None: ...

    async def set_away(self, user_id: str, conn_id: str, away: bool) -> PresenceState | None:
        """Mark one live connection away (or back); unknown connections change nothing."""
        ...

    async def refresh(self, conns: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        """Extend the life of these live (user_id, conn_id) connections; returns those the store
        no longer knew (expired or lost), for the caller to `connect` again."""
        ...

    async def sweep(self) -> list[PresenceState]:
        """Expire connections nobody refreshed in time; the changes it caused."""
        ...

    async def states(self, user_ids: Iterable[str]) -> list[PresenceState]: ...

    async def forget(self, user_id: str) -> None:
        """Drop everything kept about the user (connections, status, last seen): their account was
        erased (domain/privacy). A connection of theirs still open comes back on its next heartbeat."""
        ...

    async def close(self) -> None: ...
