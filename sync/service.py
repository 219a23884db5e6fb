"""Delta sync as the adapters see it: built once by the composition root from settings."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from domain.shared.context import Actor
from sync.cursor import CursorCodec
from sync.errors import SyncUnavailable
from sync.pull import Puller, PullInput
from sync.ticker import Ticker


@dataclass(frozen=True)
class SyncConfig:
    cursor_secret: bytes
    epoch: int = 1
    tick_interval_seconds: float = 0.025
    enabled: bool = True  # False on SQLite: nothing captures changes there (docs/sync.md)


class SyncService:
    def __init__(self, config: SyncConfig) -> None:
        self.config = config
        self.ticker = Ticker(config.tick_interval_seconds)
        self.puller = Puller(CursorCodec(config.cursor_secret), config.epoch)

    async def pull(self, actor: Actor, request: PullInput) -> bytes:
        if not self.config.enabled:
            raise SyncUnavailable()
        return await self.puller.pull(UUID(actor.user_id), request)
