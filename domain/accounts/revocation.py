"""Revocation markers: what makes a still-unexpired access token unusable at once.

A user-wide marker (logout everywhere, password change, role change, suspension) refuses
every access token issued before it; a session marker (logout) refuses that login's tokens.
Markers live a little longer than an access token can, then expire by themselves. Every
revocation is also broadcast so each server process disconnects the user's live sockets.
infra/revocations.py holds the Redis implementation shared by all processes.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from domain.accounts.tokens import AccessClaims


@dataclass(frozen=True)
class Revocation:
    user_id: str
    session_id: str | None = None  # None: every session of the user
    # When it was decided (ms); None: now. Kept so a revocation replayed after a Redis outage
    # refuses exactly the tokens issued before it, not the fresh ones issued since.
    at_ms: int | None = None


Listener = Callable[[Revocation], Awaitable[None]]


class RevocationStore(Protocol):
    async def revoke(self, revocation: Revocation) -> None: ...

    async def is_revoked(self, claims: AccessClaims) -> bool: ...

    def listen(self, listener: Listener) -> None:
        """Call `listener` for every revocation, from any process."""


def now_ms() -> int:
    return int(time.time() * 1000)


class MemoryRevocationStore:
    """The single-process store of the embedded default."""

    def __init__(self, ttl_seconds: int) -> None:
        self._ttl_ms = ttl_seconds * 1000
        self._users: dict[str, int] = {}
        self._sessions: dict[str, int] = {}
        self._listeners: list[Listener] = []

    async def revoke(self, revocation: Revocation) -> None:
        stamp = now_ms()
        if revocation.session_id is None:
            self._users[revocation.user_id] = stamp
        else:
            self._sessions[revocation.session_id] = stamp
        self._expire(stamp)
        for listener in list(self._listeners):
            await listener(revocation)

    async def is_revoked(self, claims: AccessClaims) -> bool:
        revoked_at = self._users.get(claims.user_id)
        if revoked_at is not None and claims.issued_at_ms <= revoked_at:
            return True
        return claims.session_id is not None and claims.session_id in self._sessions

    def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _expire(self, now: int) -> None:
        for table in (self._users, self._sessions):
            for key in [k for k, stamp in table.items() if now - stamp > self._ttl_ms]:
                del table[key]
