"""Delta sync as the adapters see it: built once by the composition root from settings."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.connection import connections

from domain.accounts.services import AccountsService
from domain.shared.context import Actor
from sync.compaction import compaction_context
from sync.cursor import CursorCodec
from sync.dialect import dialect
from sync.mutations import Mutation, Mutations
from sync.poke import Poker
from sync.pull import Puller, PullInput
from sync.push import Pusher
from sync.visibility import SingleFlight


@dataclass(frozen=True)
class SyncConfig:
    cursor_secrets: tuple[bytes, ...]
    epoch: int = 1
    tick_interval_seconds: float = 0.025
    retention_seconds: float = 30 * 86400
    compaction_interval_seconds: float = 3600
    sqlite: bool = False  # the embedded demo: SQLite's dialect (sync/sqlite.py)


class SyncService:
    def __init__(self, config: SyncConfig, accounts: AccountsService | None = None) -> None:
        self.config = config
        self.dialect = dialect(config.sqlite)  # chosen once: every part below speaks it
        self.ticker = self.dialect.ticker(config.tick_interval_seconds)
        self.visible = SingleFlight(self._visible_tick)  # concurrent callers share one tick
        self.mutations = Mutations(accounts)
        self.pusher = Pusher(self.mutations, self.visible, self.dialect)
        self.poker = Poker(self.dialect)  # bound to the realtime emitter by the composition root
        self.ticker.on_tick(self.poker.on_tick)
        self.puller = Puller(CursorCodec(config.cursor_secrets), config.epoch, self.dialect)

    def contexts(self, on_commit: Callable[[Callable[[], None]], Callable[[], None]]
                 ) -> list[Callable[[Any], AsyncIterator[None]]]:
        """The background tasks (aiohttp cleanup contexts): the ticker and the compaction."""
        return [self._poker_context, self.ticker.context(on_commit),
                compaction_context(self.dialect, self.config.retention_seconds,
                                   self.config.compaction_interval_seconds)]

    async def _poker_context(self, _app: Any) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await self.poker.aclose()

    async def visible_cursor(self) -> str | None:
        """The sync position (PROTOCOL section 3: the `cursor` of a realtime event) at which
        everything committed before this call is visible to pulls.

        Call it after the change committed, then emit with it. Concurrent callers share ticks
        (sync/visibility.py): one tick that starts after a call serves it."""
        return str(await self.visible.position())

    async def _visible_tick(self) -> int:
        tick = await self.ticker.tick(wait=True)
        if tick is None:  # nothing pending: another ticker moved it, the head covers it
            async with connections.get("default").acquire_connection() as raw:
                tick = int((await self.dialect.conn(raw).fetchrow(self.dialect.queries.STATE))["head"])
        return tick

    async def pull(self, actor: Actor, request: PullInput) -> bytes:
        return await self.puller.pull(UUID(actor.user_id), request)

    async def push(self, actor: Actor, client_id: UUID, batch: list[Mutation]) -> dict[str, Any]:
        return await self.pusher.push(actor, client_id, batch)
