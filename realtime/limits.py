"""How long and how many: a socket's authority ends with its access token, a user holds a
bounded number of sockets, and an address opens a bounded number of connections.

- `Deadlines`: each authenticated socket runs until its access token's `exp`. Before that the
  client may send `auth:refresh {token}` (realtime/base.py) to move the deadline; at the
  deadline the server sends `auth:expired {code: "token_expired"}` and disconnects the socket
  (an "io server disconnect": the client refreshes its token and connects again).
- `UserSockets`: at most `SOCKET_MAX_PER_USER` sockets per user on one namespace of one
  process. A new connection wins and the user's oldest socket there is closed with
  `socket:evicted {code: "too_many_sockets"}`: the device in the user's hand is the one that
  just connected, while the oldest is most likely an app instance that was abandoned.
- `HandshakeLimit`: new Engine.IO connections per client address per minute, through the
  shared rate limiter (Redis when configured); over it the handshake gets HTTP 429 with
  `Retry-After` and a `{code: "rate_limited", message, details: {retry_after}}` body.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from aiohttp import web

from domain.shared.errors import ErrorCode
from domain.shared.ratelimit import RateLimiter
from realtime.metrics import DROPS
from realtime.timers import DeadlineHeap

log = structlog.get_logger(__name__)

EXPIRED_EVENT = "auth:expired"
EVICTED_EVENT = "socket:evicted"
TOO_MANY_SOCKETS = "too_many_sockets"


class Deadlines:
    """Per socket (sid), the wall-clock second its token expires, on one shared timer."""

    def __init__(self, on_expiry: Callable[[str], Awaitable[None]]) -> None:
        self._on_expiry = on_expiry
        self._heap = DeadlineHeap(self._fire)
        self._running: set[asyncio.Task[None]] = set()

    def set(self, sid: str, expires_at: float) -> None:
        self._heap.set(sid, expires_at)

    def expired(self, sid: str) -> bool:
        """True once the token ran out, even before the timer has closed the socket."""
        at = self._heap.get(sid)
        return at is not None and time.time() >= at

    def clear(self, sid: str) -> None:
        self._heap.clear(sid)

    def hold(self, sid: str) -> None:
        """Keep the deadline but do not act on it: what a loaded event loop does for a while."""
        self._heap.hold(sid)

    def _fire(self, sid: str) -> None:
        task = asyncio.ensure_future(self._on_expiry(sid))
        self._running.add(task)
        task.add_done_callback(self._running.discard)


class UserSockets:
    """Per user, this namespace's sockets on this process, oldest first."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._of: dict[str, dict[str, None]] = {}

    def add(self, user_id: str, sid: str) -> list[str]:
        """Count the socket in; return the sockets to close to stay within the limit."""
        sids = self._of.setdefault(user_id, {})
        sids[sid] = None
        excess = len(sids) - self.limit
        return list(sids)[:excess] if excess > 0 else []

    def remove(self, user_id: str, sid: str) -> None:
        sids = self._of.get(user_id)
        if sids is not None:
            sids.pop(sid, None)
            if not sids:
                del self._of[user_id]


class HandshakeLimit:
    def __init__(self, limiter: RateLimiter, per_minute: int, client_ip: Callable[[web.Request], str]) -> None:
        self._limiter = limiter
        self._per_minute = per_minute
        self._client_ip = client_ip

    async def refusal(self, request: Any) -> web.Response | None:
        """None to let the request through, else the 429 answer. Only a handshake counts (a
        request without `sid`); polls and upgrades of an open connection do not."""
        if not isinstance(request, web.Request) or "sid" in request.query:
            return None
        try:
            retry_after = await self._limiter.hit("eio:" + self._client_ip(request), self._per_minute, 60)
        except Exception as exc:  # fail open, as the HTTP limiter does: an outage must not lock everyone out
            log.warning("handshake_limiter_unavailable", error=f"{type(exc).__name__}: {exc}")
            return None
        if retry_after is None:
            return None
        DROPS.labels("*", "handshake_rate_limited").inc()
        seconds = math.ceil(retry_after)
        body = {"code": str(ErrorCode.RATE_LIMITED), "message": "Too many new connections from this address.",
                "details": {"retry_after": seconds}}
        return web.json_response(body, status=429, headers={"Retry-After": str(seconds)})
