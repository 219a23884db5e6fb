"""At most one `sync:poke` per socket per interval (`SYNC_POKE_INTERVAL_SECONDS`).

Pokes reach a socket from any process (sync/poke.py emits through Redis), so the coalescing
happens here, on the process that holds the socket, as the delivery filter of namespace `/`
(realtime/broadcast.py): after the Redis hop, before the socket.

- A poke whose cursor the socket has already been told of is dropped: the pull that followed
  the earlier poke saw everything up to it (a public ring arriving after a personal one).
- The first poke after a quiet interval goes out at once; pokes within the interval are held,
  and the newest of them goes out when the interval ends: one poke, the highest cursor.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

EVENT = "sync:poke"

Send = Callable[[str, Any], Awaitable[None]]  # (sid, payload): deliver to this socket only


def _cursor_of(data: Any) -> int | None:
    cursor = data.get("cursor") if isinstance(data, dict) else None
    try:
        return int(cursor) if cursor is not None else None
    except (TypeError, ValueError):
        return None


class PokeCoalescer:
    def __init__(self, interval_seconds: float, send: Send) -> None:
        self.interval = interval_seconds
        self._send = send
        self._last: dict[str, float] = {}  # sid -> when its last poke went out (monotonic)
        self._told: dict[str, int] = {}  # sid -> highest cursor it was poked with
        self._held: dict[str, tuple[int, Any]] = {}  # sid -> (cursor, payload) waiting for its turn
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._sending: set[asyncio.Task[None]] = set()
        self.coalesced = 0

    def keep(self, sid: str, event: str, data: Any) -> bool:
        """The delivery filter: True delivers this poke now; False drops or holds it."""
        if event != EVENT:
            return True
        cursor = _cursor_of(data)
        if cursor is None:
            return True
        if cursor <= self._told.get(sid, -1):
            self.coalesced += 1
            return False
        now = time.monotonic()
        last = self._last.get(sid)
        if last is None or now - last >= self.interval:
            self._last[sid], self._told[sid] = now, cursor
            return True
        self.coalesced += 1
        held = self._held.get(sid)
        if held is None or cursor > held[0]:
            self._held[sid] = (cursor, data)
        if sid not in self._timers:
            self._timers[sid] = asyncio.get_running_loop().call_later(last + self.interval - now, self._release, sid)
        return False

    def _release(self, sid: str) -> None:
        self._timers.pop(sid, None)
        held = self._held.pop(sid, None)
        if held is None or held[0] <= self._told.get(sid, -1):
            return
        self._last[sid], self._told[sid] = time.monotonic(), held[0]
        task = asyncio.ensure_future(self._send(sid, held[1]))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)

    def forget(self, sid: str) -> None:
        """The socket left: nothing more to hold for it."""
        timer = self._timers.pop(sid, None)
        if timer is not None:
            timer.cancel()
        self._held.pop(sid, None)
        self._last.pop(sid, None)
        self._told.pop(sid, None)
