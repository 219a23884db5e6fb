"""Namespace `/`: sync pokes (`sync:poke`): the durable path's doorbell.

Each socket hears at most one poke per `SYNC_POKE_INTERVAL_SECONDS` (realtime/pokes.py).
"""

from __future__ import annotations

from typing import Any

from realtime.base import AuthenticatedNamespace
from realtime.deps import RealtimeDeps
from realtime.pokes import EVENT as POKE_EVENT
from realtime.pokes import PokeCoalescer


class RootNamespace(AuthenticatedNamespace):
    NAME = "/"

    def __init__(self, namespace: str, deps: RealtimeDeps) -> None:
        super().__init__(namespace, deps)
        self.pokes = PokeCoalescer(getattr(deps.settings, "sync_poke_interval_seconds", 1.0), self._poke)
        self._filtering = False

    async def on_connect(self, sid: str, environ: dict[str, Any], auth: Any = None) -> None:
        await super().on_connect(sid, environ, auth)
        manager = self.server.manager
        if not self._filtering and hasattr(manager, "set_delivery_filter"):
            manager.set_delivery_filter(self.namespace, self.pokes.keep)
            self._filtering = True

    async def on_disconnect(self, sid: str, reason: str | None = None) -> None:
        self.pokes.forget(sid)
        await super().on_disconnect(sid, reason)

    async def _poke(self, sid: str, payload: Any) -> None:
        await self.server.emit_here(sid, self.namespace, POKE_EVENT, payload)
