"""The in-process presence store: the embedded default (one process, no Redis). Same contract
and the same rules as the Redis store, step for step (domain/presence/store.py)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from domain.presence.store import Clock, PresenceState, Status, expiry_window, status_of


@dataclass
class _User:
    conns: dict[str, float] = field(default_factory=dict)  # conn id -> expires at
    away: set[str] = field(default_factory=set)
    status: Status = Status.OFFLINE
    last_seen: float | None = None


class MemoryPresenceStore:
    def __init__(self, ttl: float, clock: Clock = time.time) -> None:
        self.ttl = ttl
        self._window = expiry_window(ttl)
        self._clock = clock
        self._users: dict[str, _User] = {}

    def _user(self, user_id: str) -> _User:
        return self._users.setdefault(user_id, _User())

    async def connect(self, user_id: str, conn_id: str) -> PresenceState | None:
        now = self._clock()
        user = self._user(user_id)
        user.conns[conn_id] = now + self._window
        user.away.discard(conn_id)
        return self._recompute(user_id, user, now, explicit=False)

    async def disconnect(self, user_id: str, conn_id: str) -> PresenceState | None:
        user = self._users.get(user_id)
        if user is None:
            return None
        user.conns.pop(conn_id, None)
        user.away.discard(conn_id)
        return self._recompute(user_id, user, self._clock(), explicit=True)

    async def set_away(self, user_id: str, conn_id: str, away: bool) -> PresenceState | None:
        user = self._users.get(user_id)
        if user is None:
            return None
        now = self._clock()
        if conn_id in user.conns and user.conns[conn_id] > now:
            (user.away.add if away else user.away.discard)(conn_id)
        return self._recompute(user_id, user, now, explicit=False)

    async def refresh(self, conns: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        now = self._clock()
        missing = []
        for user_id, conn_id in conns:
            user = self._users.get(user_id)
            if user is None or user.conns.get(conn_id, 0.0) <= now:
                missing.append((user_id, conn_id))
            else:
                user.conns[conn_id] = now + self._window
        return missing

    async def sweep(self) -> list[PresenceState]:
        now = self._clock()
        changes = []
        for user_id, user in list(self._users.items()):
            if any(expires <= now for expires in user.conns.values()):
                change = self._recompute(user_id, user, now, explicit=False)
                if change is not None:
                    changes.append(change)
        return changes

    async def states(self, user_ids: Iterable[str]) -> list[PresenceState]:
        result = []
        for user_id in user_ids:
            user = self._users.get(user_id)
            if user is None:
                result.append(PresenceState(user_id, Status.OFFLINE, None))
            else:
                result.append(PresenceState(user_id, user.status, user.last_seen))
        return result

    async def forget(self, user_id: str) -> None:
        self._users.pop(user_id, None)

    async def close(self) -> None:
        return None

    def _recompute(self, user_id: str, user: _User, now: float, *, explicit: bool) -> PresenceState | None:
        """Drop expired connections, derive the status, and report it if it changed. An
        explicit disconnect is seen now; expired connections were last seen at their refresh."""
        last_alive = None
        for conn_id, expires in list(user.conns.items()):
            if expires <= now:
                del user.conns[conn_id]
                user.away.discard(conn_id)
                seen = expires - self._window
                last_alive = seen if last_alive is None else max(last_alive, seen)
        status = status_of(len(user.conns), len(user.away))
        if status == user.status:
            return None
        if status == Status.OFFLINE and not explicit and last_alive is not None:
            user.last_seen = last_alive
        else:
            user.last_seen = now
        user.status = status
        if status == Status.OFFLINE:
            state = PresenceState(user_id, status, user.last_seen)
            if not user.conns:  # keep only what states() needs
                self._users[user_id] = _User(status=status, last_seen=user.last_seen)
            return state
        return PresenceState(user_id, status, user.last_seen)
